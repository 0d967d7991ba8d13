package org.studentregistry.persistence.book;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studentregistry.domain.book.AuthorSummary;
import org.studentregistry.domain.book.Book;
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
}
