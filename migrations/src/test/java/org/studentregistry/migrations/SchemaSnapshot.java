package org.studentregistry.migrations;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a schema consists of, as comparable text: each application table with its columns (type, size,
 * nullability, default) and its indexes (columns, uniqueness). Index names are left out, because Derby names the
 * indexes behind constraints itself, differently each time. Flyway's own history table is not part of it.
 */
record SchemaSnapshot(Map<String, Set<String>> tables) {

    static SchemaSnapshot of(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        Map<String, Set<String>> tables = new TreeMap<>();
        try (ResultSet rs = meta.getTables(null, "APP", "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME");
                if (!table.equalsIgnoreCase("flyway_schema_history")) {
                    tables.put(table, describe(meta, table));
                }
            }
        }
        return new SchemaSnapshot(tables);
    }

    private static Set<String> describe(DatabaseMetaData meta, String table) throws SQLException {
        Set<String> parts = new TreeSet<>();
        try (ResultSet rs = meta.getColumns(null, "APP", table, "%")) {
            while (rs.next()) {
                parts.add("column " + rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME")
                        + "(" + rs.getInt("COLUMN_SIZE") + ") nullable=" + rs.getString("IS_NULLABLE")
                        + " default=" + rs.getString("COLUMN_DEF"));
            }
        }
        Map<String, StringBuilder> indexes = new TreeMap<>();
        try (ResultSet rs = meta.getIndexInfo(null, "APP", table, false, false)) {
            while (rs.next()) {
                String kind = rs.getBoolean("NON_UNIQUE") ? "index" : "unique index";
                indexes.computeIfAbsent(rs.getString("INDEX_NAME"), name -> new StringBuilder(kind))
                        .append(' ').append(rs.getString("COLUMN_NAME"));
            }
        }
        indexes.values().forEach(index -> parts.add(index.toString()));
        return parts;
    }
}
