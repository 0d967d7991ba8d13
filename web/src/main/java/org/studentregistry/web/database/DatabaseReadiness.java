package org.studentregistry.web.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Whether the application can serve: ready only when every migration was applied and the database answers now.
 * Asked by {@link ReadinessServlet} and, on servers with MicroProfile Health, by its readiness check.
 */
@ApplicationScoped
public class DatabaseReadiness {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Inject
    private DatabaseMigration migration;

    @Inject
    private DataSource dataSource;

    /** The outcome of one check: up or down, with what an operator needs to know. */
    public record Status(boolean up, Map<String, String> data) {
    }

    public Status check() {
        String failure = migration.failure();
        if (failure != null) {
            return new Status(false, Map.of("migrations", failure));
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                return new Status(false, Map.of("connection", "the database did not answer"));
            }
        } catch (SQLException e) {
            return new Status(false, Map.of("connection", String.valueOf(e.getMessage())));
        }
        return new Status(true, Map.of("migrations", "applied"));
    }
}
