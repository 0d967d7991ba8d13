package org.studentregistry.migrations;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Brings a database to the newest schema by applying the registry's Flyway migrations.
 *
 * <p>This is the single place that says how Flyway is configured, so the application at start and any tool
 * that migrates by hand apply the same scripts the same way. Each migration runs in its own transaction; Derby's
 * and PostgreSQL's DDL is transactional, so a failing script leaves the schema as it was before that script.
 *
 * <p>The scripts are in two folders for each database: {@value #COMMON_LOCATION}, which every database runs, and the
 * folder of its {@link Vendor}, for the migrations whose SQL differs between the two dialects. A version is in one of
 * them only, and each undo script lies beside the script it undoes.
 */
public final class SchemaMigrator {

    /** The scripts every database runs, in this module's jar. */
    public static final String COMMON_LOCATION = "classpath:db/migration";

    /*
     * Beside the common folder, not inside it: Flyway searches a location's subfolders too, so a vendor folder
     * inside db/migration would give every database both vendors' scripts.
     */
    private static final String VENDOR_LOCATIONS = "classpath:db/vendor/";

    /** The table version 1 makes: a schema that has it from before its migrations were recorded can be baselined. */
    public static final String FIRST_TABLE = "student";
    private static final String HISTORY_TABLE = "flyway_schema_history";

    private final Flyway flyway;

    public SchemaMigrator(DataSource dataSource) {
        this(dataSource, null);
    }

    /** The same, migrating only up to {@code target} when it is given. */
    public SchemaMigrator(DataSource dataSource, String target) {
        this.flyway = configure(dataSource, target);
    }

    /** The databases the registry has scripts for, each with its own folder of scripts. */
    public enum Vendor {
        DERBY("derby"),
        POSTGRESQL("postgresql");

        private final String folder;

        Vendor(String folder) {
            this.folder = folder;
        }

        /** The name of its folder of scripts: derby, postgresql. */
        public String folder() {
            return folder;
        }

        /** The folder of the scripts written for this database: {@code classpath:db/vendor/derby}, ... */
        public String location() {
            return VENDOR_LOCATIONS + folder;
        }

        /** The vendor of the database behind the data source, from what its driver says it is. */
        public static Vendor of(DataSource dataSource) {
            try (Connection connection = dataSource.getConnection()) {
                return of(connection);
            } catch (SQLException e) {
                throw new FlywayException("Cannot reach the database to tell which it is: " + e.getMessage(), e);
            }
        }

        public static Vendor of(Connection connection) throws SQLException {
            String product = connection.getMetaData().getDatabaseProductName();
            String name = product.toLowerCase(Locale.ROOT);
            if (name.contains("derby")) {
                return DERBY;
            }
            if (name.contains("postgresql")) {
                return POSTGRESQL;
            }
            throw new FlywayException("The registry has no migrations for " + product
                    + "; it runs on Apache Derby and PostgreSQL.");
        }
    }

    /** Where the registry's scripts for this database are: the common folder and its vendor's. */
    public static List<String> locations(DataSource dataSource) {
        return locations(Vendor.of(dataSource));
    }

    public static List<String> locations(Vendor vendor) {
        return List.of(COMMON_LOCATION, vendor.location());
    }

    /** Flyway as the registry uses it on this database: its scripts, never {@code clean}. */
    public static Flyway configure(DataSource dataSource) {
        return configure(dataSource, locations(dataSource), null);
    }

    /** The same, migrating only up to {@code target} when it is given. */
    public static Flyway configure(DataSource dataSource, String target) {
        return configure(dataSource, locations(dataSource), target);
    }

    /** Flyway over other script folders (a tool's or a test's), up to {@code target} when it is given. */
    public static Flyway configure(DataSource dataSource, List<String> locations, String target) {
        var configuration = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations(locations.toArray(String[]::new))
                .cleanDisabled(true)
                .callbacks(new DerbyTriggerPlans());
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
        MigrateResult result;
        try {
            result = flyway.migrate();
        } catch (FlywayException e) {
            throw explained(e);
        }
        // Flyway names the target only when it applied something; otherwise the schema stayed where it was.
        String toVersion = result.targetSchemaVersion != null
                ? result.targetSchemaVersion : result.initialSchemaVersion;
        return new MigrationOutcome(result.migrationsExecuted, result.initialSchemaVersion, toVersion);
    }

    /*
     * Flyway refuses a schema that holds tables but no record of migrations in its own terms ("Use baseline() or set
     * baselineOnMigrate to true"), which sent a user pointing the registry at another application's database to a
     * baseline that would claim those tables were the registry's. Said here in the registry's terms, with the way
     * out. Looked at only after a failure, so a start pays nothing for it.
     */
    private FlywayException explained(FlywayException failure) {
        List<String> tables;
        try {
            tables = tables(flyway.getConfiguration().getDataSource()).stream()
                    .map(table -> table.toLowerCase(Locale.ROOT)).sorted().toList();
        } catch (SQLException e) {
            return failure;
        }
        if (tables.isEmpty() || tables.contains(HISTORY_TABLE)) {
            return failure;
        }
        String named = String.join(", ", tables.subList(0, Math.min(5, tables.size())))
                + (tables.size() > 5 ? " and " + (tables.size() - 5) + " more" : "");
        return new FlywayException("The database already holds tables (" + named + ") but no record of the"
                + " registry's migrations, so none were applied. Give the registry an empty database of its own"
                + (tables.contains(FIRST_TABLE) ? "; or, if these are the registry's tables from before its"
                + " migrations were recorded, adopt them with registry-db baseline first." : "."), failure);
    }

    /**
     * The tables of the connection's own schema (a PostgreSQL database may hold other schemas' too), spelled as the
     * database spells them: Derby's unquoted names are upper-case, Flyway's history table is not.
     */
    public static List<String> tables(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet rs = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                     new String[]{"TABLE"})) {
            List<String> tables = new ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
            return tables;
        }
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
