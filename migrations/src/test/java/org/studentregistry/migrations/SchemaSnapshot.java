package org.studentregistry.migrations;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a schema consists of, as comparable text: each application table with its columns (type, size,
 * nullability, default) and its indexes (uniqueness, then each column in the index's order with its direction,
 * ASC or DESC). Index names are left out, because Derby names the indexes behind constraints itself, differently
 * each time; the parts of a table are a sorted list, not a set, so two equal indexes do not count as one.
 * The bookkeeping tables of Flyway and of {@link Downgrade} are not part of it.
 */
record SchemaSnapshot(Map<String, List<String>> tables) {

    private static final Set<String> BOOKKEEPING = Set.of("FLYWAY_SCHEMA_HISTORY", Downgrade.UNDO_TABLE.toUpperCase());

    static SchemaSnapshot of(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        Map<String, List<String>> tables = new TreeMap<>();
        try (ResultSet rs = meta.getTables(null, "APP", "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME");
                if (!BOOKKEEPING.contains(table.toUpperCase())) {
                    tables.put(table, describe(meta, table));
                }
            }
        }
        return new SchemaSnapshot(tables);
    }

    private static List<String> describe(DatabaseMetaData meta, String table) throws SQLException {
        List<String> parts = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, "APP", table, "%")) {
            while (rs.next()) {
                parts.add("column " + rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME")
                        + "(" + rs.getInt("COLUMN_SIZE") + ") nullable=" + rs.getString("IS_NULLABLE")
                        + " default=" + rs.getString("COLUMN_DEF"));
            }
        }
        // Each index's columns by ORDINAL_POSITION, not in the order the driver happens to list them.
        Map<String, TreeMap<Integer, String>> columns = new LinkedHashMap<>();
        Map<String, String> kinds = new LinkedHashMap<>();
        try (ResultSet rs = meta.getIndexInfo(null, "APP", table, false, false)) {
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
}
