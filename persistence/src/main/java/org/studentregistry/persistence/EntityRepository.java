package org.studentregistry.persistence;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.studentregistry.domain.shared.VersionedEntity;
import org.studentregistry.persistence.paging.Page;
import org.studentregistry.persistence.paging.PageRequest;
import org.studentregistry.persistence.paging.SortOrder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What every repository of an aggregate root does the same way: find by id, save, delete, and read one page of a
 * filtered, ordered list.
 *
 * <p>Pages are read with OFFSET/FETCH over an index that matches the order (the migrations create one per sortable
 * property, with the id as the tie-breaker), so a page costs the rows it shows and the index entries it skips,
 * never a sort of the table.
 */
public abstract class EntityRepository<T extends VersionedEntity> {

    private final Class<T> type;

    @PersistenceContext(unitName = "registry")
    private EntityManager entityManager;

    /* Outside a container (tests, tools) every count is taken from the database. */
    private TableCounts tableCounts = new TableCounts();

    /** For CDI, which injects the container's EntityManager. */
    protected EntityRepository(Class<T> type) {
        this.type = type;
    }

    /** For use outside the container, with an EntityManager the caller manages. */
    protected EntityRepository(Class<T> type, EntityManager entityManager) {
        this.type = type;
        this.entityManager = entityManager;
    }

    /** In the application, one set of counts serves every request. */
    @Inject
    void useTableCounts(TableCounts counts) {
        this.tableCounts = counts;
    }

    /** The EntityManager of the current transaction (container-injected, or given by a test or tool). */
    protected EntityManager entityManager() {
        return entityManager;
    }

    /** The properties a list may be ordered by; anything else is refused before any SQL is written. */
    public abstract Set<String> sortableProperties();

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
            changed();
            return entity;
        }
        T managed = em.merge(entity);
        em.flush();
        changed();
        return managed;
    }

    /** Told of every insert, update and delete, for what a repository keeps derived from its table. */
    protected void changed() {
    }

    public void delete(T entity) {
        EntityManager em = entityManager();
        em.remove(em.contains(entity) ? entity : em.merge(entity));
        em.flush();
        tableCounts.changed(entityName(), -1);
        changed();
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

        // A page in the far half is read from the other end, in the opposite order, and turned round: the last
        // page then costs what the first does instead of skipping the whole index.
        long offset = request.offset();
        int size = (int) Math.min(request.size(), total - offset);
        boolean fromEnd = offset > total / 2;
        if (fromEnd) {
            offset = total - offset - size;
        }
        String direction = sort.isAscending() != fromEnd ? "ASC" : "DESC";
        String orderBy = " ORDER BY e." + sort.property() + " " + direction
                + (sort.property().equals("id") ? "" : ", e.id " + direction);
        TypedQuery<Long> idQuery = entityManager()
                .createQuery("SELECT e.id FROM " + entityName() + " e" + condition + orderBy, Long.class)
                .setFirstResult((int) Math.min(offset, Integer.MAX_VALUE))
                .setMaxResults(size);
        parameters.forEach(idQuery::setParameter);
        List<Long> ids = new ArrayList<>(idQuery.getResultList());
        if (fromEnd) {
            Collections.reverse(ids);
        }
        return new Page<>(findAllInOrder(ids), total, request);
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
