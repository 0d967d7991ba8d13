package org.studentregistry.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The row-count triggers of one embedded Derby table, set aside for a bulk load and restated after it.
 *
 * <p>Derby loads in bulk (writing the rows, then building each index once from sorted keys) only into a table that
 * has no triggers: a trigger makes every insert "deferred", row by row into each of the table's indexes, which made
 * loading a million students three times as slow. So, in the load's transaction and with the table locked, the
 * triggers are dropped, and afterwards created again exactly as the catalog had them (their text is the
 * migrations', read back from {@code SYS.SYSTRIGGERS}, so nothing here restates a migration), the count they keep is
 * set to the table's rows, and their plans are compiled as after a migration ({@link DerbyTriggerPlans}). Nobody
 * else sees the table without them: the drop is not committed before they are back.
 *
 * <p>Only triggers that keep this table's row of {@code table_rows} are set aside, since recounting is all that
 * replays what they would have done for the loaded rows; a table with any other trigger is not set aside at all.
 */
final class DerbyCountTriggers {

    private static final String COUNTS_TABLE = "\"TABLE_ROWS\"";

    private final Connection connection;
    private final String table;
    private final List<String> definitions;

    private DerbyCountTriggers(Connection connection, String table, List<String> definitions) {
        this.connection = connection;
        this.table = table;
        this.definitions = definitions;
    }

    /**
     * Locks the table and drops its triggers, when it has some and every one of them keeps the row count; otherwise
     * drops nothing and is empty.
     */
    static Optional<DerbyCountTriggers> setAside(Connection connection, String table) throws SQLException {
        try (Statement lock = connection.createStatement()) {
            lock.execute("LOCK TABLE " + table + " IN EXCLUSIVE MODE");
        }
        List<String> names = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
        try (PreparedStatement triggers = connection.prepareStatement(
                "SELECT t.triggername, t.event, t.firingtime, t.type, t.whenstmtid, t.referencingold,"
                        + " t.referencingnew, t.oldreferencingname, t.newreferencingname, t.triggerdefinition"
                        + " FROM sys.systriggers t JOIN sys.systables b ON b.tableid = t.tableid"
                        + " JOIN sys.sysschemas s ON s.schemaid = b.schemaid"
                        + " WHERE b.tablename = ? AND s.schemaname = CURRENT SCHEMA ORDER BY t.creationtimestamp")) {
            triggers.setString(1, table.toUpperCase(Locale.ROOT));
            try (ResultSet found = triggers.executeQuery()) {
                while (found.next()) {
                    Optional<String> definition = restatable(found, table);
                    if (definition.isEmpty()) {
                        return Optional.empty();
                    }
                    names.add(found.getString("triggername"));
                    definitions.add(definition.get());
                }
            }
        }
        if (names.isEmpty()) {
            return Optional.empty();
        }
        try (Statement drop = connection.createStatement()) {
            for (String name : names) {
                drop.execute("DROP TRIGGER " + quoted(name));
            }
        }
        return Optional.of(new DerbyCountTriggers(connection, table, definitions));
    }

    /** Creates the triggers again, sets the count to the rows the table holds now, and compiles their plans. */
    void restore() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String definition : definitions) {
                statement.execute(definition);
            }
        }
        try (PreparedStatement recount = connection.prepareStatement("UPDATE table_rows SET row_count ="
                + " (SELECT COUNT(*) FROM " + table + ") WHERE table_name = ?")) {
            recount.setString(1, table);
            recount.executeUpdate();
        }
        DerbyTriggerPlans.compile(connection, table);
    }

    /*
     * The CREATE TRIGGER statement of a catalog row, if it is a count trigger of the kind the migrations write:
     * after an insert or a delete, once per statement, over the added or removed rows, without a WHEN clause,
     * updating the table's own row of table_rows.
     */
    private static Optional<String> restatable(ResultSet trigger, String table) throws SQLException {
        String event = switch (trigger.getString("event")) {
            case "I" -> "INSERT";
            case "D" -> "DELETE";
            default -> null;
        };
        String action = trigger.getString("triggerdefinition");
        boolean referencesOld = trigger.getBoolean("referencingold");
        boolean referencesNew = trigger.getBoolean("referencingnew");
        if (event == null || !"A".equals(trigger.getString("firingtime")) || !"S".equals(trigger.getString("type"))
                || trigger.getString("whenstmtid") != null || referencesOld == referencesNew
                || !action.toUpperCase(Locale.ROOT).startsWith("UPDATE ")
                || !action.toUpperCase(Locale.ROOT).contains(COUNTS_TABLE) || !action.contains("'" + table + "'")) {
            return Optional.empty();
        }
        String transition = referencesOld
                ? "OLD_TABLE AS " + quoted(trigger.getString("oldreferencingname"))
                : "NEW_TABLE AS " + quoted(trigger.getString("newreferencingname"));
        return Optional.of("CREATE TRIGGER " + quoted(trigger.getString("triggername")) + " AFTER " + event + " ON "
                + table + " REFERENCING " + transition + " FOR EACH STATEMENT " + action);
    }

    /* A name as the catalog holds it (already in its stored case), as an identifier that means exactly that. */
    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
