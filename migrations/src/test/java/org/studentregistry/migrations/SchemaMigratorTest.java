package org.studentregistry.migrations;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaMigratorTest {

    private final String name = "memory:migrations-" + UUID.randomUUID();
    private final EmbeddedDataSource dataSource = dataSource(name, "create");

    private static EmbeddedDataSource dataSource(String name, String create) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(name);
        ds.setCreateDatabase(create);
        return ds;
    }

    @AfterEach
    void dropDatabase() {
        EmbeddedDataSource drop = dataSource(name, null);
        drop.setConnectionAttributes("drop=true");
        try {
            drop.getConnection().close();
        } catch (SQLException expected) {
            // Derby reports a successful drop as an exception.
        }
    }

    private boolean tableExists(String table) throws SQLException {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.getMetaData().getTables(null, null, table.toUpperCase(), null)) {
            return rs.next();
        }
    }

    @Test
    void anEmptyDatabaseIsMigratedToTheNewestVersion() throws SQLException {
        SchemaMigrator migrator = new SchemaMigrator(dataSource);
        assertNull(migrator.currentVersion());
        assertFalse(migrator.isUpToDate());

        SchemaMigrator.MigrationOutcome outcome = migrator.migrate();

        assertTrue(outcome.applied() >= 1);
        assertTrue(migrator.isUpToDate());
        assertTrue(tableExists("student"));
    }

    @Test
    void migratingAnUpToDateDatabaseAppliesNothing() {
        SchemaMigrator migrator = new SchemaMigrator(dataSource);
        migrator.migrate();

        assertEquals(0, migrator.migrate().applied());
    }

    @Test
    void aFailingMigrationIsRolledBackAndLeavesTheEarlierVersion() throws SQLException {
        SchemaMigrator migrator = new SchemaMigrator(dataSource, "classpath:db/failing");

        assertThrows(FlywayException.class, migrator::migrate);

        assertEquals("1", migrator.currentVersion());
        assertTrue(tableExists("kept"));
        assertFalse(tableExists("half_done"), "the failed script's first statement must be rolled back");
    }
}
