package org.studentregistry.web.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * Whether the application can serve: ready only when every migration was applied and the database answers now.
 * Asked by {@link ReadinessServlet} and, on servers with MicroProfile Health, by its readiness check.
 *
 * <p>The check is public, so it says what is wrong in general terms only: the database's own message can name its
 * host, its user or a script's SQL. That message goes to the server's log, once per outage rather than per probe.
 */
@ApplicationScoped
public class DatabaseReadiness {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;
    private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());

    @Inject
    private DatabaseMigration migration;

    @Inject
    private DataSource dataSource;

    /* The last connection failure logged; null while the database answers. */
    private final AtomicReference<String> loggedFailure = new AtomicReference<>();

    /** The outcome of one check: up or down, with what an operator needs to know. */
    public record Status(boolean up, Map<String, String> data) {
    }

    public Status check() {
        if (migration.failure() != null) {
            return new Status(false, Map.of("migrations", "not applied: the server's log says why"));
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                return new Status(false, Map.of("connection", "the database did not answer"));
            }
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage());
            if (!message.equals(loggedFailure.getAndSet(message))) {
                LOG.warning(() -> "Not ready: no connection to the database: " + message);
            }
            return new Status(false, Map.of("connection", "no connection to the database (SQL state "
                    + e.getSQLState() + "): the server's log says why"));
        }
        if (loggedFailure.getAndSet(null) != null) {
            LOG.info("Ready: the database answers again");
        }
        return new Status(true, Map.of("migrations", "applied"));
    }
}
