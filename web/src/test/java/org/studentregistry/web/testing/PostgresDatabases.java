package org.studentregistry.web.testing;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostgreSQL server the tests may use, named by {@code REGISTRY_TEST_POSTGRES_URL}, {@code _USER} and
 * {@code _PASSWORD} (in the environment, or as the system properties {@code registry.test.postgres.url} and so on;
 * {@code .ci/postgres start} starts a throwaway one and prints them). Each caller gets a fresh schema of its own in
 * that database. Without the settings a PostgreSQL test is skipped, loudly; on CI (a non-empty {@code CI}) it fails.
 */
public record PostgresDatabases(String url, String user, String password) {

    /** The server, or the test skipped (failed on CI) when none is configured. */
    public static PostgresDatabases required() {
        String url = setting("REGISTRY_TEST_POSTGRES_URL");
        if (url == null) {
            String reason = "POSTGRESQL TESTS SKIPPED: REGISTRY_TEST_POSTGRES_URL (and _USER, _PASSWORD) is not set."
                    + " Start a throwaway server with: eval \"$(.ci/postgres start)\"";
            Assumptions.abort(MissingPart.skipLoudly(reason));
        }
        return new PostgresDatabases(url, setting("REGISTRY_TEST_POSTGRES_USER"),
                setting("REGISTRY_TEST_POSTGRES_PASSWORD"));
    }

    /** The JDBC URL of a new, empty schema, which its connections use by default. */
    public String freshSchema(String prefix) {
        String schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create schema " + schema + " on " + url, e);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static String setting(String variable) {
        String value = System.getProperty(variable.toLowerCase(Locale.ROOT).replace('_', '.'),
                System.getenv(variable));
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return url + (user == null ? "" : " as " + user);
    }
}
