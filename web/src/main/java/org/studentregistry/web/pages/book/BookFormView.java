package org.studentregistry.web.pages.book;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.studentregistry.domain.book.Book;
import org.studentregistry.service.RecordService;
import org.studentregistry.service.book.BookService;
import org.studentregistry.web.pages.RecordFormView;

/** {@code /books/new} and {@code /books/edit?id=N}. */
@Named
@ViewScoped
public class BookFormView extends RecordFormView<Book> {

    private static final long serialVersionUID = 1L;

    @Inject
    private BookService books;

    @Override
    protected RecordService<Book> service() {
        return books;
    }
}
