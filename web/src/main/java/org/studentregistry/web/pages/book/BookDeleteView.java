package org.studentregistry.web.pages.book;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.studentregistry.domain.book.Book;
import org.studentregistry.service.RecordService;
import org.studentregistry.service.book.BookService;
import org.studentregistry.web.pages.RecordDeleteView;

/** {@code /books/delete?id=N}. */
@Named
@ViewScoped
public class BookDeleteView extends RecordDeleteView<Book> {

    private static final long serialVersionUID = 1L;

    @Inject
    private BookService books;

    @Override
    protected RecordService<Book> service() {
        return books;
    }
}
