package org.studentregistry.migrations;

import org.junit.jupiter.api.Test;
import org.studentregistry.migrations.SchemaMigrator.Vendor;
import org.studentregistry.migrations.testing.TestDatabase;

import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A Derby database migrated before the scripts were split into common and vendor folders (test resource
 * db/before-vendor-folders holds V1 to V8 as they were then, all in one folder) still validates against the scripts
 * where they are now, and migrates on: moving a script keeps its checksum, so these scripts must never change.
 */
class ScriptsBeforeVendorFoldersTest {

    @Test
    void aDatabaseMigratedFromTheOneFolderValidatesAndMigratesOn() throws SQLException {
        try (TestDatabase db = TestDatabase.create(Vendor.DERBY)) {
            SchemaMigrator.configure(db.dataSource(), List.of("classpath:db/before-vendor-folders"), "7").migrate();
            db.execute("INSERT INTO student (first_name, last_name, subject, created_at, updated_at)"
                    + " VALUES ('Ada', 'Lovelace', 'Mathematics', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");

            // Flyway validates what is applied before it migrates: a changed checksum would stop it here.
            SchemaMigrator.MigrationOutcome outcome = new SchemaMigrator(db.dataSource()).migrate();

            assertEquals("7", outcome.fromVersion());
            SchemaMigrator.configure(db.dataSource()).validate();
            assertEquals(1, db.queryLong("SELECT row_count FROM table_rows WHERE table_name = 'student'"));
        }
    }

    @Test
    void aDatabaseWithTheRowCountsFromTheOneFolderValidates() throws SQLException {
        try (TestDatabase db = TestDatabase.create(Vendor.DERBY)) {
            SchemaMigrator.configure(db.dataSource(), List.of("classpath:db/before-vendor-folders"), null).migrate();

            // V1 to V8 are taken as applied; only the migrations written after the one folder run (V9, V10).
            assertEquals(2, new SchemaMigrator(db.dataSource()).migrate().applied());
            SchemaMigrator.configure(db.dataSource()).validate();
            assertEquals(0, db.queryLong("SELECT row_count FROM table_rows WHERE table_name = 'student'"));
        }
    }
}
