package org.studentregistry.migrations;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.studentregistry.migrations.SchemaMigrator.Vendor;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * A throwaway place of the same database as a target, in which a schema is built to be read and is then dropped with
 * everything in it: an in-memory Derby database, or on PostgreSQL a schema of a random name in the target's database
 * (which needs the right to create schemas there). The target's own schema is never touched.
 */
public final class ScratchDatabase implements AutoCloseable {

    private final Vendor vendor;
    private final DataSource dataSource;
    private final String name;

    private ScratchDatabase(Vendor vendor, DataSource dataSource, String name) {
        this.vendor = vendor;
        this.dataSource = dataSource;
        this.name = name;
    }

    /** A scratch database beside the target's, of the same vendor. */
    public static ScratchDatabase beside(DataSource target) throws SQLException {
        Vendor vendor = Vendor.of(target);
        if (vendor == Vendor.DERBY) {
            return inMemoryDerby();
        }
        String name = randomName();
        try (Connection c = target.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
        }
        return new ScratchDatabase(vendor, target, name);
    }

    /** An empty in-memory Derby database, dropped on close. */
    public static ScratchDatabase inMemoryDerby() {
        String name = randomName();
        EmbeddedDataSource memory = new EmbeddedDataSource();
        memory.setDatabaseName("memory:" + name);
        memory.setCreateDatabase("create");
        return new ScratchDatabase(Vendor.DERBY, memory, name);
    }

    private static String randomName() {
        return "scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** Connections to the scratch database, on PostgreSQL each in the scratch schema. */
    public DataSource dataSource() {
        return vendor == Vendor.POSTGRESQL ? new InSchema(dataSource, name) : dataSource;
    }

    Vendor vendor() {
        return vendor;
    }

    /** A connection in the scratch schema, for the caller to close. */
    Connection connect() throws SQLException {
        return dataSource().getConnection();
    }

    @Override
    public void close() throws SQLException {
        if (vendor == Vendor.DERBY) {
            EmbeddedDataSource drop = new EmbeddedDataSource();
            drop.setDatabaseName("memory:" + name);
            drop.setConnectionAttributes("drop=true");
            try {
                drop.getConnection().close();
            } catch (SQLException expected) {
                // Derby reports a successful drop as an exception.
            }
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + name + " CASCADE");
        }
    }

    /** The target's connections, each set to work in one schema (Flyway takes the connection's schema as its own). */
    private record InSchema(DataSource target, String schema) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            return inSchema(target.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return inSchema(target.getConnection(username, password));
        }

        private Connection inSchema(Connection connection) throws SQLException {
            connection.setSchema(schema);
            return connection;
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return target.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return target.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return target.isWrapperFor(type);
        }
    }
}
