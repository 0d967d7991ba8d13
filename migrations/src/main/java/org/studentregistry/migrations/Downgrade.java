package org.studentregistry.migrations;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes applied migrations, newest first, by running their {@code U<version>__<description>.sql} scripts: the way
 * back that Flyway's free edition does not have. An undo script lies in the same folder as the script it undoes, so
 * each database is taken back by the undo scripts written for its dialect.
 *
 * <p>Each undo runs in one transaction with the removal of its version from Flyway's history, so a later migrate
 * applies it again, and a record in {@value #UNDO_TABLE}, so that {@code info} can say it was undone. A plan is
 * checked whole before anything runs: a missing undo script or an unknown target changes nothing.
 */
public final class Downgrade {

    public static final String UNDO_TABLE = "registry_schema_undo";
    private static final Pattern DROPPED = Pattern.compile("(?i)\\bDROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?\"?(\\w+)\"?"
            + "|\\bALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?\"?(\\w+)\"?\\s+DROP\\s+(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?"
            + "\"?(\\w+)\"?");
    /* What ALTER TABLE ... DROP names when it is not a column: dropping a constraint or a key loses no data. */
    private static final Set<String> NOT_COLUMNS = Set.of("constraint", "primary", "foreign", "unique", "check");
    /* Tables whose rows are computed from other tables' rows: dropping them loses nothing that migrating again
       does not rebuild (V8 and V10 count the rows anew), so a downgrade need not ask about them. */
    private static final Set<String> DERIVED_TABLES = Set.of("table_rows", "book_authors");

    private final DataSource dataSource;
    private final Flyway flyway;
    private final List<String> locations;

    /** Over the registry's own scripts for this database. */
    public Downgrade(DataSource dataSource) {
        this(dataSource, SchemaMigrator.locations(dataSource));
    }

    /** Over other script folders (a test's). */
    public Downgrade(DataSource dataSource, List<String> locations) {
        this.dataSource = dataSource;
        this.locations = locations;
        this.flyway = SchemaMigrator.configure(dataSource, locations, null);
    }

    /** One migration to undo, with its undo script. */
    public record Step(String version, String description, SqlScript undo) {
    }

    /** The steps that bring the schema back to {@code targetVersion} ("0" for empty), newest first. */
    public List<Step> planToVersion(String targetVersion) {
        List<MigrationInfo> applied = applied();
        boolean known = targetVersion.equals("0")
                || applied.stream().anyMatch(m -> m.getVersion().getVersion().equals(targetVersion));
        if (!known) {
            throw new DowngradeRefused("Version " + targetVersion + " is not an applied migration; applied: "
                    + applied.stream().map(m -> m.getVersion().getVersion()).toList() + " (or 0 for none).");
        }
        MigrationVersion target = MigrationVersion.fromVersion(targetVersion);
        return steps(applied.stream().filter(m -> m.getVersion().compareTo(target) > 0).toList());
    }

    /** The steps that undo the newest {@code count} applied migrations, newest first. */
    public List<Step> planSteps(int count) {
        List<MigrationInfo> applied = applied();
        if (count < 1 || count > applied.size()) {
            throw new DowngradeRefused("Can undo 1 to " + applied.size() + " step(s), not " + count + ".");
        }
        return steps(applied.subList(applied.size() - count, applied.size()));
    }

    private List<MigrationInfo> applied() {
        List<MigrationInfo> applied = new ArrayList<>();
        for (MigrationInfo migration : flyway.info().applied()) {
            if (migration.getVersion() != null && migration.getState() == MigrationState.SUCCESS) {
                applied.add(migration);
            }
        }
        applied.sort(Comparator.comparing(MigrationInfo::getVersion));
        return applied;
    }

    private List<Step> steps(List<MigrationInfo> toUndo) {
        List<Step> steps = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int i = toUndo.size() - 1; i >= 0; i--) {
            MigrationInfo migration = toUndo.get(i);
            String undoName = "U" + migration.getScript().substring(1);
            SqlScript.find(locations, migration.getScript())
                    .flatMap(script -> SqlScript.load(script.folder(), undoName)).ifPresentOrElse(
                    undo -> steps.add(new Step(migration.getVersion().getVersion(), migration.getDescription(), undo)),
                    () -> missing.add(undoName));
        }
        if (!missing.isEmpty()) {
            throw new DowngradeRefused("Cannot downgrade: no undo script " + String.join(", ", missing)
                    + ". Nothing was changed.");
        }
        return steps;
    }

    /**
     * What the plan's scripts would delete, each with how much and by which script: the rows of a dropped table
     * ({@code book (3 rows, by U3)}) and the values of a dropped column ({@code users.password_hash (1 value, by U7)}).
     */
    public List<String> dataAtRisk(List<Step> plan) throws SQLException {
        List<String> atRisk = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (Step step : plan) {
                Matcher matcher = DROPPED.matcher(step.undo().text());
                while (matcher.find()) {
                    String table = (matcher.group(1) != null ? matcher.group(1) : matcher.group(2))
                            .toLowerCase(Locale.ROOT);
                    String column = matcher.group(3) == null ? null : matcher.group(3).toLowerCase(Locale.ROOT);
                    if (DERIVED_TABLES.contains(table) || column != null && NOT_COLUMNS.contains(column)) {
                        continue;
                    }
                    long lost = column == null ? count(connection, "SELECT COUNT(*) FROM " + table)
                            : count(connection, "SELECT COUNT(" + column + ") FROM " + table);
                    if (lost > 0) {
                        atRisk.add((column == null ? table : table + "." + column) + " (" + lost
                                + (column == null ? " row" : " value") + (lost == 1 ? "" : "s")
                                + ", by U" + step.version() + ")");
                    }
                }
            }
        }
        return atRisk;
    }

    private static long count(Connection connection, String query) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return 0;
        }
    }

    /** Runs the plan, one transaction a step; a failing step is rolled back and ends the downgrade. */
    public void run(List<Step> plan, StepListener listener) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            ensureUndoTable(connection);
            connection.setAutoCommit(false);
            for (Step step : plan) {
                try (Statement statement = connection.createStatement()) {
                    for (String sql : step.undo().statements()) {
                        statement.execute(sql);
                    }
                    try (PreparedStatement forget = connection.prepareStatement(
                            "DELETE FROM \"flyway_schema_history\" WHERE \"version\" = ?")) {
                        forget.setString(1, step.version());
                        forget.executeUpdate();
                    }
                    try (PreparedStatement record = connection.prepareStatement("INSERT INTO " + UNDO_TABLE
                            + " (version, description, script, undone_on) VALUES (?, ?, ?, ?)")) {
                        record.setString(1, step.version());
                        record.setString(2, step.description());
                        record.setString(3, step.undo().name());
                        record.setTimestamp(4, Timestamp.from(Instant.now()));
                        record.executeUpdate();
                    }
                    connection.commit();
                    listener.undone(step);
                } catch (SQLException e) {
                    connection.rollback();
                    throw new SQLException("Undoing version " + step.version() + " with " + step.undo().name()
                            + " failed and was rolled back: " + e.getMessage(), e.getSQLState(), e);
                }
            }
        }
    }

    /** Versions undone and not applied since, with when: for {@code info}. */
    public static List<String[]> undone(Connection connection) throws SQLException {
        List<String[]> undone = new ArrayList<>();
        if (!tableExists(connection, UNDO_TABLE)) {
            return undone;
        }
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, undone_on FROM " + UNDO_TABLE + " ORDER BY undone_on")) {
            while (rs.next()) {
                undone.add(new String[]{rs.getString(1), rs.getTimestamp(2).toInstant().toString()});
            }
        }
        return undone;
    }

    private static void ensureUndoTable(Connection connection) throws SQLException {
        if (!tableExists(connection, UNDO_TABLE)) {
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE " + UNDO_TABLE + " (version VARCHAR(50) NOT NULL, description VARCHAR(200),"
                        + " script VARCHAR(1000) NOT NULL, undone_on TIMESTAMP NOT NULL)");
            }
        }
    }

    /** Whether the table is in the connection's schema, its name as the database keeps unquoted names. */
    static boolean tableExists(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String stored = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table.toLowerCase(Locale.ROOT);
        try (ResultSet rs = meta.getTables(null, connection.getSchema(), stored, new String[]{"TABLE"})) {
            return rs.next();
        }
    }

    /** Told of each step once it is committed. */
    public interface StepListener {
        void undone(Step step);
    }

    /** A downgrade that was refused before anything changed. */
    public static class DowngradeRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public DowngradeRefused(String message) {
            super(message);
        }
    }
}
