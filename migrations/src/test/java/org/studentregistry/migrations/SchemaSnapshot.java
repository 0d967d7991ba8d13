package org.studentregistry.migrations;

import org.studentregistry.migrations.SchemaMigrator.Vendor;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a schema consists of, as comparable text: each application table with its columns (type, size,
 * nullability, default), its indexes (uniqueness, then each column in the index's order with its direction,
 * ASC or DESC) and its triggers; and the schema's functions (PostgreSQL's trigger functions). Index names are left
 * out, because Derby names the indexes behind constraints itself, differently each time; the parts of a table are a
 * sorted list, not a set, so two equal indexes do not count as one. The bookkeeping tables of Flyway and of
 * {@link Downgrade} are not part of it. Read in the connection's schema.
 */
record SchemaSnapshot(Map<String, List<String>> tables, List<String> functions) {

    private static final Set<String> BOOKKEEPING = Set.of("FLYWAY_SCHEMA_HISTORY", Downgrade.UNDO_TABLE.toUpperCase());

    static SchemaSnapshot of(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        Map<String, List<String>> tables = new TreeMap<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME");
                if (!BOOKKEEPING.contains(table.toUpperCase(Locale.ROOT))) {
                    tables.put(table, describe(meta, schema, table));
                }
            }
        }
        Vendor vendor = Vendor.of(connection);
        for (String[] trigger : rows(connection, vendor == Vendor.DERBY
                ? "SELECT tb.TABLENAME, t.TRIGGERNAME FROM SYS.SYSTRIGGERS t JOIN SYS.SYSTABLES tb"
                + " ON t.TABLEID = tb.TABLEID JOIN SYS.SYSSCHEMAS s ON tb.SCHEMAID = s.SCHEMAID"
                + " WHERE s.SCHEMANAME = CURRENT SCHEMA"
                : "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT t.tgisinternal"
                + " AND n.nspname = current_schema()")) {
            List<String> parts = new ArrayList<>(tables.getOrDefault(trigger[0], List.of()));
            parts.add("trigger " + trigger[1]);
            parts.sort(null);
            tables.put(trigger[0], List.copyOf(parts));
        }
        List<String> functions = new ArrayList<>();
        if (vendor == Vendor.POSTGRESQL) {
            for (String[] function : rows(connection, "SELECT p.proname FROM pg_proc p"
                    + " JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = current_schema()")) {
                functions.add(function[0]);
            }
        }
        functions.sort(null);
        return new SchemaSnapshot(tables, List.copyOf(functions));
    }

    private static List<String> describe(DatabaseMetaData meta, String schema, String table) throws SQLException {
        List<String> parts = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
            while (rs.next()) {
                parts.add("column " + rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME")
                        + "(" + rs.getInt("COLUMN_SIZE") + ") nullable=" + rs.getString("IS_NULLABLE")
                        + " default=" + rs.getString("COLUMN_DEF"));
            }
        }
        // Each index's columns by ORDINAL_POSITION, not in the order the driver happens to list them.
        Map<String, TreeMap<Integer, String>> columns = new LinkedHashMap<>();
        Map<String, String> kinds = new LinkedHashMap<>();
        try (ResultSet rs = meta.getIndexInfo(null, schema, table, false, false)) {
            while (rs.next()) {
                String name = rs.getString("INDEX_NAME");
                kinds.put(name, rs.getBoolean("NON_UNIQUE") ? "index" : "unique index");
                String direction = switch (String.valueOf(rs.getString("ASC_OR_DESC"))) {
                    case "A" -> "ASC";
                    case "D" -> "DESC";
                    default -> "unordered";
                };
                columns.computeIfAbsent(name, n -> new TreeMap<>())
                        .put(rs.getInt("ORDINAL_POSITION"), rs.getString("COLUMN_NAME") + " " + direction);
            }
        }
        columns.forEach((name, ordered) -> parts.add(kinds.get(name) + " (" + String.join(", ", ordered.values()) + ")"));
        parts.sort(null);
        return List.copyOf(parts);
    }

    private static List<String[]> rows(Connection connection, String query) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(query)) {
            int width = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] row = new String[width];
                for (int i = 0; i < width; i++) {
                    row[i] = rs.getString(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
