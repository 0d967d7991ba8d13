package org.studentregistry.migrations;

import org.apache.derby.jdbc.EmbeddedDataSource;

import java.sql.SQLException;
import java.util.UUID;

/** A fresh in-memory Derby database for one test, dropped again afterwards. */
final class InMemoryDerby {

    private InMemoryDerby() {
    }

    static EmbeddedDataSource create(String purpose) {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + purpose + "-" + UUID.randomUUID());
        dataSource.setCreateDatabase("create");
        return dataSource;
    }

    static void drop(EmbeddedDataSource dataSource) {
        EmbeddedDataSource drop = new EmbeddedDataSource();
        drop.setDatabaseName(dataSource.getDatabaseName());
        drop.setConnectionAttributes("drop=true");
        try {
            drop.getConnection().close();
        } catch (SQLException expected) {
            // Derby reports a successful drop as an exception (SQLState 08006).
        }
    }
}
