package org.studentregistry.web.rest.problem;

import jakarta.json.JsonValue;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonLocation;

import java.util.Locale;

/**
 * A JSON value of another kind than its field takes (a number where text belongs, a string where true or false
 * does, a fraction where a whole number does); its message says what was found, where, and what to send.
 */
public final class WrongValueKindException extends JsonbException {

    private static final long serialVersionUID = 1L;

    /** What a field takes: its name in the message, and how to send it. */
    public enum Expected {
        TEXT("A text field", "text is sent as a JSON string"),
        TRUE_OR_FALSE("A true-or-false field", "send true or false, without quotes"),
        WHOLE_NUMBER("A whole-number field", "send a whole number, such as 3");

        private final String field;
        private final String advice;

        Expected(String field, String advice) {
            this.field = field;
            this.advice = advice;
        }
    }

    public WrongValueKindException(Expected expected, JsonValue found, JsonLocation where) {
        super(expected.field + " holds " + kind(expected, found) + (where == null ? ""
                : " (line " + where.getLineNumber() + ", column " + where.getColumnNumber() + ")")
                + "; " + expected.advice + ".");
    }

    private static String kind(Expected expected, JsonValue found) {
        return switch (found.getValueType()) {
            case NUMBER -> expected == Expected.WHOLE_NUMBER ? "a fraction, or a number too large" : "a number";
            case TRUE, FALSE -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            default -> "a " + found.getValueType().name().toLowerCase(Locale.ROOT);
        };
    }
}
