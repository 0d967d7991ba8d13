package org.studentregistry.persistence.book;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.studentregistry.domain.book.AuthorSummary;
import org.studentregistry.domain.book.Book;
import org.studentregistry.domain.paging.Page;
import org.studentregistry.domain.paging.PageRequest;
import org.studentregistry.domain.paging.SortOrder;
import org.studentregistry.persistence.EntityRepository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The books of the registry, as stored in the {@code book} table, and the authors they name. */
@ApplicationScoped
public class BookRepository extends EntityRepository<Book> {

    private static final Set<String> SORTABLE = Set.of("id", "title", "author");

    /** For CDI's proxy. */
    protected BookRepository() {
    }

    @Inject
    public BookRepository(EntityManager entityManager) {
        super(Book.class, entityManager);
    }

    @Override
    public Set<String> sortableProperties() {
        return SORTABLE;
    }

    /**
     * A page of books.
     *
     * @param prefix when given, only books whose title or author starts with it, ignoring case
     * @param author when given, only books by exactly this author, ignoring case
     */
    public Page<Book> findPage(String prefix, String author, PageRequest request) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        boolean byAuthor = author != null && !author.isBlank();
        boolean searched = prefix != null && !prefix.isBlank();
        if ((byAuthor && isNeverStored(author)) || (searched && isNeverStored(prefix))) {
            return new Page<>(List.of(), 0, request);
        }
        if (byAuthor) {
            conditions.add("e.authorKey = LOWER(:author)");
            parameters.put("author", author.strip());
        }
        if (searched) {
            conditions.add("(e.titleKey LIKE :prefix ESCAPE '\\' OR e.authorKey LIKE :prefix ESCAPE '\\')");
            parameters.put("prefix", startsWithPattern(caseKey(prefix)));
        }
        String where = String.join(" AND ", conditions);
        if (byAuthor && !searched) {
            // An author's books are counted in book_authors already: counting them here read every one of them.
            return findPage(where, parameters, countBy(author), request);
        }
        return findPage(where, parameters, request);
    }

    /* How many books are by the author (ignoring case), from the counts of their spellings. */
    private long countBy(String author) {
        Object books = entityManager()
                .createNativeQuery("SELECT SUM(book_count) FROM book_authors WHERE author_key = LOWER(?1)")
                .setParameter(1, author.strip())
                .getSingleResult();
        return books == null ? 0 : ((Number) books).longValue();
    }

    /**
     * A page of the distinct authors (ignoring case) with their book counts, ordered by name, each spelled as the
     * least of its spellings among the books. Read from {@code book_authors}, the books of each spelling, which the
     * database keeps in the transaction of every write to the books whoever makes it (V10): so a book added by any
     * process counts at once, and a page costs a pass over the spellings, not over the books.
     *
     * @param prefix when given, only authors whose name starts with it, ignoring case
     */
    public Page<AuthorSummary> findAuthors(String prefix, long page, int size) {
        boolean filtered = prefix != null && !prefix.isBlank();
        PageRequest request = new PageRequest(page, size, SortOrder.ascending("author"));
        if (filtered && isNeverStored(prefix)) {
            return new Page<>(List.of(), 0, request);
        }
        String where = filtered ? " WHERE author_key LIKE ?1 ESCAPE '\\'" : "";
        String pattern = filtered ? startsWithPattern(caseKey(prefix)) : null;
        int offsetParameter = filtered ? 2 : 1;

        Query countQuery = entityManager()
                .createNativeQuery("SELECT COUNT(DISTINCT author_key) FROM book_authors" + where);
        Query pageQuery = entityManager()
                .createNativeQuery("SELECT MIN(author), SUM(book_count) FROM book_authors" + where
                        + " GROUP BY author_key ORDER BY author_key OFFSET ?" + offsetParameter
                        + " ROWS FETCH NEXT ?" + (offsetParameter + 1) + " ROWS ONLY");
        if (filtered) {
            countQuery.setParameter(1, pattern);
            pageQuery.setParameter(1, pattern);
        }
        long total = ((Number) countQuery.getSingleResult()).longValue();
        if (request.offset() >= total) {
            return new Page<>(List.of(), total, request);
        }
        List<?> rows = pageQuery.setParameter(offsetParameter, request.offset())
                .setParameter(offsetParameter + 1, size)
                .getResultList();
        List<AuthorSummary> authors = rows.stream()
                .map(row -> (Object[]) row)
                .map(row -> new AuthorSummary((String) row[0], ((Number) row[1]).longValue()))
                .toList();
        return new Page<>(authors, total, request);
    }
}
