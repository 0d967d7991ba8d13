package org.studentregistry.migrations;

import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * After every migrate on Derby, fires the statement triggers of each counted table once on no rows, so Derby compiles
 * them then.
 *
 * <p>Derby compiles a trigger's statement the first time it fires and stores the plan in a nested transaction that
 * does not wait for locks: when two first inserts into a table come at once, one of them failed with "A lock could
 * not be obtained" (40XL1). Compiling them here, single-threaded before the application takes requests, leaves
 * nothing to compile under load. An insert, update or delete of no rows fires a statement trigger all the same and
 * changes nothing, not even an identity value (no statement trigger names columns, so the update names any). Row
 * triggers do not fire on no rows; the migrations make each one fire behind a statement trigger that locks its
 * table's row of {@code table_rows} (V10), so that their first firings, which compile them, never come at once.
 */
final class DerbyTriggerPlans extends BaseCallback {

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try {
            if (SchemaMigrator.Vendor.of(connection) != SchemaMigrator.Vendor.DERBY) {
                return;
            }
            for (String table : countedTables(connection)) {
                compile(connection, table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare Derby's row-count triggers: " + e.getMessage(), e);
        }
    }

    /** Fires the table's insert, update and delete triggers on no rows, so that their plans are compiled now. */
    static void compile(Connection connection, String table) throws SQLException {
        String column = firstInsertableColumn(connection.getMetaData(), table);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM " + table + " WHERE 1 = 0");
            statement.executeUpdate("INSERT INTO " + table + " (" + column + ") SELECT " + column
                    + " FROM " + table + " WHERE 1 = 0");
            statement.executeUpdate("UPDATE " + table + " SET " + column + " = " + column + " WHERE 1 = 0");
        }
    }

    @Override
    public String getCallbackName() {
        return "Derby row-count trigger plans";
    }

    /* The tables whose rows table_rows counts; none before the migration that made it. */
    private static List<String> countedTables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet found = connection.getMetaData().getTables(null, connection.getSchema(), "TABLE_ROWS", null)) {
            if (!found.next()) {
                return tables;
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT table_name FROM table_rows")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    private static String firstInsertableColumn(DatabaseMetaData metaData, String table) throws SQLException {
        try (ResultSet columns = metaData.getColumns(null, metaData.getConnection().getSchema(),
                table.toUpperCase(Locale.ROOT), null)) {
            while (columns.next()) {
                if ("NO".equals(columns.getString("IS_AUTOINCREMENT"))
                        && "NO".equals(columns.getString("IS_GENERATEDCOLUMN"))) {
                    return columns.getString("COLUMN_NAME");
                }
            }
        }
        throw new SQLException("Table " + table + " has no column an insert may name");
    }
}
