package org.studentregistry.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.studentregistry.domain.paging.Page;
import org.studentregistry.domain.paging.PageRequest;
import org.studentregistry.domain.paging.SortOrder;
import org.studentregistry.domain.shared.VersionedEntity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What every repository of an aggregate root does the same way: find by id, save, delete, and read one page of a
 * filtered, ordered list.
 *
 * <p>Pages are read with OFFSET/FETCH over an index that matches the order (the migrations create one per sortable
 * property, with the id as the tie-breaker), so a page costs the rows it shows and the index entries it skips,
 * never a sort of the table. The entries skipped are kept few: a page in the far half of a list is read from its
 * end, and a page deep in a long unfiltered list from the nearest of its {@link ListMarks}.
 */
public abstract class EntityRepository<T extends VersionedEntity> {

    private static final Logger LOG = Logger.getLogger(EntityRepository.class.getName());

    /* Marks of a changed table are read again at most this often: reading them walks a whole index. */
    private static final long MARKS_REREAD_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Class<T> type;
    private final EntityManager entityManager;
    /* One set of counts serves every repository and request. */
    private final TableCounts tableCounts;
    private final AfterCommit afterCommit;

    /* Committed inserts, updates and deletes so far, to tell whether marks still describe the table. */
    private final AtomicLong generation = new AtomicLong();
    private final KeptValues<String, ListMarks> marks = new KeptValues<>(64);

    /** For CDI's proxy, which passes every call on to the repository built by the constructor below. */
    protected EntityRepository() {
        this(null, null, null, null);
    }

    /**
     * @param entityManager the container's (see {@link RegistryPersistenceContext}), which joins the current
     *                      transaction
     */
    protected EntityRepository(Class<T> type, EntityManager entityManager, TableCounts tableCounts,
                               AfterCommit afterCommit) {
        this.type = type;
        this.entityManager = entityManager;
        this.tableCounts = tableCounts;
        this.afterCommit = afterCommit;
    }

    /** The EntityManager of the current transaction. */
    protected EntityManager entityManager() {
        return entityManager;
    }

    /** The properties a list may be ordered by; anything else is refused before any SQL is written. */
    public abstract Set<String> sortableProperties();

    /**
     * The attribute a sortable property is ordered by; the property itself unless a repository orders it by
     * another attribute (a case-insensitive key, say).
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
            tableCounts.changed(entityName(), 1);
            committedChange();
            return entity;
        }
        T managed = em.merge(entity);
        em.flush();
        committedChange();
        return managed;
    }

    private void committedChange() {
        afterCommit.run(generation::incrementAndGet);
    }

    /** The inserts, updates and deletes committed here so far: what was derived under one value is current. */
    protected long generation() {
        return generation.get();
    }

    public void delete(T entity) {
        EntityManager em = entityManager();
        em.remove(em.contains(entity) ? entity : em.merge(entity));
        em.flush();
        tableCounts.changed(entityName(), -1);
        committedChange();
    }

    /** The number of rows; see {@link TableCounts} for how current it is. */
    public long count() {
        return tableCounts.get(entityName(), () -> entityManager()
                .createQuery("SELECT COUNT(e) FROM " + entityName() + " e", Long.class)
                .getSingleResult());
    }

    /**
     * One page of the entities matching a JPQL condition on alias {@code e}.
     *
     * @param where      a JPQL condition on {@code e}, or an empty string for all rows
     * @param parameters the condition's named parameters
     */
    protected Page<T> findPage(String where, Map<String, ?> parameters, PageRequest request) {
        SortOrder sort = request.sort();
        if (!sortableProperties().contains(sort.property())) {
            throw new IllegalArgumentException("cannot sort by " + sort.property());
        }
        String condition = where.isEmpty() ? "" : " WHERE " + where;

        long total = where.isEmpty() ? count() : countWhere(condition, parameters);
        if (request.offset() >= total) {
            return new Page<>(List.of(), total, request);
        }

        long offset = request.offset();
        int size = (int) Math.min(request.size(), total - offset);
        String path = sortPath(sort.property());
        // Counted from the start of the ascending list: where the page begins and, read that way, ends.
        long ascendingOffset = sort.isAscending() ? offset : total - offset - size;
        List<Long> ids = where.isEmpty() ? idsFromMark(path, ascendingOffset, size, total) : null;
        if (ids == null) {
            ids = idsFromNearerEnd(path, condition, parameters, ascendingOffset, size, total);
        }
        if (!sort.isAscending()) {
            Collections.reverse(ids);
        }
        return new Page<>(findAllInOrder(ids), total, request);
    }

    /*
     * A page in the far half is read from the other end, in the opposite order, and turned round: the last page then
     * costs what the first does instead of skipping the whole index. The ids come back in ascending order.
     */
    private List<Long> idsFromNearerEnd(String path, String condition, Map<String, ?> parameters,
                                        long ascendingOffset, int size, long total) {
        long descendingOffset = total - ascendingOffset - size;
        boolean descending = descendingOffset < ascendingOffset;
        TypedQuery<Long> idQuery = entityManager()
                .createQuery("SELECT e.id FROM " + entityName() + " e" + condition + orderBy(path, descending),
                        Long.class)
                .setFirstResult((int) Math.min(descending ? descendingOffset : ascendingOffset, Integer.MAX_VALUE))
                .setMaxResults(size);
        parameters.forEach(idQuery::setParameter);
        List<Long> ids = new ArrayList<>(idQuery.getResultList());
        if (descending) {
            Collections.reverse(ids);
        }
        return ids;
    }

    /*
     * A page far from both ends of an unfiltered list starts from the nearest mark at or before it. Null when that
     * saves nothing, or when the marks could not be read.
     */
    private List<Long> idsFromMark(String path, long ascendingOffset, int size, long total) {
        long fromNearerEnd = Math.min(ascendingOffset, total - ascendingOffset - size);
        if (fromNearerEnd <= ListMarks.SPACING) {
            return null;
        }
        ListMarks listMarks = currentMarks(path);
        ListMarks.Mark mark = listMarks == null ? null : listMarks.atOrBefore(ascendingOffset);
        if (mark == null || ascendingOffset - mark.position() >= fromNearerEnd) {
            return null;
        }
        TypedQuery<Long> idQuery = entityManager()
                .createQuery("SELECT e.id FROM " + entityName() + " e WHERE " + atOrAfter(path, ">=")
                        + orderBy(path, false), Long.class)
                .setFirstResult((int) (ascendingOffset - mark.position()))
                .setMaxResults(size);
        setMarkParameters(idQuery, path, mark.key(), mark.id());
        return new ArrayList<>(idQuery.getResultList());
    }

    /*
     * The marks of a sort path, read again first when there are none, or when the table has changed since and they
     * are older than MARKS_REREAD_NANOS; one request reads them, about what one OFFSET read of a middle page costs
     * (see KeptValues for what the others do meanwhile). Reading them in the background was tried: the container's
     * context, copied to the background task, closed the request's EntityManager when the task ended.
     */
    private ListMarks currentMarks(String path) {
        try {
            return marks.get(path, this::isStale,
                    () -> readMarks(entityManager(), entityName(), path, generation.get()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read the list marks of " + entityName() + " by " + path, e);
            return marks.kept(path);
        }
    }

    private boolean isStale(ListMarks listMarks) {
        return listMarks.generation() != generation.get()
                && System.nanoTime() - listMarks.readAt() > MARKS_REREAD_NANOS;
    }

    /*
     * Walks the index of the sort path once, a mark at a time: each query skips SPACING entries from the previous
     * mark and reads one, so no row but the marked ones is ever loaded.
     */
    private static ListMarks readMarks(EntityManager em, String entity, String path, long generation) {
        long readAt = System.nanoTime();
        boolean byId = path.equals("id");
        String select = "SELECT " + (byId ? "e.id" : "e." + path + ", e.id") + " FROM " + entity + " e";
        List<ListMarks.Mark> found = new ArrayList<>();
        ListMarks.Mark last = null;
        while (true) {
            TypedQuery<Object> query = em
                    .createQuery(select + (last == null ? "" : " WHERE " + atOrAfter(path, ">"))
                            + orderBy(path, false), Object.class)
                    .setFirstResult(last == null ? ListMarks.SPACING : ListMarks.SPACING - 1)
                    .setMaxResults(1);
            if (last != null) {
                setMarkParameters(query, path, last.key(), last.id());
            }
            List<Object> rows = query.getResultList();
            if (rows.isEmpty()) {
                break;
            }
            Object row = rows.get(0);
            long position = last == null ? ListMarks.SPACING : last.position() + ListMarks.SPACING;
            last = byId
                    ? new ListMarks.Mark(position, row, ((Number) row).longValue())
                    : new ListMarks.Mark(position, ((Object[]) row)[0], ((Number) ((Object[]) row)[1]).longValue());
            found.add(last);
        }
        LOG.fine(() -> "Read " + found.size() + " list marks of " + entity + " by " + path + " in "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - readAt) + " ms");
        return new ListMarks(found, generation, readAt);
    }

    /* The rows from a mark on, in ascending order: {@code >=} includes the marked row, {@code >} starts after it. */
    private static String atOrAfter(String path, String idComparison) {
        if (path.equals("id")) {
            return "e.id " + idComparison + " :markId";
        }
        return "e." + path + " >= :markKey AND (e." + path + " > :markKey OR e.id " + idComparison + " :markId)";
    }

    private static void setMarkParameters(TypedQuery<?> query, String path, Object key, long id) {
        if (!path.equals("id")) {
            query.setParameter("markKey", key);
        }
        query.setParameter("markId", id);
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
     * column and the id, so Derby reads the index alone and needs no sort); then each entity by id, which the
     * persistence context and the shared cache mostly answer without SQL. Selecting whole rows in one query made
     * Derby scan and sort the table instead. An entity deleted between the two steps is left out.
     */
    private List<T> findAllInOrder(List<Long> ids) {
        EntityManager em = entityManager();
        List<T> found = new ArrayList<>(ids.size());
        for (Long id : ids) {
            T entity = em.find(type, id);
            if (entity != null) {
                found.add(entity);
            }
        }
        return found;
    }

    /** The form the lower-cased {@code *_key} columns hold, for matching a value whatever its case. */
    protected static String caseKey(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
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
