package org.studentregistry.migrations.cli;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.studentregistry.migrations.Downgrade;
import org.studentregistry.migrations.SchemaMigrator;
import org.studentregistry.migrations.SqlScript;
import picocli.CommandLine;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The commands of {@code registry-db} against a real embedded Derby database in a temporary directory, and what only
 * such a database has: serving it, refusing it while another process has it open, Derby's bulk import. The commands
 * that work on any database are also run on PostgreSQL, in {@link RegistryDbOnEachDatabaseTest}.
 */
class RegistryDbTest {

    /** The newest version the scripts define, so that these tests need no change when a migration is added. */
    static final String LATEST;

    static {
        EmbeddedDataSource scratch = new EmbeddedDataSource();
        scratch.setDatabaseName("memory:latest");
        scratch.setCreateDatabase("create");
        var all = SchemaMigrator.configure(scratch).info().all();
        LATEST = all[all.length - 1].getVersion().getVersion();
    }

    @TempDir
    Path temp;

    private record Result(int status, String out, String err) {
    }

    private Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = RegistryDb.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(status, out.toString(), err.toString());
    }

    private String db() {
        return temp.resolve("registry").toString();
    }

    private Result runOnDb(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--db";
        all[args.length + 1] = db();
        return run(all);
    }

    private long query(String sql) throws SQLException {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(db());
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } finally {
            run("current", "--db", db()); // closes the embedded engine again, as each command does
        }
    }

    /** The columns of the first row, as strings. */
    private List<String> row(String sql) throws SQLException {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(db());
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                columns.add(rs.getString(i));
            }
            return columns;
        } finally {
            run("current", "--db", db());
        }
    }

    /** Runs a command with this text as its standard input. */
    private Result runWithInput(String input, String... args) {
        InputStream before = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return runOnDb(args);
        } finally {
            System.setIn(before);
        }
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("info", "history", "current", "migrate", "downgrade", "validate", "check", "generate", "baseline",
                "repair", "sql", "populate", "db-info", "serve", "create-admin")) {
            Result help = run(command, "--help");
            assertEquals(0, help.status(), command);
            String name = command.equals("history") ? "info" : command;
            assertTrue(help.out().contains("Usage: registry-db " + name), help.out());
        }
    }

    @Test
    void derbysLogIsKeptBesideTheDatabaseAsTheApplicationKeepsIt() throws Exception {
        // Derby reads where to log when it boots, and a command boots it afresh in a process of its own; this JVM may
        // have booted it already (LATEST), so it is shut down first, as each command shuts it down after itself.
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true").close();
        } catch (SQLException shutDownOrNotRunning) {
            // XJ015 when it was running; "no suitable driver" when an earlier shutdown already unloaded it.
        }
        Path nested = temp.resolve("new").resolve("folder").resolve("registry");
        assertEquals(0, run("migrate", "--db", nested.toString(), "--create").status());
        Path log = nested.resolveSibling("derby.log");
        assertTrue(Files.readString(log).contains(nested.toString()), "Derby's boot, named in " + log);
        String earlier = Files.readString(log);
        assertEquals(0, run("current", "--db", nested.toString()).status());
        assertTrue(Files.readString(log).startsWith(earlier), "a command adds to the log, never erases it");
        assertTrue(Files.readString(log).length() > earlier.length());

        assertEquals(0, runOnDb("migrate", "--create").status());
        assertTrue(Files.readString(temp.resolve("derby.log")).contains(db()));
    }

    @Test
    void aWrongPathIsRefusedWithoutCreatingADatabase() {
        Result result = runOnDb("info");

        assertEquals(1, result.status());
        assertTrue(result.err().contains("There is no Derby database at"), result.err());
        assertFalse(temp.resolve("registry").toFile().exists());
    }

    @Test
    void generateWritesNothingWhileTheMigrationsMatchTheEntitiesNeedsAFolderAndReadsNoDatabaseFolder() throws Exception {
        Path scripts = Files.createDirectory(temp.resolve("scripts"));

        Result result = run("generate", "-m", "nothing to do", "--dir", scripts.toString());
        assertEquals(0, result.status(), result.err());
        assertTrue(result.out().contains("Nothing to generate"), result.out());
        try (var written = Files.list(scripts)) {
            assertEquals(0, written.count());
        }

        Result noFolder = run("generate", "-m", "x", "--dir", temp.resolve("missing").toString());
        assertEquals(1, noFolder.status());
        assertTrue(noFolder.err().contains("There is no folder"), noFolder.err());

        Result withFolder = run("generate", "-m", "x", "--dir", scripts.toString(), "--db", temp.toString());
        assertEquals(1, withFolder.status(), "a database folder it would not read is refused, not ignored");
        assertTrue(withFolder.err().contains("reads no database folder"), withFolder.err());
    }

    @Test
    void aMigrationWithoutItsUndoScriptIsNotDowngraded() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(db());
        ds.setCreateDatabase("create");
        Flyway flyway = SchemaMigrator.configure(ds, List.of("classpath:db/no-undo"), null);
        flyway.migrate();

        Downgrade downgrade = new Downgrade(ds, List.of("classpath:db/no-undo"));
        Downgrade.DowngradeRefused refused = assertThrows(Downgrade.DowngradeRefused.class, () -> downgrade.planSteps(1));

        assertTrue(refused.getMessage().contains("no undo script U1__without_undo.sql"), refused.getMessage());
        assertEquals("1", flyway.info().current().getVersion().getVersion());
    }

    @Test
    void baselineAdoptsASchemaThatFlywayHasNotManagedAndMigrateBuildsOnIt() throws SQLException {
        // What version 1 makes, made by other means (as by the application's first release, before Flyway).
        execute(SqlScript.load("db/vendor/derby", "V1__create_student.sql").orElseThrow().statements()
                .toArray(String[]::new));
        Result unrecorded = runOnDb("migrate");
        assertEquals(1, unrecorded.status());
        assertTrue(unrecorded.err().contains("if these are the registry's tables from before its migrations were"
                + " recorded, adopt them with registry-db baseline first."), unrecorded.err());

        Result baselined = runOnDb("baseline");

        assertEquals(0, baselined.status(), baselined.err());
        assertTrue(baselined.out().contains("Baselined at version 1"), baselined.out());
        assertEquals("1", runOnDb("current").out().strip());
        Result migrated = runOnDb("migrate");
        assertEquals(0, migrated.status(), migrated.err());
        assertEquals(LATEST, runOnDb("current").out().strip());
    }

    @Test
    void baselineOfAnEmptyDatabaseIsRefusedSoThatMigrateStillBuildsItWhole() {
        Result refused = runOnDb("baseline", "--create");

        assertEquals(1, refused.status());
        assertEquals("registry-db: Nothing to baseline: the database has no student table, which version 1 makes."
                + " Run migrate, which builds the whole schema; baseline is for a schema that was made before its"
                + " migrations were recorded.", refused.err().strip());
        assertEquals("none", runOnDb("current").out().strip());
        Result migrated = runOnDb("migrate");
        assertEquals(0, migrated.status(), migrated.err());
        assertEquals(LATEST, runOnDb("current").out().strip());
    }

    @Test
    void migrateRefusesAnotherApplicationsTablesInItsOwnTermsAndLeavesThemAlone() throws SQLException {
        execute("CREATE TABLE invoice (id INT NOT NULL PRIMARY KEY)",
                "CREATE TABLE customer (id INT NOT NULL PRIMARY KEY)");

        Result refused = runOnDb("migrate");

        assertEquals(1, refused.status());
        assertTrue(refused.err().startsWith("registry-db: The database already holds tables (customer, invoice) but no"
                + " record of the registry's migrations, so none were applied. Give the registry an empty database of"
                + " its own."), refused.err());
        assertFalse(refused.err().contains("baseline"), "baseline would claim them as the registry's: " + refused.err());
        assertEquals(List.of("customer", "invoice"), rows("SELECT LOWER(tablename) FROM sys.systables"
                + " WHERE tabletype = 'T' ORDER BY 1"));
    }

    @Test
    void baselineOfAMigratedDatabaseSaysSoAndChangesNothing() {
        assertEquals(0, runOnDb("migrate", "--create").status());

        Result refused = runOnDb("baseline");

        assertEquals(1, refused.status());
        assertEquals("registry-db: Nothing to baseline: this database's migrations are recorded already (version "
                + LATEST + "). Run migrate to apply newer ones.", refused.err().strip());
        assertEquals(LATEST, runOnDb("current").out().strip());
    }

    @Test
    void populateIsTheSameForTheSameSeed() throws SQLException {
        runOnDb("populate", "--create", "--students", "300", "--users", "30", "--books", "40", "--seed", "7");
        long first = query("SELECT SUM(LENGTH(first_name) * id + LENGTH(subject)) FROM student");

        Path other = temp.resolve("other");
        run("populate", "--db", other.toString(), "--create", "--students", "300", "--users", "30", "--books", "40",
                "--seed", "7");
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(other.toString());
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SUM(LENGTH(first_name) * id + LENGTH(subject)) FROM student")) {
            rs.next();
            assertEquals(first, rs.getLong(1));
        }
        run("current", "--db", other.toString());
        assertEquals(30, query("SELECT COUNT(DISTINCT username_key) FROM users"));
    }

    @Test
    void aLargePopulateOfAnEmptyTableIsBulkLoadedWithEverythingTheRowsNeed() throws SQLException {
        assertEquals(0, runOnDb("migrate", "--create").status());
        List<String> triggers = rows(EVERY_TRIGGER);
        List<String> storage = rows(STUDENT_STORAGE);

        Result result = runOnDb("populate", "--students", "12000", "--users", "0", "--books", "0");

        assertEquals(0, result.status(), result.err());
        assertEquals(12000, query("SELECT COUNT(*) FROM student"));
        assertEquals(12000, query("SELECT COUNT(*) FROM student WHERE version = 1 AND last_name_key = LOWER(last_name)"));
        assertEquals(12000, query("SELECT MAX(id) FROM student"));
        assertEquals(12000, query("SELECT row_count FROM table_rows WHERE table_name = 'student'"),
                "the count holds the loaded rows");
        // A bulk load writes the table and each of its indexes anew; inserted row by row, they would be the same.
        List<String> loaded = rows(STUDENT_STORAGE);
        assertEquals(storage.size(), loaded.size());
        assertTrue(loaded.stream().noneMatch(storage::contains), "bulk loaded: " + storage + " -> " + loaded);
        assertEquals(triggers, rows(EVERY_TRIGGER), "the count's triggers are back as the migrations made them");
        assertEquals(0, query("SELECT COUNT(*) FROM sys.systriggers t JOIN sys.sysstatements s"
                + " ON s.stmtid = t.actionstmtid WHERE NOT s.valid AND t.type = 'S'"),
                "their plans are compiled, as after a migration");

        execute("INSERT INTO student (first_name, last_name, subject, version, created_at, updated_at)"
                        + " VALUES ('A', 'B', 'C', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),"
                        + " ('D', 'E', 'F', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                "DELETE FROM student WHERE id = 1");
        assertEquals(12001, query("SELECT row_count FROM table_rows WHERE table_name = 'student'"),
                "the restored triggers count later writes");
    }

    @Test
    void aTableWithATriggerOfAnotherKindIsLoadedRowByRowWithItsTriggersFiring() throws SQLException {
        assertEquals(0, runOnDb("migrate", "--create").status());
        // A trigger the bulk load cannot replay by recounting: it moves another table's count.
        execute("CREATE TRIGGER tr_student_echo AFTER INSERT ON student REFERENCING NEW_TABLE AS added"
                + " FOR EACH STATEMENT UPDATE table_rows SET row_count = row_count + (SELECT COUNT(*) FROM added)"
                + " WHERE table_name = 'book'");
        List<String> triggers = rows(EVERY_TRIGGER);
        List<String> storage = rows(STUDENT_STORAGE);

        Result result = runOnDb("populate", "--students", "12000", "--users", "0", "--books", "0");

        assertEquals(0, result.status(), result.err());
        assertEquals(storage, rows(STUDENT_STORAGE), "loaded row by row, into the same table and indexes");
        assertEquals(triggers, rows(EVERY_TRIGGER));
        assertEquals(12000, query("SELECT row_count FROM table_rows WHERE table_name = 'student'"));
        assertEquals(12000, query("SELECT row_count FROM table_rows WHERE table_name = 'book'"),
                "the other trigger fired for the loaded rows");
    }

    @Test
    void aCountTheDiskHasNoRoomForIsRefusedBeforeAnythingIsWritten() throws Exception {
        assertEquals(0, runOnDb("migrate", "--create").status());

        // Unchecked, this would write the import file until the disk is full: the timeout stops it short of that.
        Result result = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> runOnDb("populate", "--students", "99999999999", "--users", "0", "--books", "0"));

        assertEquals(1, result.status());
        assertTrue(result.err().matches("(?s)registry-db: 99,999,999,999 students, 0 users and 0 books need about"
                + " 6\\d\\.\\d TB on the disk of .*registry.*, and .* is free there\\. Nothing was added\\.\\s*"),
                result.err());
        assertEquals(0, query("SELECT COUNT(*) FROM student"));
        assertEquals(List.of(), importFiles(Path.of(System.getProperty("java.io.tmpdir"))));
    }

    @Test
    void anInterruptedBulkLoadLeavesNoImportFileBehind() throws Exception {
        Path temporary = Files.createDirectory(temp.resolve("tmp"));
        Process populate = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + temporary, "-cp", System.getProperty("java.class.path"),
                RegistryDb.class.getName(), "populate", "--db", db(), "--create", "--students", "5000000")
                .redirectErrorStream(true).redirectOutput(temp.resolve("populate.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (importFiles(temporary).isEmpty() && populate.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, importFiles(temporary).size(), Files.readString(temp.resolve("populate.log")));
        } finally {
            populate.destroy(); // SIGTERM, as a Ctrl-C's SIGINT: the JVM runs its exit hooks and stops
            populate.waitFor();
        }

        assertEquals(List.of(), importFiles(temporary), "the import file, gigabytes for a large count, is removed");
    }

    private static List<Path> importFiles(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith("registry-") && name.endsWith(".csv")).map(folder::resolve).toList();
        }
    }

    private static final String EVERY_TRIGGER = "SELECT t.triggername, t.event, t.firingtime, t.type, t.state,"
            + " t.referencingold, t.referencingnew, t.oldreferencingname, t.newreferencingname, t.whenstmtid,"
            + " t.triggerdefinition, b.tablename FROM sys.systriggers t JOIN sys.systables b ON b.tableid = t.tableid"
            + " ORDER BY t.triggername";
    private static final String STUDENT_STORAGE = "SELECT c.conglomeratenumber FROM sys.sysconglomerates c"
            + " JOIN sys.systables t ON t.tableid = c.tableid WHERE t.tablename = 'STUDENT'";

    /** Every row, its columns joined. */
    private List<String> rows(String sql) throws SQLException {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(db());
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    columns.add(rs.getString(i));
                }
                rows.add(String.join(" | ", columns));
            }
            return rows;
        } finally {
            run("current", "--db", db());
        }
    }

    /** Runs these statements on the test's database (made first if need be), by plain JDBC. */
    private void execute(String... statements) throws SQLException {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(db());
        ds.setCreateDatabase("create");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.executeUpdate(sql);
            }
        } finally {
            run("current", "--db", db());
        }
    }

    @Test
    void serveSharesTheDatabaseOverTheNetworkAndCommandsReachItByUrl() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ServeCommand serve = new ServeCommand();
        StringWriter served = new StringWriter();
        CommandLine serving = new CommandLine(serve).setOut(new PrintWriter(served, true));
        Thread server = new Thread(() -> serving.execute("--db", db(), "--port", String.valueOf(port)));
        server.start();
        try {
            String url = ServeCommand.url(port, Path.of(db()).toAbsolutePath());
            Result migrated = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                Result result;
                do {
                    Thread.sleep(100);
                    result = run("migrate", "--url", url);
                } while (result.status() != 0 && !served.toString().contains("Serving"));
                return result.status() == 0 ? result : run("migrate", "--url", url);
            });
            assertEquals(0, migrated.status(), migrated.err());
            assertTrue(served.toString().contains(url), served.toString());
            Result populated = run("populate", "--url", url, "--students", "7", "--users", "0", "--books", "0");
            assertEquals(0, populated.status(), populated.err());
            Result info = run("db-info", "--url", url);
            assertTrue(info.out().matches("(?s).*student\\s+7 rows.*"), info.out());
            assertEquals(LATEST, run("current", "--url", url).out().strip());
        } finally {
            serve.stop.countDown();
            server.join(Duration.ofSeconds(30).toMillis());
        }
        assertFalse(server.isAlive(), "serve stops when told");
        assertEquals(7, query("SELECT COUNT(*) FROM student"), "what was written over the network is in the directory");
    }

    @Test
    void aDatabaseInUseByAnotherProcessIsRefusedWithTheWayOut() throws Exception {
        runOnDb("migrate", "--create");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldDatabase.class.getName(), db())
                .redirectErrorStream(true).start();
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("holding", reader.readLine());

            Result result = runOnDb("migrate");

            assertEquals(1, result.status());
            assertTrue(result.err().contains("in use by a running application"), result.err());
            assertTrue(result.err().contains("serve the database with registry-db serve --db " + db()), result.err());
            assertTrue(result.err().contains("the URL it prints, jdbc:derby://127.0.0.1:1527/" + db() + ";create=true."),
                    result.err());
            assertFalse(result.err().contains("startNetworkServer"), "the WAR has no network server to start");
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
    }

    @Test
    void createAdminStoresTheAdminWithAHashThatVerifiesAndNeverShowsThePassword() throws SQLException {
        String password = "correct horse battery";

        Result created = runWithInput(password + "\nnot read\n", "create-admin", "--create", "--username", " Grace ",
                "--email", "grace@example.org", "--password-stdin");

        assertEquals(0, created.status(), created.err());
        assertEquals("Created admin Grace. Sign in at /sign-in.", created.out().strip());
        List<String> stored = row("SELECT username, username_key, email, password_hash, roles, enabled, version,"
                + " created_at, updated_at FROM users");
        assertEquals(List.of("Grace", "grace", "grace@example.org"), stored.subList(0, 3));
        String hash = stored.get(3);
        assertTrue(hash.startsWith("PBKDF2WithHmacSHA512:1024:"), hash);
        assertTrue(new Pbkdf2PasswordHashImpl().verify(password.toCharArray(), hash));
        assertFalse(new Pbkdf2PasswordHashImpl().verify("not read".toCharArray(), hash));
        assertEquals(List.of("ADMIN", "true", "1"), stored.subList(4, 7));
        assertEquals(stored.get(7), stored.get(8));
        assertTrue(stored.get(7).matches("\\S+ \\S+\\.\\d{1,3}"), "milliseconds at most: " + stored.get(7));
        assertFalse((created.out() + created.err()).contains(password));
        assertFalse((created.out() + created.err()).contains(hash));
        assertEquals(LATEST, runOnDb("current").out().strip(), "migrated first");
    }

    @Test
    void createAdminReadsThePasswordFromTheFirstLineOfAFile() throws Exception {
        Path file = Files.writeString(temp.resolve("password.txt"), "a long password 1\r\nsecond line\n");

        Result created = runOnDb("create-admin", "--create", "--username", "root", "--email", "root@example.org",
                "--password-file", file.toString());

        assertEquals(0, created.status(), created.err());
        String hash = row("SELECT password_hash FROM users WHERE username = 'root'").get(0);
        assertTrue(new Pbkdf2PasswordHashImpl().verify("a long password 1".toCharArray(), hash));

        Result missing = runOnDb("create-admin", "--username", "other", "--email", "other@example.org",
                "--password-file", temp.resolve("missing.txt").toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("Cannot read the password from"), missing.err());
    }

    @Test
    void createAdminRefusesWhatBreaksTheRulesAndChangesNothing() throws SQLException {
        runOnDb("migrate", "--create");

        Result shortPassword = runWithInput("too short\n", "create-admin", "--username", "root",
                "--email", "root@example.org", "--password-stdin");
        assertEquals(1, shortPassword.status());
        assertTrue(shortPassword.err().contains("Password must be at least 10 characters."), shortPassword.err());

        Result noPassword = runWithInput("", "create-admin", "--username", "root", "--email", "root@example.org",
                "--password-stdin");
        assertEquals(1, noPassword.status());
        assertTrue(noPassword.err().contains("Password is required."), noPassword.err());

        Result badUsername = runWithInput("correct horse battery\n", "create-admin", "--username", "ro",
                "--email", "root@example.org", "--password-stdin");
        assertEquals(1, badUsername.status());
        assertTrue(badUsername.err().contains("Username must be 3 to 50 characters."), badUsername.err());

        Result badEmail = runWithInput("correct horse battery\n", "create-admin", "--username", "root",
                "--email", "root@", "--password-stdin");
        assertEquals(1, badEmail.status());
        assertTrue(badEmail.err().contains("Email must be a valid address"), badEmail.err());

        Result databasePassword = runOnDb("create-admin", "--username", "root", "--email", "root@example.org",
                "--password", "correct horse battery");
        assertEquals(1, databasePassword.status());
        assertTrue(databasePassword.err().contains("--password is the database's password"), databasePassword.err());

        Result bothSources = runOnDb("create-admin", "--username", "root", "--email", "root@example.org",
                "--password-stdin", "--password-file", "x");
        assertEquals(2, bothSources.status(), "wrong usage");

        assertEquals(0, query("SELECT COUNT(*) FROM users"));
    }
}
