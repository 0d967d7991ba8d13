package org.studentregistry.migrations;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.studentregistry.migrations.SchemaMigrator.Vendor;
import org.studentregistry.migrations.testing.OnEachDatabase;
import org.studentregistry.migrations.testing.TestDatabase;

import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaMigratorTest {

    @OnEachDatabase
    void anEmptyDatabaseIsMigratedToTheNewestVersion(TestDatabase db) throws SQLException {
        SchemaMigrator migrator = new SchemaMigrator(db.dataSource());
        assertNull(migrator.currentVersion());
        assertFalse(migrator.isUpToDate());

        SchemaMigrator.MigrationOutcome outcome = migrator.migrate();

        assertTrue(outcome.applied() >= 1);
        assertNull(outcome.fromVersion());
        assertEquals(migrator.currentVersion(), outcome.toVersion());
        assertTrue(migrator.isUpToDate());
        assertTrue(db.tableExists("student"));
    }

    @OnEachDatabase
    void eachDatabaseRunsTheCommonScriptsAndItsOwnVendorsScripts(TestDatabase db) {
        assertEquals(List.of("classpath:db/migration", "classpath:db/vendor/" + db.vendor().folder()),
                SchemaMigrator.locations(db.dataSource()));
        new SchemaMigrator(db.dataSource()).migrate();

        // Every version once, with no gap: each is either common or written for this vendor.
        var applied = SchemaMigrator.configure(db.dataSource()).info().applied();
        for (int i = 0; i < applied.length; i++) {
            assertEquals(String.valueOf(i + 1), applied[i].getVersion().getVersion());
        }
        assertEquals(db.vendor(), Vendor.of(db.dataSource()));
    }

    @OnEachDatabase
    void migratingAnUpToDateDatabaseAppliesNothing(TestDatabase db) {
        SchemaMigrator migrator = new SchemaMigrator(db.dataSource());
        String newest = migrator.migrate().toVersion();

        SchemaMigrator.MigrationOutcome again = migrator.migrate();
        assertEquals(0, again.applied());
        assertEquals(newest, again.fromVersion());
        assertEquals(newest, again.toVersion());
    }

    @OnEachDatabase
    void aFailingMigrationIsRolledBackAndLeavesTheEarlierVersion(TestDatabase db) throws SQLException {
        Flyway flyway = SchemaMigrator.configure(db.dataSource(), List.of("classpath:db/failing"), null);

        assertThrows(FlywayException.class, flyway::migrate);

        assertEquals("1", flyway.info().current().getVersion().getVersion());
        assertTrue(db.tableExists("kept"));
        assertFalse(db.tableExists("half_done"), "the failed script's first statement must be rolled back");
    }
}
