package org.studentregistry.migrations;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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

    /** Runs {@code U<version>__<description>.sql} in one transaction and forgets the version in Flyway's history. */
    private void undo(MigrationInfo migration) throws SQLException, IOException {
        String script = "db/migration/U" + migration.getScript().substring(1);
        String sql;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(script)) {
            assertNotNull(in, "every migration has an undo script: " + script + " is missing");
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String statement : statements(sql)) {
                s.execute(statement);
            }
            s.executeUpdate("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '"
                    + migration.getVersion().getVersion() + "'");
            c.commit();
        }
    }

    private static List<String> statements(String script) {
        String withoutComments = Arrays.stream(script.split("\n"))
                .filter(line -> !line.strip().startsWith("--"))
                .reduce("", (a, b) -> a + b + "\n");
        return Arrays.stream(withoutComments.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
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
}
