package org.studentregistry.persistence.book;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.studentregistry.domain.book.AuthorSummary;
import org.studentregistry.domain.book.Book;
import org.studentregistry.domain.paging.Page;
import org.studentregistry.domain.paging.PageRequest;
import org.studentregistry.domain.paging.SortOrder;
import org.studentregistry.persistence.AfterCommit;
import org.studentregistry.persistence.EntityRepository;
import org.studentregistry.persistence.KeptValues;
import org.studentregistry.persistence.TableCounts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The books of the registry, as stored in the {@code book} table, and the authors they name. */
@ApplicationScoped
public class BookRepository extends EntityRepository<Book> {

    private static final Set<String> SORTABLE = Set.of("id", "title", "author");

    /*
     * The list of all authors costs a pass over every book (Derby groups them row by row), so its pages are kept
     * until a book changes here (after that change commits) or for 30 s, for changes made elsewhere. A page read
     * while a change commits is stale at once: it carries the generation from before it was read.
     */
    private static final long AUTHORS_KEPT_NANOS = TimeUnit.SECONDS.toNanos(30);
    private final KeptValues<String, KeptPage> authorPages = new KeptValues<>(1000);

    private record KeptPage(Page<AuthorSummary> page, long generation, long readAt) {
    }

    /** For CDI's proxy. */
    protected BookRepository() {
    }

    @Inject
    public BookRepository(EntityManager entityManager, TableCounts tableCounts, AfterCommit afterCommit) {
        super(Book.class, entityManager, tableCounts, afterCommit);
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
        if (author != null && !author.isBlank()) {
            conditions.add("e.authorKey = :author");
            parameters.put("author", caseKey(author));
        }
        if (prefix != null && !prefix.isBlank()) {
            conditions.add("(e.titleKey LIKE :prefix ESCAPE '\\' OR e.authorKey LIKE :prefix ESCAPE '\\')");
            parameters.put("prefix", startsWithPattern(caseKey(prefix)));
        }
        return findPage(String.join(" AND ", conditions), parameters, request);
    }

    /**
     * A page of the distinct authors (ignoring case) with their book counts, ordered by name.
     *
     * @param prefix when given, only authors whose name starts with it, ignoring case
     */
    public Page<AuthorSummary> findAuthors(String prefix, long page, int size) {
        if (prefix != null && !prefix.isBlank()) {
            return queryAuthors(prefix, page, size);
        }
        return authorPages.get(page + ":" + size, this::isStale, () -> {
            long generation = generation();
            long readAt = System.nanoTime();
            return new KeptPage(queryAuthors(null, page, size), generation, readAt);
        }).page();
    }

    private boolean isStale(KeptPage kept) {
        return kept.generation() != generation() || System.nanoTime() - kept.readAt() >= AUTHORS_KEPT_NANOS;
    }

    private Page<AuthorSummary> queryAuthors(String prefix, long page, int size) {
        boolean filtered = prefix != null && !prefix.isBlank();
        String where = filtered ? " WHERE e.authorKey LIKE :prefix ESCAPE '\\'" : "";

        TypedQuery<Long> countQuery = entityManager()
                .createQuery("SELECT COUNT(DISTINCT e.authorKey) FROM Book e" + where, Long.class);
        TypedQuery<Object[]> pageQuery = entityManager()
                .createQuery("SELECT MIN(e.author), COUNT(e) FROM Book e" + where
                        + " GROUP BY e.authorKey ORDER BY e.authorKey", Object[].class);
        if (filtered) {
            String pattern = startsWithPattern(caseKey(prefix));
            countQuery.setParameter("prefix", pattern);
            pageQuery.setParameter("prefix", pattern);
        }
        PageRequest request = new PageRequest(page, size, SortOrder.ascending("author"));
        long total = countQuery.getSingleResult();
        if (request.offset() >= total) {
            return new Page<>(List.of(), total, request);
        }
        List<AuthorSummary> authors = pageQuery
                .setFirstResult((int) request.offset())
                .setMaxResults(size)
                .getResultList().stream()
                .map(row -> new AuthorSummary((String) row[0], ((Number) row[1]).longValue()))
                .toList();
        return new Page<>(authors, total, request);
    }
}
