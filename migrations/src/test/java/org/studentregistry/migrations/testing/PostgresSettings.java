package org.studentregistry.migrations.testing;

import java.util.Optional;

/**
 * Where the tests find a PostgreSQL database to work in, each test in a fresh schema of its own: a system property
 * or, without it, an environment variable for each of the URL, the user and the password
 * ({@code .ci/postgres start} starts a throwaway server and prints them). The user must be allowed to create schemas
 * in that database.
 */
public record PostgresSettings(String url, String user, String password) {

    public static final String URL = "REGISTRY_TEST_POSTGRES_URL";
    public static final String USER = "REGISTRY_TEST_POSTGRES_USER";
    public static final String PASSWORD = "REGISTRY_TEST_POSTGRES_PASSWORD";

    private static volatile boolean told;

    /** The settings, when the URL is given. */
    public static Optional<PostgresSettings> fromEnvironment() {
        return setting(URL).map(url -> new PostgresSettings(url, setting(USER).orElse(null),
                setting(PASSWORD).orElse(null)));
    }

    /**
     * Why a PostgreSQL test cannot run, said once on standard error in a box, as the browser tests do; on a CI
     * server (a non-empty {@code CI} variable) an exception instead, so that the build fails.
     */
    static String missing() {
        String reason = "POSTGRESQL TESTS SKIPPED: " + URL + " (and " + USER + ", " + PASSWORD + ") is not set."
                + " Start a throwaway server with: eval \"$(.ci/postgres start)\"";
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank()) {
            throw new IllegalStateException(reason.replace("SKIPPED", "CANNOT RUN ON CI"));
        }
        if (!told) {
            told = true;
            System.err.println();
            System.err.println("*".repeat(reason.length()));
            System.err.println(reason);
            System.err.println("*".repeat(reason.length()));
            System.err.println();
        }
        return reason;
    }

    /* registry.test.postgres.url for REGISTRY_TEST_POSTGRES_URL, and so on. */
    private static Optional<String> setting(String variable) {
        String property = variable.toLowerCase(java.util.Locale.ROOT).replace('_', '.');
        String value = System.getProperty(property, System.getenv(variable));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    @Override
    public String toString() {
        return "PostgresSettings[url=" + url + ", user=" + user + "]";
    }
}
