package org.studentregistry.migrations;

import org.studentregistry.migrations.SchemaShape.TableShape;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Compares the schema the entities expect, as the JPA provider generates it ({@link ProviderSchema}), with the schema
 * the migrations made, both as JDBC reports them: missing or extra tables and columns, column types and lengths,
 * nullability, identity columns and columns the database computes (and how), primary keys, unique constraints, and
 * the indexes the entities declare. Alembic's {@code check}, for Flyway and JPA. An empty list means they agree.
 */
public final class SchemaCheck {

    /**
     * Tables no entity maps: those the tools keep for themselves, and the counts the database keeps for the
     * repositories (V8's rows, V10's authors), read by SQL.
     */
    private static final Set<String> TOOL_TABLES =
            Set.of("FLYWAY_SCHEMA_HISTORY", "REGISTRY_SCHEMA_UNDO", "TABLE_ROWS", "BOOK_AUTHORS");

    private SchemaCheck() {
    }

    /** The differences in words; empty when the entities and the schema agree. */
    public static List<String> differences(ProviderSchema entities, DataSource migrated) throws SQLException {
        return compare(entities, migrated).stream().map(SchemaDifference::describe).toList();
    }

    /** The entities' schema on the migrated database's vendor, generated beside it, compared with the migrated one. */
    public static List<SchemaDifference> compare(ProviderSchema entities, DataSource migrated) throws SQLException {
        SchemaShape expected = entities.beside(migrated);
        try (Connection connection = migrated.getConnection()) {
            return compare(expected, SchemaShape.read(connection));
        }
    }

    public static List<SchemaDifference> compare(SchemaShape expected, SchemaShape actual) {
        List<SchemaDifference> differences = new ArrayList<>();
        for (var entry : expected.tables().entrySet()) {
            String table = entry.getKey();
            TableShape wanted = entry.getValue();
            TableShape found = actual.tables().get(table);
            if (found == null) {
                differences.add(new SchemaDifference.MissingTable(table, wanted.columns(), wanted.primaryKey()));
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
            if (!found.primaryKey().equals(wanted.primaryKey())) {
                differences.add(new SchemaDifference.PrimaryKeyChanged(table, found.primaryKey(), wanted.primaryKey()));
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
        for (String table : actual.tables().keySet()) {
            if (!expected.tables().containsKey(table) && !TOOL_TABLES.contains(table)) {
                differences.add(new SchemaDifference.ExtraTable(table));
            }
        }
        return differences;
    }
}
