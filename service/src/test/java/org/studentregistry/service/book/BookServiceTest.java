package org.studentregistry.service.book;

import org.junit.jupiter.api.Test;
import org.studentregistry.domain.book.AuthorSummary;
import org.studentregistry.domain.book.Book;
import org.studentregistry.domain.paging.PageRequest;
import org.studentregistry.domain.paging.SortOrder;
import org.studentregistry.service.ServiceTestSupport;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.studentregistry.persistence.testing.Repositories.books;

class BookServiceTest extends ServiceTestSupport<BookService> {

    BookServiceTest() {
        super((em, validator) -> new BookService(books(em), validator));
    }

    private void create(String title, String author) {
        call(s -> s.create(new Book(title, author)));
    }

    private List<String> titles(String prefix, String author) {
        return call(s -> s.list(prefix, author, new PageRequest(0, 20, SortOrder.ascending("title"))))
                .content().stream().map(Book::getTitle).toList();
    }

    @Test
    void allBooksByAnAuthorMatchTheNameExactlyIgnoringCase() {
        create("Emma", "Jane Austen");
        create("Persuasion", "jane austen");
        create("Jane Eyre", "Charlotte Brontë");
        create("Other", "Jane Austen-Smith");

        assertEquals(List.of("Emma", "Persuasion"), titles(null, "JANE AUSTEN"));
    }

    @Test
    void theSearchIsAPrefixOfTitleOrAuthorAndCombinesWithTheAuthor() {
        create("Emma", "Jane Austen");
        create("Persuasion", "Jane Austen");
        create("Jane Eyre", "Charlotte Brontë");

        assertEquals(List.of("Emma", "Jane Eyre", "Persuasion"), titles("jane", null));
        assertEquals(List.of("Emma"), titles("em", "Jane Austen"));
    }

    @Test
    void authorsAreListedByNameWithTheirBookCountsIgnoringCase() {
        create("Emma", "Jane Austen");
        create("Persuasion", "jane austen");
        create("Jane Eyre", "Charlotte Brontë");
        create("Villette", "Charlotte Brontë");
        create("Dune", "Frank Herbert");

        var authors = call(s -> s.authors(null, 0, 20));

        assertEquals(3, authors.totalElements());
        assertEquals(List.of(new AuthorSummary("Charlotte Brontë", 2), new AuthorSummary("Frank Herbert", 1),
                new AuthorSummary("Jane Austen", 2)), authors.content());
        assertEquals(List.of(new AuthorSummary("Frank Herbert", 1)), call(s -> s.authors("FR", 0, 20)).content());
        assertEquals(List.of(new AuthorSummary("Jane Austen", 2)), call(s -> s.authors(null, 1, 2)).content());
    }
}
