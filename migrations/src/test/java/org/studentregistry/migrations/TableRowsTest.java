package org.studentregistry.migrations;

import org.junit.jupiter.api.Test;
import org.studentregistry.migrations.SchemaMigrator.Vendor;
import org.studentregistry.migrations.testing.OnEachDatabase;
import org.studentregistry.migrations.testing.TestDatabase;
import org.studentregistry.migrations.testing.Writers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The counts in table_rows (V8) are the tables' exact row counts whoever writes and however: single and multi-row
 * statements, batches, deletes of some, none and all rows, rolled back transactions, writers at the same time,
 * PostgreSQL's TRUNCATE; and from the rows already there when V8 is applied.
 */
class TableRowsTest {

    private static final List<String> COUNTED = List.of("student", "users", "book", "api_token");

    private static final String STUDENT = "INSERT INTO student (first_name, last_name, subject, created_at, updated_at)"
            + " VALUES ('Ada', 'Lovelace', 'Mathematics', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)";
    private static final String BOOK = "INSERT INTO book (title, author, created_at, updated_at)"
            + " VALUES ('Emma', 'Jane Austen', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)";
    private static final String TOKEN = "INSERT INTO api_token (name, role, secret_hash, expires_at, created_by,"
            + " created_at, updated_at) VALUES ('payroll', 'viewer', 'x', CURRENT_TIMESTAMP, 'root', CURRENT_TIMESTAMP,"
            + " CURRENT_TIMESTAMP)";

    private static String user(String name) {
        return "INSERT INTO users (username, email, created_at, updated_at) VALUES ('" + name + "', '" + name
                + "@example.org', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)";
    }

    /** Each counted table's count as table_rows has it and as COUNT(*) finds it, side by side. */
    private static void assertCountsExact(TestDatabase db, String when) throws SQLException {
        for (String table : COUNTED) {
            long counted = db.queryLong("SELECT COUNT(*) FROM " + table);
            long kept = db.queryLong("SELECT row_count FROM table_rows WHERE table_name = '" + table + "'");
            assertEquals(counted, kept, table + " " + when);
        }
        assertEquals(COUNTED.size(), db.queryLong("SELECT COUNT(*) FROM table_rows"), "one row a counted table");
    }

    private static long kept(TestDatabase db, String table) throws SQLException {
        return db.queryLong("SELECT row_count FROM table_rows WHERE table_name = '" + table + "'");
    }

    @OnEachDatabase
    void theCountsStartFromTheRowsAlreadyThere(TestDatabase db) throws SQLException {
        SchemaMigrator.configure(db.dataSource(), "7").migrate();
        db.execute(STUDENT, STUDENT, STUDENT, BOOK, BOOK, user("ada"), TOKEN);

        new SchemaMigrator(db.dataSource()).migrate();

        assertEquals(List.of(3L, 1L, 2L, 1L), List.of(kept(db, "student"), kept(db, "users"), kept(db, "book"),
                kept(db, "api_token")));
        assertCountsExact(db, "after V8");
    }

    @OnEachDatabase
    void everyKindOfInsertAndDeleteMovesTheCountByItsRows(TestDatabase db) throws SQLException {
        new SchemaMigrator(db.dataSource()).migrate();
        assertCountsExact(db, "on an empty database");

        db.execute(STUDENT, BOOK, TOKEN, user("ada"));
        assertCountsExact(db, "after single inserts");

        db.execute("INSERT INTO student (first_name, last_name, subject, created_at, updated_at) VALUES"
                + " ('Alan', 'Turing', 'Mathematics', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),"
                + " ('Grace', 'Hopper', 'Computer Science', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),"
                + " ('Edsger', 'Dijkstra', 'Computer Science', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        db.execute("INSERT INTO book (title, author, created_at, updated_at)"
                + " SELECT first_name, last_name, created_at, updated_at FROM student");
        assertEquals(4, kept(db, "student"));
        assertCountsExact(db, "after multi-row inserts");

        db.insertBatch("INSERT INTO student (first_name, last_name, subject, created_at, updated_at)"
                + " VALUES (?, ?, 'Batch', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", 250,
                i -> List.of("First" + i, "Last" + i));
        assertEquals(254, kept(db, "student"));
        assertCountsExact(db, "after a batch");

        db.execute("UPDATE student SET subject = 'Physics'", "DELETE FROM student WHERE id < 0");
        assertEquals(254, kept(db, "student"), "updates and deletes of nothing leave the count");
        db.execute("DELETE FROM student WHERE subject = 'Physics' AND id IN (SELECT id FROM student WHERE id > 200)",
                "DELETE FROM book WHERE title = 'Emma'", "DELETE FROM users");
        assertCountsExact(db, "after deletes");

        db.execute("DELETE FROM student");
        assertEquals(0, kept(db, "student"));
        assertCountsExact(db, "after deleting every row");

        if (!db.isDerby()) {
            db.execute(STUDENT, STUDENT, "TRUNCATE student, api_token");
            assertEquals(0, kept(db, "student"));
            assertCountsExact(db, "after TRUNCATE");
        }
    }

    @OnEachDatabase
    void aRolledBackWriteRollsItsCountBack(TestDatabase db) throws SQLException {
        new SchemaMigrator(db.dataSource()).migrate();
        db.execute(STUDENT, STUDENT);

        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute(STUDENT);
            s.execute("DELETE FROM student WHERE id = (SELECT MIN(id) FROM student)");
            s.execute(STUDENT);
            try (ResultSet rs = s.executeQuery("SELECT row_count FROM table_rows WHERE table_name = 'student'")) {
                rs.next();
                assertEquals(3, rs.getLong(1), "the transaction sees its own count");
            }
            c.rollback();
        }
        assertEquals(2, kept(db, "student"));

        // A statement that fails half way (the second row breaks the unique username) counts nothing either.
        assertThrows(SQLException.class, () -> db.execute("INSERT INTO users (username, email, created_at, updated_at)"
                + " VALUES ('grace', 'g1@example.org', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),"
                + " ('GRACE', 'g2@example.org', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"));
        assertCountsExact(db, "after rollbacks");
    }

    @OnEachDatabase
    void writersAtTheSameTimeKeepTheCountExact(TestDatabase db) throws Exception {
        new SchemaMigrator(db.dataSource()).migrate();
        int writers = 4;
        int rounds = 25;
        Writers.atOnce(db, writers, (writer, statement) -> {
            for (int i = 0; i < rounds; i++) {
                statement.execute(STUDENT);
                statement.execute(user("w" + writer + "_" + i));
                if (i % 5 == 4) {
                    statement.execute("DELETE FROM users WHERE username = 'w" + writer + "_" + (i - 1) + "'");
                }
            }
        });

        assertEquals(writers * rounds, kept(db, "student"));
        assertEquals(writers * (rounds - rounds / 5), kept(db, "users"));
        assertCountsExact(db, "after concurrent writers");
    }

    @Test
    void onDerbyEveryCountTriggerIsCompiledWhenTheMigrationEnds() throws SQLException {
        try (TestDatabase db = TestDatabase.create(Vendor.DERBY)) {
            new SchemaMigrator(db.dataSource()).migrate();

            // Left to its first firing, a plan is compiled under the first concurrent writes, which Derby refuses.
            // Books have nine more triggers for their authors' counts (V10): one for each statement that updates
            // books, and row triggers, which fire behind the count's lock (one writer at a time) and compile then.
            assertEquals(COUNTED.size() * 2 + 1, db.queryLong("SELECT COUNT(*) FROM sys.systriggers WHERE type = 'S'"));
            assertEquals(8, db.queryLong("SELECT COUNT(*) FROM sys.systriggers WHERE type = 'R'"));
            assertEquals(0, db.queryLong("SELECT COUNT(*) FROM sys.systriggers t JOIN sys.sysstatements s"
                    + " ON s.stmtid = t.actionstmtid WHERE NOT s.valid AND t.type = 'S'"),
                    "statement triggers whose plan is still to compile");
            assertEquals(List.of(0L, 0L), List.of(kept(db, "student"),
                    db.queryLong("SELECT COUNT(*) FROM student")), "the firings changed no row");
        }
    }

    @OnEachDatabase
    void aDowngradeAndMigrateAgainCountsAnew(TestDatabase db) throws SQLException {
        new SchemaMigrator(db.dataSource()).migrate();
        db.execute(STUDENT, BOOK);
        Downgrade downgrade = new Downgrade(db.dataSource());
        downgrade.run(downgrade.planToVersion("7"), step -> { });
        assertFalse(db.tableExists("table_rows"));
        db.execute(STUDENT, "DELETE FROM book");

        new SchemaMigrator(db.dataSource()).migrate();

        assertEquals(List.of(2L, 0L), List.of(kept(db, "student"), kept(db, "book")));
        assertCountsExact(db, "after migrating again");
    }
}
