package org.studentregistry.service;

/** Text a visitor typed, made safe for one log line: no line breaks or other control characters, and short. */
public final class Logged {

    private static final int LONGEST = 80;

    private Logged() {
    }

    public static String text(Object typed) {
        if (typed == null) {
            return "(none)";
        }
        String text = typed.toString().replaceAll("\\p{Cntrl}", "?");
        return "'" + (text.length() > LONGEST ? text.substring(0, LONGEST) + "..." : text) + "'";
    }
}
