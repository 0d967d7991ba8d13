package org.studentregistry.persistence.book;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studentregistry.domain.book.AuthorSummary;
import org.studentregistry.domain.book.Book;
import org.studentregistry.domain.paging.Page;
import org.studentregistry.domain.paging.PageRequest;
import org.studentregistry.domain.paging.SortOrder;
import org.studentregistry.persistence.testing.TestDatabase;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.studentregistry.persistence.testing.Repositories.books;

class BookRepositoryTest {

    private TestDatabase db;
    private EntityManager em;
    private BookRepository books;

    @BeforeEach
    void open() {
        db = new TestDatabase();
        em = db.createEntityManager();
        books = books(em);
    }

    @AfterEach
    void close() {
        // Null when the run was skipped for want of a PostgreSQL server.
        if (db != null) {
            em.close();
            db.close();
        }
    }

    private void save(String title, String author) {
        em.getTransaction().begin();
        books.save(new Book(title, author));
        em.getTransaction().commit();
    }

    private List<String> authors() {
        return books.findAuthors(null, 0, 20).content().stream().map(AuthorSummary::author).toList();
    }

    @Test
    void theAuthorsListShowsABookAddedByAnotherWriterAtOnce() {
        save("Emma", "Jane Austen");
        assertEquals(List.of("Jane Austen"), authors());

        db.execute("INSERT INTO book (title, author, version, created_at, updated_at)"
                + " VALUES ('Dune', 'Frank Herbert', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        assertEquals(List.of("Frank Herbert", "Jane Austen"), authors());

        save("Villette", "Charlotte Brontë");
        assertEquals(List.of("Charlotte Brontë", "Frank Herbert", "Jane Austen"), authors());
    }

    @Test
    void aSearchOfAuthorsIsAlwaysReadFresh() {
        save("Emma", "Jane Austen");
        books.findAuthors("jane", 0, 20);
        db.execute("INSERT INTO book (title, author, version, created_at, updated_at)"
                + " VALUES ('Jane Eyre', 'Jane Doe', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");

        assertEquals(2, books.findAuthors("jane", 0, 20).totalElements());
    }

    @Test
    void aSearchOrAnAuthorWithAControlCharacterFindsNothingOnEitherDatabase() {
        save("Emma", "Jane Austen");
        PageRequest firstPage = new PageRequest(0, 20, SortOrder.ascending("id"));

        // No stored title or author holds one; PostgreSQL refused the NUL as a parameter, a 500.
        assertEquals(0, books.findPage("Jane\u0000", null, firstPage).totalElements());
        assertEquals(0, books.findPage(null, "Jane Austen\u0000", firstPage).totalElements());
        assertEquals(0, books.findAuthors("\u0000", 0, 20).totalElements());
        assertEquals(1, books.findPage(null, "Jane Austen", firstPage).totalElements());
    }

    @Test
    void anAuthorIsTheirBooksWhateverTheCaseSpelledTheLeastWay() {
        save("Sanditon", "jane austen");
        save("Dune", "Frank Herbert");
        save("Emma", "Jane Austen");
        save("Persuasion", "Jane Austen");

        assertEquals(List.of(new AuthorSummary("Frank Herbert", 1), new AuthorSummary("Jane Austen", 3)),
                books.findAuthors(null, 0, 20).content());

        db.execute("DELETE FROM book WHERE author = 'Jane Austen'");
        assertEquals(List.of(new AuthorSummary("Frank Herbert", 1), new AuthorSummary("jane austen", 1)),
                books.findAuthors(null, 0, 20).content());
    }

    @Test
    void aPageOfAuthorsIsInNameOrderWithTheTotalOfItsSearch() {
        for (int i = 24; i >= 0; i--) {
            save("Book " + i, "Author %02d".formatted(i));
        }
        save("Book 25", "author 07");

        Page<AuthorSummary> second = books.findAuthors(null, 1, 10);
        assertEquals(25, second.totalElements());
        assertEquals(List.of("Author 10", "Author 11", "Author 12", "Author 13", "Author 14", "Author 15", "Author 16",
                "Author 17", "Author 18", "Author 19"), second.content().stream().map(AuthorSummary::author).toList());

        Page<AuthorSummary> found = books.findAuthors("AUTHOR 0", 0, 5);
        assertEquals(10, found.totalElements());
        assertEquals(List.of(new AuthorSummary("Author 05", 1), new AuthorSummary("Author 06", 1),
                new AuthorSummary("Author 07", 2), new AuthorSummary("Author 08", 1),
                new AuthorSummary("Author 09", 1)), books.findAuthors("author 0", 1, 5).content());
        assertEquals(List.of(), books.findAuthors("author 0", 2, 5).content(), "past the last page");
        assertEquals(0, books.findAuthors("%", 0, 5).totalElements(), "a wildcard is matched as itself");
    }

    @Test
    void theBooksOfAnAuthorAreAllTheirSpellingsCountedAtOnce() {
        save("Emma", "Jane Austen");
        save("Sanditon", "jane austen");
        save("Dune", "Frank Herbert");
        PageRequest firstTwo = new PageRequest(0, 2, SortOrder.ascending("title"));

        Page<Book> page = books.findPage(null, "JANE AUSTEN", firstTwo);
        assertEquals(2, page.totalElements());
        assertEquals(List.of("Emma", "Sanditon"), page.content().stream().map(Book::getTitle).toList());

        db.execute("INSERT INTO book (title, author, version, created_at, updated_at)"
                + " VALUES ('Persuasion', 'Jane AUSTEN', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        assertEquals(3, books.findPage(null, "jane austen", firstTwo).totalElements(), "another writer's book");
        assertEquals(1, books.findPage("pers", "jane austen", firstTwo).totalElements(), "with a search too");
        assertEquals(0, books.findPage(null, "Jane", firstTwo).totalElements(), "the whole name only");
    }

    @Test
    void anAuthorWhoseNameEndsInACapitalSigmaIsFoundByThatName() {
        // Java (and Derby) lower a final Σ to ς, PostgreSQL's lower() to σ: the database lowers both sides, so the
        // author's link (the name as stored) finds their books on either database.
        save("Iliad", "ΟΜΗΡΟΣ");
        save("Odyssey", "ΟΜΗΡΟΣ");

        Page<Book> page = books.findPage(null, "ΟΜΗΡΟΣ", new PageRequest(0, 20, SortOrder.ascending("title")));

        assertEquals(List.of("Iliad", "Odyssey"), page.content().stream().map(Book::getTitle).toList());
        assertEquals(2, page.totalElements());
    }
}
