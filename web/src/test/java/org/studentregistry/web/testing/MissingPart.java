package org.studentregistry.web.testing;

/**
 * What a test does without an optional part it needs (Chromium, PostgreSQL, nginx): it is skipped with a notice
 * no one can miss, or, on a CI server, where every part must be there, it fails.
 */
final class MissingPart {

    private MissingPart() {
    }

    /** Fails on CI; elsewhere prints the reason, framed, and returns it for the caller to skip with. */
    static String skipLoudly(String reason) {
        if (onCi()) {
            throw new IllegalStateException(reason.replace("SKIPPED", "CANNOT RUN ON CI"));
        }
        String frame = "*".repeat(reason.length());
        System.err.println();
        System.err.println(frame);
        System.err.println(reason);
        System.err.println(frame);
        System.err.println();
        return reason;
    }

    /** CI servers set {@code CI} to different values ({@code true}, {@code 1}...); only an unset or empty one is not CI. */
    private static boolean onCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank();
    }
}
