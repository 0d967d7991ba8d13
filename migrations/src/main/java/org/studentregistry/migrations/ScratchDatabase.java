package org.studentregistry.migrations;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.studentregistry.migrations.SchemaMigrator.Vendor;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

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
    static ScratchDatabase beside(DataSource target) throws SQLException {
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

    /** Connections to the scratch database; on PostgreSQL, use {@link #connect()} to work in the scratch schema. */
    public DataSource dataSource() {
        return dataSource;
    }

    Vendor vendor() {
        return vendor;
    }

    /** A connection in the scratch schema, for the caller to close. */
    Connection connect() throws SQLException {
        Connection connection = dataSource.getConnection();
        if (vendor == Vendor.POSTGRESQL) {
            connection.setSchema(name);
        }
        return connection;
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
}
