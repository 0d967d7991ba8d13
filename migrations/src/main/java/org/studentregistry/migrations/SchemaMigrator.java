package org.studentregistry.migrations;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;

/**
 * Brings a database to the newest schema by applying the registry's Flyway migrations.
 *
 * <p>This is the single place that says how Flyway is configured, so the application at start and any tool
 * that migrates by hand apply the same scripts the same way. Each migration runs in its own transaction; Derby's
 * DDL is transactional, so a failing script leaves the schema as it was before that script.
 */
public final class SchemaMigrator {

    /** Where the scripts live on the class path, in this module's jar. */
    public static final String LOCATION = "classpath:db/migration";

    private final Flyway flyway;

    public SchemaMigrator(DataSource dataSource) {
        this.flyway = configure(dataSource, LOCATION);
    }

    /** Flyway as the registry uses it: its scripts, never {@code clean}. */
    public static Flyway configure(DataSource dataSource, String location) {
        return configure(dataSource, location, null);
    }

    /** The same, migrating only up to {@code target} when it is given. */
    public static Flyway configure(DataSource dataSource, String location, String target) {
        var configuration = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations(location)
                .cleanDisabled(true);
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    /**
     * Applies every pending migration, newest last.
     *
     * @return what was done, for the log
     * @throws org.flywaydb.core.api.FlywayException when a migration fails (it is rolled back) or the
     *                                               applied history does not match the scripts
     */
    public MigrationOutcome migrate() {
        MigrateResult result = flyway.migrate();
        return new MigrationOutcome(result.migrationsExecuted, result.initialSchemaVersion, currentVersion());
    }

    /** The version of the newest applied migration, or {@code null} on an empty database. */
    public String currentVersion() {
        MigrationInfo current = flyway.info().current();
        return current == null ? null : current.getVersion().getVersion();
    }

    /** True when every migration the scripts define has been applied. */
    public boolean isUpToDate() {
        return flyway.info().pending().length == 0;
    }

    /** What one run of {@link #migrate()} did. */
    public record MigrationOutcome(int applied, String fromVersion, String toVersion) {
    }
}
