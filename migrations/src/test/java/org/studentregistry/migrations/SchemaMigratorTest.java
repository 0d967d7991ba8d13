package org.studentregistry.migrations;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaMigratorTest {

    private final EmbeddedDataSource dataSource = InMemoryDerby.create("migrations");

    @AfterEach
    void dropDatabase() {
        InMemoryDerby.drop(dataSource);
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
        Flyway flyway = SchemaMigrator.configure(dataSource, "classpath:db/failing");

        assertThrows(FlywayException.class, flyway::migrate);

        assertEquals("1", flyway.info().current().getVersion().getVersion());
        assertTrue(tableExists("kept"));
        assertFalse(tableExists("half_done"), "the failed script's first statement must be rolled back");
    }
}
