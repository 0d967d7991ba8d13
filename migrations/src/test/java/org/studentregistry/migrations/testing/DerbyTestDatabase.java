package org.studentregistry.migrations.testing;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.studentregistry.migrations.SchemaMigrator.Vendor;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** A fresh in-memory Derby database, created on first use. */
final class DerbyTestDatabase extends TestDatabase {

    private final String name = "memory:test-" + UUID.randomUUID();
    private final EmbeddedDataSource dataSource = new EmbeddedDataSource();

    DerbyTestDatabase() {
        dataSource.setDatabaseName(name);
        dataSource.setCreateDatabase("create");
    }

    @Override
    public Vendor vendor() {
        return Vendor.DERBY;
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public List<String> commandLine() {
        return List.of("--url", "jdbc:derby:" + name + ";create=true");
    }

    @Override
    public void close() {
        EmbeddedDataSource drop = new EmbeddedDataSource();
        drop.setDatabaseName(name);
        drop.setConnectionAttributes("drop=true");
        try {
            drop.getConnection().close();
        } catch (SQLException expected) {
            // Derby reports a successful drop as an exception (SQLState 08006), and a database never used as XJ004.
        }
    }
}
