package org.studentregistry.web.pages.book;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.studentregistry.domain.book.AuthorSummary;
import org.studentregistry.domain.book.Book;
import org.studentregistry.domain.paging.Page;
import org.studentregistry.domain.paging.PageRequest;
import org.studentregistry.domain.paging.SortOrder;
import org.studentregistry.service.RecordService;
import org.studentregistry.service.book.BookService;
import org.studentregistry.web.pages.ListLinks;
import org.studentregistry.web.pages.Pages;
import org.studentregistry.web.pages.RecordListView;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /books}: a page of books, all of them or all by one author ({@code ?author=Jane Austen}), searchable by the
 * start of a title or author; beside it, the authors with their book counts, each a link to their books.
 */
@Named
@RequestScoped
public class BookListView extends RecordListView<Book> {

    private static final int AUTHORS_PER_PAGE = 20;

    @Inject
    private BookService books;

    private String author;
    private String authorsPage;

    private Page<AuthorSummary> authors;
    private ListLinks authorLinks;

    @Override
    protected RecordService<Book> service() {
        return books;
    }

    @Override
    protected SortOrder defaultSort() {
        return SortOrder.ascending("title");
    }

    @Override
    protected Page<Book> find(PageRequest request) {
        return books.list(getQ(), author, request);
    }

    @Override
    protected Map<String, String> filters() {
        Map<String, String> filters = super.filters();
        filters.put("author", author);
        return filters;
    }

    @Override
    public void load() {
        super.load();
        long page = Pages.parseLong(authorsPage).orElse(0);
        authors = books.authors(null, Math.max(0, page), AUTHORS_PER_PAGE);
        if (authors.isEmpty() && page > 0) {
            authors = books.authors(null, authors.lastPage(), AUTHORS_PER_PAGE);
        }
        Map<String, String> kept = new LinkedHashMap<>(filters());
        kept.put("page", getPage());
        kept.put("after", getAfter());
        kept.put("before", getBefore());
        kept.put("sort", getSort());
        authorLinks = new ListLinks(contextPath() + path(), kept, "authors", SortOrder.ascending("author"),
                SortOrder.ascending("author"), authors);
    }

    /** The address of all the books by an author. */
    public String booksBy(String name) {
        return contextPath() + path() + "?author=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    public Page<AuthorSummary> getAuthors() {
        return authors;
    }

    public ListLinks getAuthorLinks() {
        return authorLinks;
    }

    public String getAuthor() {
        return author;
    }

    public void setAuthor(String author) {
        this.author = author;
    }

    public String getAuthorsPage() {
        return authorsPage;
    }

    public void setAuthorsPage(String authorsPage) {
        this.authorsPage = authorsPage;
    }
}
