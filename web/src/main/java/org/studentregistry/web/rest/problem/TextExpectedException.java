package org.studentregistry.web.rest.problem;

import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonLocation;

import java.util.Locale;

/** A JSON value of another kind where a resource takes text; its message says which kind, and where. */
public final class TextExpectedException extends JsonbException {

    private static final long serialVersionUID = 1L;

    public TextExpectedException(JsonValue.ValueType found, JsonLocation where) {
        super("A text field holds " + kind(found) + (where == null ? "" : " (line " + where.getLineNumber()
                + ", column " + where.getColumnNumber() + ")") + "; text is sent as a JSON string.");
    }

    private static String kind(JsonValue.ValueType found) {
        return switch (found) {
            case TRUE, FALSE -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> "a " + found.name().toLowerCase(Locale.ROOT);
        };
    }
}
