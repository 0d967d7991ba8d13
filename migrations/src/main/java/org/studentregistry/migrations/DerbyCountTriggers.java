package org.studentregistry.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The insert triggers of one embedded Derby table that keep counts in other tables, set aside for a bulk load and
 * restated after it.
 *
 * <p>Derby loads in bulk (writing the rows, then building each index once from sorted keys) only into a table that
 * no insert trigger watches: such a trigger makes every insert "deferred", row by row into each of the table's
 * indexes, which made loading a million students three times as slow. So, in the load's transaction and with the
 * table locked, its insert triggers are dropped, and afterwards created again exactly as the catalog had them (their
 * text is the migrations', read back from {@code SYS.SYSTRIGGERS}, so nothing here restates a trigger), the counts
 * they keep are computed again from the table's rows, and the table's trigger plans are compiled as after a
 * migration ({@link DerbyTriggerPlans}). Nobody else sees the table without them: the drop is not committed before
 * they are back. Its update and delete triggers do not fire on a load and stay.
 *
 * <p>Only triggers that keep a count computed again here are set aside: the table's row of {@code table_rows} (V8)
 * and, for books, the books of each author's spelling in {@code book_authors} (V10). The load goes into an empty
 * table, so counting its rows is all that replays what those triggers would have done; a table with any other
 * insert trigger is not set aside at all.
 */
final class DerbyCountTriggers {

    /*
     * Each table of counts, as a trigger's text in the catalog names it (quoted, after its schema), and how it is
     * counted anew for a table.
     */
    private static final Map<String, String> RECOUNTS = Map.of(
            "\"TABLE_ROWS\"", "UPDATE table_rows SET row_count = (SELECT COUNT(*) FROM %1$s) WHERE table_name = '%1$s'",
            "\"BOOK_AUTHORS\"", "INSERT INTO book_authors (author, author_key, book_count)"
                    + " SELECT author, MIN(author_key), COUNT(*) FROM %1$s GROUP BY author");

    private final Connection connection;
    private final String table;
    private final List<String> definitions;
    private final List<String> recounts;

    private DerbyCountTriggers(Connection connection, String table, List<String> definitions, List<String> recounts) {
        this.connection = connection;
        this.table = table;
        this.definitions = definitions;
        this.recounts = recounts;
    }

    /**
     * Locks the table and drops its insert triggers, when it has some and every one of them keeps a count;
     * otherwise drops nothing and is empty.
     */
    static Optional<DerbyCountTriggers> setAside(Connection connection, String table) throws SQLException {
        try (Statement lock = connection.createStatement()) {
            lock.execute("LOCK TABLE " + table + " IN EXCLUSIVE MODE");
        }
        List<String> names = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
        List<String> recounts = new ArrayList<>();
        try (PreparedStatement triggers = connection.prepareStatement(
                "SELECT t.triggername, t.event, t.firingtime, t.type, t.whenstmtid, t.referencingold,"
                        + " t.referencingnew, t.oldreferencingname, t.newreferencingname, t.triggerdefinition"
                        + " FROM sys.systriggers t JOIN sys.systables b ON b.tableid = t.tableid"
                        + " JOIN sys.sysschemas s ON s.schemaid = b.schemaid"
                        + " WHERE b.tablename = ? AND s.schemaname = CURRENT SCHEMA AND t.event = 'I'"
                        + " ORDER BY t.creationtimestamp")) {
            triggers.setString(1, table.toUpperCase(Locale.ROOT));
            try (ResultSet found = triggers.executeQuery()) {
                while (found.next()) {
                    Optional<String> counts = countsKept(found, table);
                    if (counts.isEmpty()) {
                        return Optional.empty();
                    }
                    names.add(found.getString("triggername"));
                    definitions.add(restated(found, table));
                    String recount = RECOUNTS.get(counts.get()).formatted(table);
                    if (!recounts.contains(recount)) {
                        recounts.add(recount);
                    }
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
        return Optional.of(new DerbyCountTriggers(connection, table, definitions, recounts));
    }

    /** Creates the triggers again, counts the table's rows into the counts they keep, and compiles their plans. */
    void restore() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String definition : definitions) {
                statement.execute(definition);
            }
            for (String recount : recounts) {
                statement.executeUpdate(recount);
            }
        }
        DerbyTriggerPlans.compile(connection, table);
    }

    /*
     * The table of counts that a catalog row's trigger writes, if it is an insert trigger of the kind the migrations
     * write: after the insert, over the added rows or each added row, without a WHEN clause, writing one of the
     * tables of counts (table_rows only in the table's own row, book_authors only from book).
     */
    private static Optional<String> countsKept(ResultSet trigger, String table) throws SQLException {
        String action = trigger.getString("triggerdefinition");
        String upper = action.toUpperCase(Locale.ROOT);
        if (!"A".equals(trigger.getString("firingtime")) || trigger.getString("whenstmtid") != null
                || trigger.getBoolean("referencingold") || !trigger.getBoolean("referencingnew")) {
            return Optional.empty();
        }
        return RECOUNTS.keySet().stream()
                .filter(counts -> Pattern.compile("(UPDATE|INSERT INTO) (\"\\w+\"\\.)?" + Pattern.quote(counts)
                        + "\\s.*", Pattern.DOTALL).matcher(upper).matches())
                .filter(counts -> !counts.equals("\"TABLE_ROWS\"") || action.contains("'" + table + "'"))
                .filter(counts -> !counts.equals("\"BOOK_AUTHORS\"") || table.equalsIgnoreCase("book"))
                .findFirst();
    }

    /* The CREATE TRIGGER statement of a catalog row of an insert trigger over the added rows, or each added row. */
    private static String restated(ResultSet trigger, String table) throws SQLException {
        boolean eachRow = "R".equals(trigger.getString("type"));
        return "CREATE TRIGGER " + quoted(trigger.getString("triggername")) + " AFTER INSERT ON " + table
                + " REFERENCING " + (eachRow ? "NEW AS " : "NEW_TABLE AS ")
                + quoted(trigger.getString("newreferencingname"))
                + (eachRow ? " FOR EACH ROW " : " FOR EACH STATEMENT ") + trigger.getString("triggerdefinition");
    }

    /* A name as the catalog holds it (already in its stored case), as an identifier that means exactly that. */
    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
