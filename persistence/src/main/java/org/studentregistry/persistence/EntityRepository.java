package org.studentregistry.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Table;
import jakarta.persistence.TypedQuery;
import org.studentregistry.domain.paging.Cursor;
import org.studentregistry.domain.paging.Page;
import org.studentregistry.domain.paging.PageRequest;
import org.studentregistry.domain.paging.SortOrder;
import org.studentregistry.domain.shared.SingleLine;
import org.studentregistry.domain.shared.Text;
import org.studentregistry.domain.shared.VersionedEntity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What every repository of an aggregate root does the same way: find by id, save, delete, and read one page of a
 * filtered, ordered list.
 *
 * <p>Everything here is read from the database at the time of the request, so a change committed by any process
 * (another node, the command line, a script) is seen by the next read in every process. Nothing about a table is
 * kept in this process between requests:
 * <ul>
 *   <li>The total of an unfiltered list is the count the database keeps in {@code table_rows}, moved by triggers
 *       in the transaction of every insert and delete whoever makes it; a filtered total is counted.</li>
 *   <li>A page found by number is read with OFFSET/FETCH over an index that matches the order (the migrations create
 *       one per sortable property, with the id as the tie-breaker), from whichever end of the list is nearer, so the
 *       first and last pages cost only their rows.</li>
 *   <li>The pages on either side of a page are found from a {@link Cursor} (keyset, or "seek", paging): the database
 *       seeks the index to the row the cursor names, so "next" and "previous" cost only their rows however deep in
 *       the list they are, and never skip or repeat a row when others write in between.</li>
 * </ul>
 */
public abstract class EntityRepository<T extends VersionedEntity> {

    private final Class<T> type;
    private final EntityManager entityManager;
    /* The table whose row count table_rows keeps; read from the mapping once, not on every list request. */
    private final String tableName;

    /* One row of a list as paging sees it: its value of the sort path (empty when ordered by id) and its id. */
    private record Row(String key, long id) {
    }

    /** For CDI's proxy, which passes every call on to the repository built by the constructor below. */
    protected EntityRepository() {
        this(null, null);
    }

    /**
     * @param entityManager the container's (see {@link RegistryPersistenceContext}), which joins the current
     *                      transaction
     */
    protected EntityRepository(Class<T> type, EntityManager entityManager) {
        this.type = type;
        this.entityManager = entityManager;
        this.tableName = type == null ? null : type.getAnnotation(Table.class).name();
    }

    /** The EntityManager of the current transaction. */
    protected EntityManager entityManager() {
        return entityManager;
    }

    /** The properties a list may be ordered by; anything else is refused before any SQL is written. */
    public abstract Set<String> sortableProperties();

    /**
     * The attribute a sortable property is ordered by; the property itself unless a repository orders it by
     * another attribute (a case-insensitive key, say). It must be a string attribute, or the id.
     */
    protected String sortPath(String property) {
        return property;
    }

    public Optional<T> findById(long id) {
        return Optional.ofNullable(entityManager().find(type, id));
    }

    /** Stores a new entity (it gets its id at once) or takes over the state of a detached one. */
    public T save(T entity) {
        EntityManager em = entityManager();
        if (entity.isNew()) {
            em.persist(entity);
            em.flush();
            return entity;
        }
        T managed = em.merge(entity);
        em.flush();
        return managed;
    }

    public void delete(T entity) {
        EntityManager em = entityManager();
        em.remove(em.contains(entity) ? entity : em.merge(entity));
        em.flush();
    }

    /**
     * The number of rows, as the database keeps it (see the class comment): one indexed row read, where
     * {@code COUNT(*)} would read a whole index (Derby keeps no row count of its own).
     */
    public long count() {
        List<?> kept = entityManager()
                .createNativeQuery("SELECT row_count FROM table_rows WHERE table_name = ?1")
                .setParameter(1, tableName)
                .getResultList();
        return kept.isEmpty() ? countWhere("", Map.of()) : ((Number) kept.get(0)).longValue();
    }

    /**
     * One page of the entities matching a JPQL condition on alias {@code e}.
     *
     * @param where      a JPQL condition on {@code e}, or an empty string for all rows
     * @param parameters the condition's named parameters
     */
    protected Page<T> findPage(String where, Map<String, ?> parameters, PageRequest request) {
        return findPage(where, parameters, where.isEmpty() ? count() : countWhere(" WHERE " + where, parameters),
                request);
    }

    /**
     * One page of the entities matching a JPQL condition on alias {@code e}, of which there are {@code total}: for a
     * repository that knows the total of a condition without counting its rows.
     */
    protected Page<T> findPage(String where, Map<String, ?> parameters, long total, PageRequest request) {
        SortOrder sort = request.sort();
        if (!sortableProperties().contains(sort.property())) {
            throw new IllegalArgumentException("cannot sort by " + sort.property());
        }
        String path = sortPath(sort.property());
        if (request.cursor() != null) {
            Page<T> page = findFromCursor(path, where, parameters, request, total);
            if (page != null) {
                return page;
            }
            // The cursor's side of the list holds less than a page now: show that end of it in full instead.
            long lastPage = Math.max(0, (total - 1) / request.size());
            request = request.withPage(request.cursor().side() == Cursor.Side.AFTER ? lastPage : 0);
        }
        return findByNumber(path, where, parameters, request, total);
    }

    private Page<T> findByNumber(String path, String where, Map<String, ?> parameters, PageRequest request,
                                 long total) {
        long offset = request.offset();
        if (offset >= total) {
            return new Page<>(List.of(), total, request);
        }
        int size = (int) Math.min(request.size(), total - offset);
        SortOrder sort = request.sort();
        // Counted from the start of the ascending list: where the page begins and, read that way, ends.
        long ascendingOffset = sort.isAscending() ? offset : total - offset - size;
        long descendingOffset = total - ascendingOffset - size;
        // A page in the far half is read from the other end, in the opposite order, and turned round: the last page
        // then costs what the first does instead of skipping the whole index.
        boolean readDescending = descendingOffset < ascendingOffset;
        TypedQuery<Object[]> query = rowQuery(path, where, "", readDescending)
                .setFirstResult((int) Math.min(readDescending ? descendingOffset : ascendingOffset, Integer.MAX_VALUE))
                .setMaxResults(size);
        parameters.forEach(query::setParameter);
        List<Row> rows = rows(query, path);
        if (readDescending == sort.isAscending()) {
            Collections.reverse(rows);
        }
        if (rows.isEmpty()) {
            return new Page<>(List.of(), total, request);
        }
        Cursor previous = offset > 0 ? cursor(Cursor.Side.BEFORE, sort, rows.get(0)) : null;
        Cursor next = offset + rows.size() < total ? cursor(Cursor.Side.AFTER, sort, rows.get(rows.size() - 1)) : null;
        return new Page<>(findAllInOrder(rows), total, request, request.page(), previous, next);
    }

    /*
     * The page just after or just before the cursor's row: one row more than a page is read, to know whether
     * another page lies beyond. Null when the cursor's side holds less than a full page (or, after it, nothing).
     */
    private Page<T> findFromCursor(String path, String where, Map<String, ?> parameters, PageRequest request,
                                   long total) {
        Cursor cursor = request.cursor();
        SortOrder sort = request.sort();
        boolean after = cursor.side() == Cursor.Side.AFTER;
        boolean readAscending = after == sort.isAscending();
        String seek = path.equals("id")
                ? "e.id " + (readAscending ? ">" : "<") + " :cursorId"
                // The leading range on the sort path alone lets the database seek the index to the cursor's row.
                : "e." + path + (readAscending ? " >= " : " <= ") + ":cursorKey AND (e." + path
                + (readAscending ? " > " : " < ") + ":cursorKey OR e.id " + (readAscending ? ">" : "<")
                + " :cursorId)";
        TypedQuery<Object[]> query = rowQuery(path, where, seek, !readAscending).setMaxResults(request.size() + 1);
        parameters.forEach(query::setParameter);
        if (!path.equals("id")) {
            query.setParameter("cursorKey", cursor.key());
        }
        query.setParameter("cursorId", cursor.id());
        List<Row> rows = rows(query, path);
        boolean more = rows.size() > request.size();
        if (rows.isEmpty() || (!after && rows.size() < request.size())) {
            return null;
        }
        if (more) {
            rows = rows.subList(0, request.size());
        }
        rows = new ArrayList<>(rows);
        if (!after) {
            Collections.reverse(rows);
        }
        long lastPage = Math.max(0, (total - 1) / request.size());
        Cursor previous = after || more ? cursor(Cursor.Side.BEFORE, sort, rows.get(0)) : null;
        Cursor next = !after || more ? cursor(Cursor.Side.AFTER, sort, rows.get(rows.size() - 1)) : null;
        long number = previous == null ? 0
                : next == null ? Math.max(lastPage, 1)
                : Math.max(1, Math.min(request.page(), lastPage - 1));
        return new Page<>(findAllInOrder(rows), total, request, number, previous, next);
    }

    private TypedQuery<Object[]> rowQuery(String path, String where, String seek, boolean descending) {
        String condition = where.isEmpty() ? seek : seek.isEmpty() ? where : "(" + where + ") AND " + seek;
        return entityManager().createQuery("SELECT e." + path + ", e.id FROM " + entityName() + " e"
                + (condition.isEmpty() ? "" : " WHERE " + condition) + orderBy(path, descending), Object[].class);
    }

    private static List<Row> rows(TypedQuery<Object[]> query, String path) {
        boolean byId = path.equals("id");
        List<Row> rows = new ArrayList<>();
        for (Object[] row : query.getResultList()) {
            rows.add(new Row(byId ? "" : (String) row[0], ((Number) row[1]).longValue()));
        }
        return rows;
    }

    private static Cursor cursor(Cursor.Side side, SortOrder sort, Row row) {
        return new Cursor(side, sort.property(), row.key(), row.id());
    }

    private static String orderBy(String path, boolean descending) {
        String direction = descending ? "DESC" : "ASC";
        return " ORDER BY e." + path + " " + direction + (path.equals("id") ? "" : ", e.id " + direction);
    }

    private long countWhere(String condition, Map<String, ?> parameters) {
        TypedQuery<Long> countQuery = entityManager()
                .createQuery("SELECT COUNT(e) FROM " + entityName() + " e" + condition, Long.class);
        parameters.forEach(countQuery::setParameter);
        return countQuery.getSingleResult();
    }

    /*
     * Pages are read in two steps. The ids come first, from the index that matches the order (it holds the sort
     * column and the id, so the database reads the index alone and needs no sort); then the entities, by id in one
     * query. Selecting whole rows in the ordered query made Derby scan and sort the table instead. An entity deleted
     * between the two steps is left out.
     */
    private List<T> findAllInOrder(List<Row> rows) {
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, T> byId = new HashMap<>();
        for (T entity : entityManager()
                .createQuery("SELECT e FROM " + entityName() + " e WHERE e.id IN :ids", type)
                .setParameter("ids", ids)
                .getResultList()) {
            byId.put(entity.getId(), entity);
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /**
     * The form the lower-cased {@code *_key} columns hold, for a LIKE prefix whatever its case. An equal value is
     * compared with {@code LOWER(?)} instead, so that the database lowers both sides alike: PostgreSQL lowers a
     * final Σ to σ, Java (and Derby) to ς. A LIKE pattern stays lowered here: Derby reads no index for
     * {@code LIKE LOWER(?)}, so a prefix ending in Σ finds nothing on PostgreSQL.
     */
    protected static String caseKey(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether no stored text can hold this text: the entities refuse control characters ({@link SingleLine}), so a
     * search or a lookup for text with one finds nothing, and is not sent to the database (PostgreSQL refuses a NUL
     * in a parameter, and the request would fail).
     */
    protected static boolean isNeverStored(String text) {
        return Text.holdsControlCharacter(text);
    }

    /**
     * A LIKE pattern that matches values starting with the given text, taken literally: {@code %}, {@code _} and
     * the escape character itself lose their wildcard meaning. Use with {@code ESCAPE '\'}.
     */
    protected static String startsWithPattern(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private String entityName() {
        return entityManager().getMetamodel().entity(type).getName();
    }

}
