package org.studentregistry.migrations;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.studentregistry.migrations.SchemaMigrator.Vendor;
import org.studentregistry.migrations.testing.OnEachDatabase;
import org.studentregistry.migrations.testing.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every migration has an undo script that really undoes it, on each database: upgrade, downgrade and upgrade again
 * leave the schema as it was at each step, and rows in the tables a step does not touch survive.
 */
class UndoScriptsTest {

    private static Flyway flyway(TestDatabase db, String target) {
        return SchemaMigrator.configure(db.dataSource(), target);
    }

    private static SchemaSnapshot snapshot(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            return SchemaSnapshot.of(c);
        }
    }

    /**
     * Undoes the newest applied migration the way {@code registry-db downgrade --steps 1} does: with the production
     * {@link Downgrade}, its plan and its runner, not with a runner of this test's own.
     */
    private static void undo(TestDatabase db, MigrationInfo migration) throws SQLException {
        Downgrade downgrade = new Downgrade(db.dataSource());
        List<Downgrade.Step> plan = downgrade.planSteps(1);
        assertEquals(List.of(migration.getVersion().getVersion()), plan.stream().map(Downgrade.Step::version).toList());
        assertEquals("U" + migration.getScript().substring(1), plan.get(0).undo().name());
        List<String> undone = new ArrayList<>();
        downgrade.run(plan, step -> undone.add(step.version()));
        assertEquals(List.of(migration.getVersion().getVersion()), undone);
    }

    @OnEachDatabase
    void everyMigrationIsUndoneByItsUndoScriptAndCanBeAppliedAgain(TestDatabase db) throws Exception {
        MigrationInfo[] migrations = flyway(db, "latest").info().all();
        assertTrue(migrations.length >= 3, "the registry has at least three migrations");

        SchemaSnapshot before = snapshot(db);
        for (MigrationInfo migration : migrations) {
            String version = migration.getVersion().getVersion();
            boolean studentsExist = db.tableExists("student");
            if (studentsExist) {
                db.execute("INSERT INTO student (first_name, last_name, subject, created_at, updated_at)"
                        + " VALUES ('Ada', 'Lovelace', 'Mathematics', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            }
            long studentsBefore = studentsExist ? db.queryLong("SELECT COUNT(*) FROM student") : 0;

            flyway(db, version).migrate();
            SchemaSnapshot after = snapshot(db);
            // PostgreSQL's V4 does nothing: it reads an ascending index backwards, which Derby needed V4 for.
            if (!(version.equals("4") && db.vendor() == Vendor.POSTGRESQL)) {
                assertFalse(after.equals(before), "V" + version + " changes the schema");
            }

            undo(db, migration);
            assertEquals(before, snapshot(db), "U" + version + " restores the schema as it was before V" + version);
            if (studentsExist && !version.equals("1")) {
                assertEquals(studentsBefore, db.queryLong("SELECT COUNT(*) FROM student"),
                        "rows of untouched tables survive U" + version);
            }

            flyway(db, version).migrate();
            assertEquals(after, snapshot(db), "V" + version + " applies again after its undo");
            before = after;
        }
    }

    @OnEachDatabase
    void aDowngradeToNothingRemovesEveryTableAndTheMigrationsApplyAgain(TestDatabase db) throws Exception {
        flyway(db, "latest").migrate();
        SchemaSnapshot latest = snapshot(db);
        assertTrue(latest.tables().values().stream().flatMap(List::stream).anyMatch(part -> part.startsWith("trigger ")),
                "the snapshot sees triggers, so one left behind by an undo script would be found");
        Downgrade downgrade = new Downgrade(db.dataSource());

        downgrade.run(downgrade.planToVersion("0"), step -> { });

        assertEquals(Map.of(), snapshot(db).tables(), "every table of the registry is gone");
        assertEquals(List.of(), snapshot(db).functions(), "and every function");
        flyway(db, "latest").migrate();
        assertEquals(latest, snapshot(db));
    }

    @OnEachDatabase
    void eachUndoScriptLiesBesideTheScriptItUndoes(TestDatabase db) {
        flyway(db, "latest").migrate();

        for (Downgrade.Step step : new Downgrade(db.dataSource()).planToVersion("0")) {
            String script = "V" + step.undo().name().substring(1);
            assertEquals(SqlScript.find(SchemaMigrator.locations(db.vendor()), script).orElseThrow().folder(),
                    step.undo().folder(), step.undo().name());
        }
    }

    @Test
    void theSnapshotTellsIndexDirectionAndColumnOrderApart() throws Exception {
        // Without this, an undo script that recreates a descending index as ascending, or with its columns
        // swapped, would still pass the comparison above.
        try (TestDatabase db = TestDatabase.create(Vendor.DERBY)) {
            db.execute("CREATE TABLE t (a INT, b INT)", "CREATE INDEX ix_t ON t (a DESC, b)");
            SchemaSnapshot descending = snapshot(db);
            assertEquals(List.of("column A INTEGER(10) nullable=YES default=null",
                            "column B INTEGER(10) nullable=YES default=null", "index (A DESC, B ASC)"),
                    descending.tables().get("T"));

            db.execute("DROP INDEX ix_t", "CREATE INDEX ix_t ON t (a, b)");
            assertNotEquals(descending, snapshot(db));
            db.execute("DROP INDEX ix_t", "CREATE INDEX ix_t ON t (b DESC, a)");
            assertNotEquals(descending, snapshot(db));
        }
    }
}
