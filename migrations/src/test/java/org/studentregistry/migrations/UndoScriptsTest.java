package org.studentregistry.migrations;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every migration has an undo script that really undoes it: upgrade, downgrade and upgrade again leave the schema
 * as it was at each step, and rows in the tables a step does not touch survive.
 */
class UndoScriptsTest {

    private final EmbeddedDataSource dataSource = InMemoryDerby.create("undo");

    @AfterEach
    void dropDatabase() {
        InMemoryDerby.drop(dataSource);
    }

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(dataSource).locations(SchemaMigrator.LOCATION).target(target).load();
    }

    private SchemaSnapshot snapshot() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return SchemaSnapshot.of(c);
        }
    }

    private void execute(String... statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /**
     * Undoes the newest applied migration the way {@code registry-db downgrade --steps 1} does: with the production
     * {@link Downgrade}, its plan and its runner, not with a runner of this test's own.
     */
    private void undo(MigrationInfo migration) throws SQLException {
        Downgrade downgrade = new Downgrade(dataSource, SchemaMigrator.LOCATION);
        List<Downgrade.Step> plan = downgrade.planSteps(1);
        assertEquals(List.of(migration.getVersion().getVersion()), plan.stream().map(Downgrade.Step::version).toList());
        assertEquals("U" + migration.getScript().substring(1), plan.get(0).undo().name());
        List<String> undone = new ArrayList<>();
        downgrade.run(plan, step -> undone.add(step.version()));
        assertEquals(List.of(migration.getVersion().getVersion()), undone);
    }

    private long count(String table) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void everyMigrationIsUndoneByItsUndoScriptAndCanBeAppliedAgain() throws Exception {
        MigrationInfo[] migrations = flyway("latest").info().all();
        assertTrue(migrations.length >= 3, "the registry has at least three migrations");

        SchemaSnapshot before = snapshot();
        for (MigrationInfo migration : migrations) {
            String version = migration.getVersion().getVersion();
            boolean studentsExist = before.tables().containsKey("STUDENT");
            if (studentsExist) {
                execute("INSERT INTO student (first_name, last_name, subject, created_at, updated_at)"
                        + " VALUES ('Ada', 'Lovelace', 'Mathematics', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            }
            long studentsBefore = studentsExist ? count("student") : 0;

            flyway(version).migrate();
            SchemaSnapshot after = snapshot();
            assertFalse(after.equals(before), "V" + version + " changes the schema");

            undo(migration);
            assertEquals(before, snapshot(), "U" + version + " restores the schema as it was before V" + version);
            if (studentsExist && !version.equals("1")) {
                assertEquals(studentsBefore, count("student"), "rows of untouched tables survive U" + version);
            }

            flyway(version).migrate();
            assertEquals(after, snapshot(), "V" + version + " applies again after its undo");
            before = after;
        }
    }

    @Test
    void aDowngradeToNothingRemovesEveryTableAndTheMigrationsApplyAgain() throws Exception {
        flyway("latest").migrate();
        SchemaSnapshot latest = snapshot();
        Downgrade downgrade = new Downgrade(dataSource, SchemaMigrator.LOCATION);

        downgrade.run(downgrade.planToVersion("0"), step -> { });

        assertEquals(Map.of(), snapshot().tables(), "every table of the registry is gone");
        flyway("latest").migrate();
        assertEquals(latest, snapshot());
    }

    @Test
    void theSnapshotTellsIndexDirectionAndColumnOrderApart() throws Exception {
        // Without this, an undo script that recreates a descending index as ascending, or with its columns
        // swapped, would still pass the comparison above.
        execute("CREATE TABLE t (a INT, b INT)", "CREATE INDEX ix_t ON t (a DESC, b)");
        SchemaSnapshot descending = snapshot();
        assertEquals(List.of("column A INTEGER(10) nullable=YES default=null",
                "column B INTEGER(10) nullable=YES default=null", "index (A DESC, B ASC)"),
                descending.tables().get("T"));

        execute("DROP INDEX ix_t", "CREATE INDEX ix_t ON t (a, b)");
        assertNotEquals(descending, snapshot());
        execute("DROP INDEX ix_t", "CREATE INDEX ix_t ON t (b DESC, a)");
        assertNotEquals(descending, snapshot());
    }
}
