package org.studentregistry.migrations.testing;

import org.junit.jupiter.api.Assumptions;
import org.studentregistry.migrations.SchemaMigrator.Vendor;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * A fresh, empty database for one test, on one of the databases the registry runs on: how to reach it from the test
 * and from {@code registry-db}, and the few queries tests make; {@link #close()} drops it.
 */
public abstract sealed class TestDatabase implements AutoCloseable permits DerbyTestDatabase, PostgresTestDatabase {

    /** A fresh database of that vendor; for PostgreSQL, in the database the settings name. */
    public static TestDatabase create(Vendor vendor) {
        return switch (vendor) {
            case DERBY -> new DerbyTestDatabase();
            case POSTGRESQL -> new PostgresTestDatabase(PostgresSettings.fromEnvironment().orElseThrow(
                    () -> new IllegalStateException(PostgresSettings.missing())));
        };
    }

    /**
     * The same, for a test that is about one database: where PostgreSQL is not configured, the test is skipped with
     * the reason (or, on CI, fails).
     */
    public static TestDatabase createOrSkip(Vendor vendor) {
        if (vendor == Vendor.POSTGRESQL && PostgresSettings.fromEnvironment().isEmpty()) {
            Assumptions.abort(PostgresSettings.missing());
        }
        return create(vendor);
    }

    public abstract Vendor vendor();

    public abstract DataSource dataSource();

    /** The {@code registry-db} options that reach this database; a password is in a file, never an argument. */
    public abstract List<String> commandLine();

    /** Drops the database and everything in it. */
    @Override
    public abstract void close();

    public boolean isDerby() {
        return vendor() == Vendor.DERBY;
    }

    /** The first statement on Derby, the second on PostgreSQL: for the few that are spelled differently. */
    public String dialect(String derby, String postgresql) {
        return isDerby() ? derby : postgresql;
    }

    /** Runs the statements, each committed. */
    public void execute(String... statements) throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** The number in the first column of the first row. */
    public long queryLong(String sql) throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new AssertionError("no row from " + sql);
            }
            return rs.getLong(1);
        }
    }

    /** The columns of the first row, as strings. */
    public List<String> row(String sql) throws SQLException {
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new AssertionError("no row from " + sql);
            }
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                columns.add(rs.getString(i));
            }
            return columns;
        }
    }

    /** Every row, a line each with its columns joined by "|", sorted here so that no database's collation orders them. */
    public List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(rs.getString(i));
                }
                rows.add(String.join("|", values));
            }
        }
        rows.sort(null);
        return rows;
    }

    /** Runs an insert of string parameters once for each of {@code rows} rows, as one JDBC batch in one transaction. */
    public void insertBatch(String insert, int rows, IntFunction<List<String>> values) throws SQLException {
        try (Connection c = dataSource().getConnection(); PreparedStatement statement = c.prepareStatement(insert)) {
            c.setAutoCommit(false);
            for (int i = 0; i < rows; i++) {
                List<String> row = values.apply(i);
                for (int p = 0; p < row.size(); p++) {
                    statement.setString(p + 1, row.get(p));
                }
                statement.addBatch();
            }
            statement.executeBatch();
            c.commit();
        }
    }

    /** Whether the table is in this database's schema (its name as written in SQL, unquoted). */
    public boolean tableExists(String table) throws SQLException {
        try (Connection c = dataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String stored = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT)
                    : table.toLowerCase(Locale.ROOT);
            try (ResultSet rs = meta.getTables(null, c.getSchema(), stored, new String[]{"TABLE"})) {
                return rs.next();
            }
        }
    }

    @Override
    public String toString() {
        return vendor().folder();
    }
}
