package org.studentregistry.domain.shared;

/** The normalisation every free-text field of the domain gets before it is validated or stored. */
public final class Text {

    private Text() {
    }

    /**
     * Strips leading and trailing white space (Unicode-aware, unlike {@link String#trim()}); null stays null
     * so that "required" is reported as missing rather than as too short.
     */
    public static String normalize(String value) {
        return value == null ? null : value.strip();
    }
}
