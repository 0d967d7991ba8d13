package org.studentregistry.migrations;

import org.studentregistry.migrations.EntitySchema.TableShape;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares the schema the entities expect with the schema the migrations made: missing or extra tables and columns,
 * column types and lengths, nullability, columns the database computes (and how), unique constraints, and the
 * indexes the entities declare. Alembic's {@code check}, for Flyway and JPA. An empty list means they agree.
 */
public final class SchemaCheck {

    /**
     * Tables no entity maps: those the tools keep for themselves, and the row counts the database keeps for the
     * repositories (V8), read by SQL.
     */
    private static final Set<String> TOOL_TABLES = Set.of("FLYWAY_SCHEMA_HISTORY", "REGISTRY_SCHEMA_UNDO", "TABLE_ROWS");

    /* PostgreSQL's names of the types the entities use, by the SQL names Derby and the entities give them. */
    private static final Map<String, String> STANDARD_TYPES = Map.of("INT8", "BIGINT", "INT4", "INTEGER",
            "INT2", "SMALLINT", "BOOL", "BOOLEAN", "FLOAT8", "DOUBLE", "FLOAT4", "REAL");

    private SchemaCheck() {
    }

    /** The differences in words; empty when the entities and the schema agree. */
    public static List<String> differences(EntitySchema expected, Connection connection) throws SQLException {
        return compare(expected, connection).stream().map(SchemaDifference::describe).toList();
    }

    public static List<SchemaDifference> compare(EntitySchema expected, Connection connection) throws SQLException {
        Map<String, TableShape> actual = read(connection);
        List<SchemaDifference> differences = new ArrayList<>();
        for (var entry : expected.tables().entrySet()) {
            String table = entry.getKey();
            TableShape wanted = entry.getValue();
            TableShape found = actual.get(table);
            if (found == null) {
                differences.add(new SchemaDifference.MissingTable(table, wanted.columns()));
                wanted.uniques().forEach(unique -> differences.add(new SchemaDifference.MissingUnique(table, unique)));
                wanted.indexes().forEach(index -> differences.add(new SchemaDifference.MissingIndex(table, index)));
                continue;
            }
            for (var column : wanted.columns().entrySet()) {
                String have = found.columns().get(column.getKey());
                if (have == null) {
                    differences.add(new SchemaDifference.MissingColumn(table, column.getKey(), column.getValue()));
                } else if (!have.equals(column.getValue())) {
                    differences.add(new SchemaDifference.ColumnChanged(table, column.getKey(), have, column.getValue()));
                }
            }
            for (String column : found.columns().keySet()) {
                if (!wanted.columns().containsKey(column)) {
                    differences.add(new SchemaDifference.ExtraColumn(table, column));
                }
            }
            for (String unique : wanted.uniques()) {
                if (!found.uniques().contains(unique)) {
                    differences.add(new SchemaDifference.MissingUnique(table, unique));
                }
            }
            for (String unique : found.uniques()) {
                if (!wanted.uniques().contains(unique)) {
                    differences.add(new SchemaDifference.ExtraUnique(table, unique));
                }
            }
            for (String index : wanted.indexes()) {
                if (!found.indexes().contains(index)) {
                    differences.add(new SchemaDifference.MissingIndex(table, index));
                }
            }
        }
        for (String table : actual.keySet()) {
            if (!expected.tables().containsKey(table) && !TOOL_TABLES.contains(table)) {
                differences.add(new SchemaDifference.ExtraTable(table));
            }
        }
        return differences;
    }

    /* Tables by their names in upper case, as Derby keeps them; the metadata is asked by each name as it is kept. */
    private static Map<String, TableShape> read(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        Map<String, TableShape> tables = new TreeMap<>();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[]{"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME"));
            }
        }
        for (String table : names) {
            Map<String, String> columns = new TreeMap<>();
            try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
                while (rs.next()) {
                    String type = STANDARD_TYPES.getOrDefault(rs.getString("TYPE_NAME").toUpperCase(Locale.ROOT),
                            rs.getString("TYPE_NAME").toUpperCase(Locale.ROOT));
                    if (type.equals("VARCHAR")) {
                        type += "(" + rs.getInt("COLUMN_SIZE") + ")";
                    }
                    type += EntitySchema.generation(generationClause(rs));
                    boolean notNull = "NO".equals(rs.getString("IS_NULLABLE"));
                    columns.put(rs.getString("COLUMN_NAME").toUpperCase(), type + (notNull ? " NOT NULL" : ""));
                }
            }
            Set<String> primaryKey = new TreeSet<>();
            try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
                while (rs.next()) {
                    primaryKey.add(rs.getString("COLUMN_NAME").toUpperCase());
                }
            }
            Map<String, List<String>> uniqueIndexes = new TreeMap<>();
            Map<String, List<String>> otherIndexes = new TreeMap<>();
            try (ResultSet rs = meta.getIndexInfo(null, schema, table, false, false)) {
                while (rs.next()) {
                    String column = rs.getString("COLUMN_NAME");
                    if (column == null) {
                        continue;
                    }
                    (rs.getBoolean("NON_UNIQUE") ? otherIndexes : uniqueIndexes)
                            .computeIfAbsent(rs.getString("INDEX_NAME"), name -> new ArrayList<>())
                            .add(column.toUpperCase());
                }
            }
            Set<String> uniques = new TreeSet<>();
            uniqueIndexes.values().stream().filter(columnsOf -> !new TreeSet<>(columnsOf).equals(primaryKey))
                    .forEach(columnsOf -> uniques.add(String.join(",", columnsOf)));
            uniques.addAll(derbyUniqueConstraints(connection, table));
            otherIndexes.values().removeIf(columnsOf -> uniques.contains(String.join(",", columnsOf)));
            Set<String> indexes = new TreeSet<>();
            otherIndexes.values().forEach(columnsOf -> indexes.add(String.join(",", columnsOf)));
            tables.put(table.toUpperCase(Locale.ROOT), new TableShape(columns, uniques, indexes));
        }
        return tables;
    }

    /*
     * The column's generation clause: Derby reports the whole clause as the column's default; PostgreSQL reports
     * just the expression, and says apart that the column is generated.
     */
    private static String generationClause(ResultSet column) throws SQLException {
        String definition = column.getString("COLUMN_DEF");
        if (definition != null && "YES".equals(column.getString("IS_GENERATEDCOLUMN"))
                && !definition.toUpperCase(Locale.ROOT).contains("GENERATED ALWAYS AS")) {
            return "GENERATED ALWAYS AS (" + definition + ")";
        }
        return definition;
    }

    /*
     * Derby backs a unique constraint on nullable columns (such as the generated *_key columns) with an index that
     * its metadata reports as not unique, so the constraints are read from its catalog. Elsewhere: nothing to add.
     */
    private static Set<String> derbyUniqueConstraints(Connection connection, String table) throws SQLException {
        Set<String> uniques = new TreeSet<>();
        if (!connection.getMetaData().getDatabaseProductName().contains("Derby")) {
            return uniques;
        }
        List<String> byPosition = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getColumns(null, connection.getSchema(), table, "%")) {
            while (rs.next()) {
                byPosition.add(rs.getString("COLUMN_NAME").toUpperCase());
            }
        }
        try (var query = connection.prepareStatement("SELECT g.DESCRIPTOR FROM SYS.SYSCONSTRAINTS c"
                + " JOIN SYS.SYSTABLES t ON c.TABLEID = t.TABLEID JOIN SYS.SYSKEYS k ON c.CONSTRAINTID = k.CONSTRAINTID"
                + " JOIN SYS.SYSCONGLOMERATES g ON k.CONGLOMERATEID = g.CONGLOMERATEID"
                + " WHERE c.TYPE = 'U' AND t.TABLENAME = ?")) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    // The descriptor reads like "UNIQUE WITH DUPLICATE NULLS BTREE (4, 5)": column positions from 1.
                    String descriptor = rs.getObject(1).toString();
                    String positions = descriptor.substring(descriptor.indexOf('(') + 1, descriptor.indexOf(')'));
                    List<String> columns = new ArrayList<>();
                    for (String position : positions.split(",")) {
                        columns.add(byPosition.get(Integer.parseInt(position.strip()) - 1));
                    }
                    uniques.add(String.join(",", columns));
                }
            }
        }
        return uniques;
    }
}
