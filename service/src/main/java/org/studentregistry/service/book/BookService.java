package org.studentregistry.service.book;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import org.studentregistry.domain.book.AuthorSummary;
import org.studentregistry.domain.book.Book;
import org.studentregistry.domain.paging.Page;
import org.studentregistry.domain.paging.PageRequest;
import org.studentregistry.persistence.book.BookRepository;
import org.studentregistry.service.RecordService;

/** Lists, reads and changes books, and lists their authors. */
@ApplicationScoped
public class BookService extends RecordService<Book> {

    private BookRepository books;

    /** For CDI's proxy. */
    protected BookService() {
    }

    @Inject
    public BookService(BookRepository books, Validator validator) {
        super("Book", books, validator);
        this.books = books;
    }

    /**
     * A page of books: all of them, those by one author (exact name, ignoring case), those whose title or author
     * starts with a prefix, or both.
     */
    public Page<Book> list(String prefix, String author, PageRequest request) {
        return books.findPage(prefix, author, request);
    }

    /** A page of the authors, by name, each with the number of their books. */
    public Page<AuthorSummary> authors(String prefix, long page, int size) {
        return books.findAuthors(prefix, page, size);
    }

    @Override
    public Book newRecord() {
        return new Book();
    }

    @Override
    public void copyDetails(Book from, Book to) {
        to.copyDetailsFrom(from);
    }

    @Override
    public String describe(Book book) {
        return "\"" + book.getTitle() + "\" by " + book.getAuthor();
    }
}
