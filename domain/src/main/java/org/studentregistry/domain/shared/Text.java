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

    /**
     * Whether the text holds a control character (Unicode's Cc: NUL, line breaks, tabs and the like), which
     * {@link SingleLine} refuses in every stored field and the password rules refuse too.
     */
    public static boolean holdsControlCharacter(String value) {
        return value != null && value.chars().anyMatch(Character::isISOControl);
    }
}
