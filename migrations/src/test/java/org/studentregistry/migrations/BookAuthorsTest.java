package org.studentregistry.migrations;

import org.junit.jupiter.api.Test;
import org.studentregistry.migrations.SchemaMigrator.Vendor;
import org.studentregistry.migrations.testing.OnEachDatabase;
import org.studentregistry.migrations.testing.TestDatabase;
import org.studentregistry.migrations.testing.Writers;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The books of each spelling of an author in book_authors (V10) are the book table's, whoever writes and however:
 * single and multi-row inserts, batches, changes of author (to a new spelling, to another, in case only, several at
 * once), changes of title only, deletes of some and all, rolled back and failed statements, writers at the same time,
 * PostgreSQL's TRUNCATE; and from the books already there when V10 is applied.
 */
class BookAuthorsTest {

    private static String book(String title, String author) {
        return "INSERT INTO book (title, author, created_at, updated_at) VALUES ('" + title + "', '"
                + author.replace("'", "''") + "', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)";
    }

    /** book_authors as it is kept, and as grouping the books finds it, side by side. */
    private static void assertCountsExact(TestDatabase db, String when) throws SQLException {
        assertEquals(db.rows("SELECT author, author_key, COUNT(*) FROM book GROUP BY author, author_key"),
                db.rows("SELECT author, author_key, book_count FROM book_authors"), when);
    }

    private static long kept(TestDatabase db, String author) throws SQLException {
        List<String> found = db.rows("SELECT book_count FROM book_authors WHERE author = '" + author + "'");
        return found.isEmpty() ? 0 : Long.parseLong(found.get(0));
    }

    @OnEachDatabase
    void theCountsStartFromTheBooksAlreadyThere(TestDatabase db) throws SQLException {
        SchemaMigrator.configure(db.dataSource(), "9").migrate();
        db.execute(book("Emma", "Jane Austen"), book("Persuasion", "Jane Austen"), book("Dune", "Frank Herbert"),
                book("Sanditon", "jane austen"));

        new SchemaMigrator(db.dataSource()).migrate();

        assertEquals(List.of("Frank Herbert|frank herbert|1", "Jane Austen|jane austen|2", "jane austen|jane austen|1"),
                db.rows("SELECT author, author_key, book_count FROM book_authors"));
    }

    @OnEachDatabase
    void everyKindOfWriteMovesTheCountsOfItsSpellings(TestDatabase db) throws SQLException {
        new SchemaMigrator(db.dataSource()).migrate();
        assertCountsExact(db, "on an empty database");

        db.execute(book("Emma", "Jane Austen"), book("Dune", "Frank Herbert"), book("Sanditon", "jane austen"));
        assertEquals(1, kept(db, "Jane Austen"));
        assertCountsExact(db, "after single inserts");

        db.execute("INSERT INTO book (title, author, created_at, updated_at) VALUES"
                + " ('Persuasion', 'Jane Austen', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),"
                + " ('Mansfield Park', 'Jane Austen', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),"
                + " ('Jane Eyre', 'Charlotte Brontë', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        db.execute("INSERT INTO book (title, author, created_at, updated_at)"
                + " SELECT title, author, created_at, updated_at FROM book WHERE author_key = 'jane austen'");
        assertEquals(6, kept(db, "Jane Austen"));
        assertCountsExact(db, "after multi-row inserts");

        db.insertBatch("INSERT INTO book (title, author, created_at, updated_at)"
                + " VALUES (?, 'Ursula K. Le Guin', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", 120,
                i -> List.of("Earthsea " + i));
        assertEquals(120, kept(db, "Ursula K. Le Guin"));
        assertCountsExact(db, "after a batch");

        db.execute("UPDATE book SET title = 'Emma (2nd ed.)' WHERE title = 'Emma'");
        assertCountsExact(db, "after a change of title only");
        db.execute("UPDATE book SET author = 'Charlotte Bronte' WHERE title = 'Jane Eyre'");
        assertEquals(List.of(0L, 1L), List.of(kept(db, "Charlotte Brontë"), kept(db, "Charlotte Bronte")));
        assertCountsExact(db, "after a change to a new spelling");
        db.execute("UPDATE book SET author = 'JANE AUSTEN' WHERE title = 'Sanditon'");
        assertEquals(0, kept(db, "jane austen"));
        assertCountsExact(db, "after a change in case only");
        db.execute("UPDATE book SET author = 'Frank Herbert' WHERE author = 'JANE AUSTEN' OR title = 'Persuasion'");
        assertCountsExact(db, "after a change of several books to a spelling already there");
        db.execute("UPDATE book SET author = author WHERE author_key = 'ursula k. le guin'");
        assertEquals(120, kept(db, "Ursula K. Le Guin"));
        assertCountsExact(db, "after a change to the same author");

        db.execute("DELETE FROM book WHERE id < 0", "DELETE FROM book WHERE author = 'Frank Herbert'");
        assertEquals(0, kept(db, "Frank Herbert"));
        db.execute("DELETE FROM book WHERE author_key = 'ursula k. le guin' AND MOD(id, 2) = 0");
        assertCountsExact(db, "after deletes");

        db.execute("DELETE FROM book");
        assertEquals(List.of(), db.rows("SELECT author FROM book_authors"), "no spelling without a book");

        if (!db.isDerby()) {
            db.execute(book("Emma", "Jane Austen"), "TRUNCATE book");
            assertEquals(List.of(), db.rows("SELECT author FROM book_authors"), "after TRUNCATE");
        }
    }

    @OnEachDatabase
    void aRolledBackOrFailedWriteMovesNoCount(TestDatabase db) throws SQLException {
        new SchemaMigrator(db.dataSource()).migrate();
        db.execute(book("Emma", "Jane Austen"));

        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute(book("Dune", "Frank Herbert"));
            s.execute("UPDATE book SET author = 'J. Austen' WHERE title = 'Emma'");
            c.rollback();
        }
        assertEquals(List.of("Jane Austen|jane austen|1"),
                db.rows("SELECT author, author_key, book_count FROM book_authors"));

        // The second row is too long for the column: the statement is undone whole, counts included.
        assertThrows(SQLException.class, () -> db.execute("INSERT INTO book (title, author, created_at, updated_at)"
                + " VALUES ('Dune', 'Frank Herbert', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),"
                + " ('Long', '" + "x".repeat(101) + "', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"));
        assertCountsExact(db, "after rollbacks");
    }

    @OnEachDatabase
    void writersAtTheSameTimeOfOneNewAuthorAllCount(TestDatabase db) throws Exception {
        new SchemaMigrator(db.dataSource()).migrate();
        int writers = 4;
        int rounds = 20;
        Writers.atOnce(db, writers, (writer, statement) -> {
            for (int i = 0; i < rounds; i++) {
                String title = "w" + writer + "_" + i;
                // Each round's spellings are new to everyone, and every writer adds them at once.
                statement.execute(book(title, "Author " + i));
                statement.execute("UPDATE book SET author = 'AUTHOR " + i + "' WHERE title = '" + title + "'");
                if (i % 5 == 4) {
                    statement.execute("DELETE FROM book WHERE title = 'w" + writer + "_" + (i - 1) + "'");
                }
            }
        });

        assertEquals(writers, kept(db, "AUTHOR 0"));
        assertEquals(0, kept(db, "AUTHOR 3"));
        assertEquals(List.of(), db.rows("SELECT author FROM book_authors WHERE author LIKE 'Author %'"));
        assertCountsExact(db, "after concurrent writers");
    }

    @OnEachDatabase
    void aDowngradeAndMigrateAgainCountsAnew(TestDatabase db) throws SQLException {
        new SchemaMigrator(db.dataSource()).migrate();
        db.execute(book("Emma", "Jane Austen"));
        Downgrade downgrade = new Downgrade(db.dataSource());
        downgrade.run(downgrade.planToVersion("9"), step -> { });
        assertFalse(db.tableExists("book_authors"));
        db.execute(book("Dune", "Frank Herbert"), "UPDATE book SET author = 'J. Austen' WHERE title = 'Emma'");

        new SchemaMigrator(db.dataSource()).migrate();

        assertEquals(List.of("Frank Herbert|frank herbert|1", "J. Austen|j. austen|1"),
                db.rows("SELECT author, author_key, book_count FROM book_authors"));
    }

    @Test
    void onDerbyABulkLoadOfBooksCountsTheirAuthors() throws SQLException {
        try (TestDatabase db = TestDatabase.create(Vendor.DERBY)) {
            new SchemaMigrator(db.dataSource()).migrate();
            String storage = "SELECT c.conglomeratenumber FROM sys.sysconglomerates c"
                    + " JOIN sys.systables t ON t.tableid = c.tableid WHERE t.tablename = 'BOOK'";
            List<String> before = db.rows(storage);

            new SampleData(db.dataSource(), 7).books(12_000, (table, done, of) -> { });

            // Loaded in bulk (the table and each index written anew), with the authors' triggers set aside.
            assertFalse(db.rows(storage).stream().anyMatch(before::contains), "bulk loaded");
            assertEquals(12_000, db.queryLong("SELECT SUM(book_count) FROM book_authors"));
            assertCountsExact(db, "after a bulk load");
            db.execute(book("Emma", "Jane Austen"), "DELETE FROM book WHERE id = 1");
            assertCountsExact(db, "the restored triggers count later writes");
        }
    }
}
