package org.studentregistry.web.database;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.studentregistry.migrations.SchemaMigrator;
import org.studentregistry.migrations.SchemaMigrator.MigrationOutcome;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Migrates the database when the application starts, before anything uses JPA, and shuts embedded Derby down when
 * it stops.
 *
 * <p>A failed migration does not stop the deployment: it is rolled back, logged with its cause, and the
 * application stays deployed but reports itself not ready, so that health checks (not a bare 404) tell operators
 * what is wrong.
 *
 * <p>A CDI bean observing the application's start, not a start-up EJB: the application has no other EJB, and
 * without one the server does not start its EJB container for it, which shortens every start.
 */
@ApplicationScoped
public class DatabaseMigration {

    /** The order of the application's start-up work: the schema first, then what reads it. */
    public static final int FIRST = Interceptor.Priority.APPLICATION;

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());
    private static final String DERBY_EMBEDDED_PREFIX = "jdbc:derby:";

    @Inject
    private DataSource dataSource;

    private volatile String failure = "migrations have not run yet";
    private volatile boolean embeddedDerby;

    void migrate(@Observes @Initialized(ApplicationScoped.class) @Priority(FIRST) Object applicationStarted) {
        try {
            describeDatabase();
            MigrationOutcome outcome = new SchemaMigrator(dataSource).migrate();
            LOG.info(() -> "Database schema is at version " + outcome.toVersion()
                    + (outcome.applied() == 0 ? " (up to date)"
                    : " (applied " + outcome.applied() + " migration(s) from version "
                    + Optional.ofNullable(outcome.fromVersion()).orElse("empty") + ")"));
            failure = null;
        } catch (RuntimeException | SQLException e) {
            failure = e.getMessage();
            LOG.log(Level.SEVERE, "Database migration failed; the schema was left as it was and the application"
                    + " reports itself not ready. Cause: " + e.getMessage(), e);
        }
    }

    /** Null when the schema is migrated; otherwise why it is not. */
    public String failure() {
        return failure;
    }

    private void describeDatabase() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String url = meta.getURL();
            embeddedDerby = url.startsWith(DERBY_EMBEDDED_PREFIX) && !url.startsWith(DERBY_EMBEDDED_PREFIX + "//");
            String where = embeddedDerby ? embeddedLocation(url.substring(DERBY_EMBEDDED_PREFIX.length())) : url;
            String product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            LOG.info(() -> "Database: " + product + " at " + where);
        }
    }

    /** The absolute directory of an embedded Derby database, resolved as Derby resolves it. */
    private static String embeddedLocation(String name) {
        String database = name.split(";", 2)[0];
        if (database.startsWith("memory:")) {
            return database + " (in memory)";
        }
        String home = System.getProperty("derby.system.home", System.getProperty("user.dir"));
        return Path.of(home).resolve(database).toAbsolutePath().normalize().toString();
    }

    /**
     * Stops the embedded Derby engine, so that the database files are closed and a redeploy (or a dev-mode loop)
     * can boot it again in a new class loader.
     */
    @PreDestroy
    void shutdownEmbeddedDerby() {
        if (!embeddedDerby) {
            return;
        }
        try {
            Driver driver = (Driver) Class.forName("org.apache.derby.jdbc.EmbeddedDriver")
                    .getDeclaredConstructor().newInstance();
            driver.connect(DERBY_EMBEDDED_PREFIX + ";shutdown=true", new Properties());
        } catch (SQLException e) {
            if ("XJ015".equals(e.getSQLState())) {
                LOG.info("Embedded Derby shut down cleanly");
            } else {
                LOG.log(Level.WARNING, "Embedded Derby did not shut down cleanly", e);
            }
        } catch (ReflectiveOperationException e) {
            LOG.log(Level.WARNING, "Embedded Derby driver not found at shutdown", e);
        }
    }
}
