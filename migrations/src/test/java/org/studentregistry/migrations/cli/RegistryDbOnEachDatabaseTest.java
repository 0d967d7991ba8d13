package org.studentregistry.migrations.cli;

import org.junit.jupiter.api.Test;
import org.studentregistry.migrations.SchemaMigrator;
import org.studentregistry.migrations.SchemaMigrator.Vendor;
import org.studentregistry.migrations.testing.OnEachDatabase;
import org.studentregistry.migrations.testing.TestDatabase;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The commands of {@code registry-db} that work on any database, run on each: a fresh in-memory Derby and a fresh
 * PostgreSQL schema, both reached with {@code --url} (PostgreSQL with {@code --user} and a password file). What only
 * an embedded Derby directory has (serve, a database in use, Derby's bulk import) is in {@link RegistryDbTest}.
 */
class RegistryDbOnEachDatabaseTest {

    /** The newest version the scripts define, so that these tests need no change when a migration is added. */
    private static final String LATEST = RegistryDbTest.LATEST;

    private record Result(int status, String out, String err) {
    }

    private static Result on(TestDatabase db, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(db.commandLine());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = RegistryDb.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Result(status, out.toString(), err.toString());
    }

    /** Runs a command with this text as its standard input. */
    private static Result onWithInput(TestDatabase db, String input, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return on(db, args);
        } finally {
            System.setIn(before);
        }
    }

    @OnEachDatabase
    void migrateAppliesEveryMigrationAndInfoAndCurrentSaySo(TestDatabase db) {
        assertEquals(0, on(db, "migrate", "--target", "2").status());
        assertEquals("2", on(db, "current").out().strip());

        Result migrated = on(db, "migrate");
        assertEquals(0, migrated.status(), migrated.err());
        assertTrue(migrated.out().contains("Applied " + (Integer.parseInt(LATEST) - 2) + " migration(s)"), migrated.out());

        Result info = on(db, "history");
        assertTrue(info.out().matches("(?s).*1\\s+create student\\s+applied.*"), info.out());
        assertTrue(info.out().contains("Current version: " + LATEST), info.out());
        assertEquals("Schema is up to date at version " + LATEST + ".", on(db, "migrate").out().strip());
    }

    @OnEachDatabase
    void downgradeUndoesTheNewestStepsAndMigrateAppliesThemAgain(TestDatabase db) throws SQLException {
        on(db, "migrate");

        Result downgraded = on(db, "downgrade", "--steps", String.valueOf(Integer.parseInt(LATEST) - 2), "--yes");

        assertEquals(0, downgraded.status(), downgraded.err());
        assertEquals("2", on(db, "current").out().strip());
        assertTrue(on(db, "info").out().matches("(?s).*3\\s+create book\\s+undone.*"));
        assertEquals(0, on(db, "migrate").status());
        assertEquals(LATEST, on(db, "current").out().strip());
        assertEquals(0, db.queryLong("SELECT COUNT(*) FROM book"));
    }

    @OnEachDatabase
    void baselineOfAnEmptySchemaIsRefusedAndMigrateBuildsItWhole(TestDatabase db) {
        Result refused = on(db, "baseline");

        assertEquals(1, refused.status());
        assertTrue(refused.err().contains("Nothing to baseline: the database has no student table"), refused.err());
        assertEquals(0, on(db, "migrate").status());
        assertEquals(LATEST, on(db, "current").out().strip());
    }

    @OnEachDatabase
    void downgradeToAnUnknownVersionChangesNothing(TestDatabase db) {
        on(db, "migrate");

        Result result = on(db, "downgrade", "--target", "99");

        assertEquals(1, result.status());
        assertTrue(result.err().contains("Version 99 is not an applied migration"), result.err());
        assertEquals(LATEST, on(db, "current").out().strip());
    }

    @OnEachDatabase
    void downgradeThatWouldDropRowsAsksAndWithoutAnAnswerChangesNothing(TestDatabase db) throws SQLException {
        on(db, "populate", "--students", "5", "--users", "2", "--books", "3");

        Result refused = on(db, "downgrade", "--target", "2");

        assertEquals(1, refused.status());
        assertTrue(refused.err().contains("this data would be dropped: "), refused.err());
        assertTrue(refused.err().contains("book (3 rows, by U3)"), refused.err());
        assertTrue(refused.err().contains("users.roles (2 values, by U7)"), "each column by name: " + refused.err());
        assertFalse(refused.err().contains("password_hash"), "the sample users have no password: " + refused.err());
        assertFalse(refused.err().contains("table_rows"), "counts are rebuilt by migrating again: " + refused.err());
        assertEquals(LATEST, on(db, "current").out().strip());
        assertEquals(3, db.queryLong("SELECT COUNT(*) FROM book"));
        assertEquals(2, db.queryLong("SELECT COUNT(roles) FROM users"));
    }

    @OnEachDatabase
    void sqlPrintsWhatMigrateAndDowngradeWouldRunWithoutRunningIt(TestDatabase db) {
        on(db, "migrate", "--target", "1");

        Result forward = on(db, "sql", "--target", "3");
        assertTrue(forward.out().contains("-- V2__create_users.sql (classpath:db/vendor/" + db.vendor().folder() + ")"),
                forward.out());
        assertTrue(forward.out().contains("CREATE TABLE book"), forward.out());
        assertFalse(forward.out().contains("descending"), forward.out());
        if (db.vendor() == Vendor.POSTGRESQL) {
            assertTrue(forward.out().contains("GENERATED ALWAYS AS (lower(title)) STORED"), forward.out());
        }

        Result back = on(db, "sql", "--downgrade", "--steps", "1");
        assertTrue(back.out().contains("DROP TABLE student;"), back.out());
        assertEquals("1", on(db, "current").out().strip());
    }

    @OnEachDatabase
    void sqlPrintsEachTriggerFunctionWhole(TestDatabase db) {
        on(db, "migrate", "--target", "7");

        Result forward = on(db, "sql");

        assertEquals(0, forward.status(), forward.err());
        assertTrue(forward.out().contains("-- V8__table_row_counts.sql"), forward.out());
        if (db.vendor() == Vendor.POSTGRESQL) {
            // The function's body keeps its own semicolons: it is one statement, not cut at the first.
            assertTrue(forward.out().contains("    RETURN NULL;\nEND;\n$$;"), forward.out());
        }
    }

    @OnEachDatabase
    void validateFindsAChangedScript(TestDatabase db) throws SQLException {
        on(db, "migrate");
        assertEquals(0, on(db, "validate").status());

        db.execute("UPDATE \"flyway_schema_history\" SET \"checksum\" = 1 WHERE \"version\" = '2'");

        Result result = on(db, "validate");
        assertEquals(1, result.status());
        assertTrue(result.err().toLowerCase().contains("checksum mismatch"), result.err());
        assertEquals(0, on(db, "repair").status());
        assertEquals(0, on(db, "validate").status());
    }

    @OnEachDatabase
    void checkPassesOnTheMigratedSchemaAndListsWhatAnEntityLacks(TestDatabase db) throws SQLException {
        on(db, "migrate");
        Result agreed = on(db, "check");
        assertEquals(0, agreed.status(), agreed.err());

        db.execute("ALTER TABLE student ADD COLUMN nickname VARCHAR(40)");

        Result result = on(db, "check");
        assertEquals(1, result.status());
        assertTrue(result.err().contains("extra column student.nickname"), result.err());
    }

    @OnEachDatabase
    void generateComparesOnTheDatabasesKindInAScratchPlaceAndLeavesTheDatabaseAlone(TestDatabase db) throws Exception {
        Path scripts = Files.createTempDirectory("scripts");
        try {
            Result result = on(db, "generate", "-m", "nothing to do", "--dir", scripts.toString());

            assertEquals(0, result.status(), result.err());
            assertTrue(result.out().contains("Nothing to generate"), result.out());
            try (var written = Files.list(scripts)) {
                assertEquals(0, written.count());
            }
            assertFalse(db.tableExists("student"), "the database's own schema is not migrated");
            if (!db.isDerby()) {
                assertEquals(0, db.queryLong("SELECT COUNT(*) FROM information_schema.schemata"
                        + " WHERE schema_name LIKE 'scratch%'"), "the scratch schemas are dropped");
            }
        } finally {
            Files.delete(scripts);
        }
    }

    @OnEachDatabase
    void populateLoadsEveryTableInBulkWithEverythingTheRowsNeedAndTheCounts(TestDatabase db) throws SQLException {
        // Enough students for Derby's bulk import; PostgreSQL loads every table with COPY.
        Result result = on(db, "populate", "--students", "12000", "--users", "30", "--books", "40", "--seed", "7");

        assertEquals(0, result.status(), result.err());
        assertEquals(12000, db.queryLong("SELECT COUNT(*) FROM student"));
        assertEquals(12000, db.queryLong("SELECT COUNT(*) FROM student WHERE version = 1"
                + " AND last_name_key = LOWER(last_name) AND created_at = updated_at"));
        assertEquals(12000, db.queryLong("SELECT MAX(id) FROM student"));
        assertEquals(30, db.queryLong("SELECT COUNT(DISTINCT username_key) FROM users"));
        assertEquals(40, db.queryLong("SELECT COUNT(*) FROM book WHERE author_key = LOWER(author)"));
        assertEquals(List.of("12000", "30", "40"), List.of(count(db, "student"), count(db, "users"), count(db, "book")));

        // A second run adds to what is there, with usernames that stay unique.
        assertEquals(0, on(db, "populate", "--students", "5", "--users", "3", "--books", "0").status());
        assertEquals(List.of("12005", "33"), List.of(count(db, "student"), count(db, "users")));
        assertEquals(33, db.queryLong("SELECT COUNT(DISTINCT username_key) FROM users"));
    }

    private static String count(TestDatabase db, String table) throws SQLException {
        return db.row("SELECT row_count FROM table_rows WHERE table_name = '" + table + "'").get(0);
    }

    @OnEachDatabase
    void dbInfoShowsWhereTheDatabaseIsAndTheRowsOfEachTable(TestDatabase db) {
        on(db, "populate", "--students", "12", "--users", "3", "--books", "0");

        Result info = on(db, "db-info");

        assertEquals(0, info.status(), info.err());
        assertTrue(info.out().contains(db.commandLine().get(1)), info.out());
        assertTrue(info.out().matches("(?s).*student\\s+12 rows.*"), info.out());
        assertTrue(info.out().matches("(?s).*table_rows\\s+4 rows.*"), info.out());
        assertTrue(info.out().contains("Schema version: " + LATEST), info.out());
    }

    @OnEachDatabase
    void createAdminRefusesATakenUsernameOrEmailWhateverTheirCase(TestDatabase db) throws SQLException {
        String password = "correct horse battery\n";
        Result created = onWithInput(db, password, "create-admin", "--username", "root", "--email", "root@example.org",
                "--password-stdin");
        assertEquals(0, created.status(), created.err());

        Result username = onWithInput(db, password, "create-admin", "--username", "ROOT", "--email", "other@example.org",
                "--password-stdin");
        assertEquals(1, username.status());
        assertTrue(username.err().contains("Username ROOT is already taken."), username.err());

        Result email = onWithInput(db, password, "create-admin", "--username", "other", "--email", "Root@Example.org",
                "--password-stdin");
        assertEquals(1, email.status());
        assertTrue(email.err().contains("Email Root@Example.org is already registered."), email.err());

        assertEquals(1, db.queryLong("SELECT COUNT(*) FROM users"));
        assertEquals("1", count(db, "users"));
    }

    /**
     * The password of a database server need never be an argument, which every user of the machine could read in
     * the process list: another process, given only the URL and user, reads it from REGISTRY_DB_PASSWORD.
     */
    @Test
    void theDatabasePasswordIsReadFromTheEnvironmentOfAnotherProcess() throws Exception {
        try (TestDatabase db = TestDatabase.createOrSkip(Vendor.POSTGRESQL)) {
            new SchemaMigrator(db.dataSource()).migrate();
            List<String> options = db.commandLine();
            String url = options.get(options.indexOf("--url") + 1);
            String user = options.get(options.indexOf("--user") + 1);
            String password = Files.readString(
                    Path.of(options.get(options.indexOf("--db-password-file") + 1))).strip();

            ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), RegistryDb.class.getName(),
                    "current", "--url", url, "--user", user).redirectErrorStream(true);
            command.environment().remove(DatabaseOptions.PASSWORD_VARIABLE);
            String refused = output(command);
            command.environment().put(DatabaseOptions.PASSWORD_VARIABLE, password);
            String answered = output(command);

            assertTrue(refused.contains("password"), "without it the server refuses: " + refused);
            assertEquals(LATEST, answered.strip());
            assertFalse((refused + answered).contains(password));
            assertFalse(command.command().contains(password));
        }
    }

    private static String output(ProcessBuilder command) throws Exception {
        Process process = command.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return output;
    }
}
