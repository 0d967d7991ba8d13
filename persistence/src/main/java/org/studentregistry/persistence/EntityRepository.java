package org.studentregistry.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.studentregistry.domain.shared.VersionedEntity;
import org.studentregistry.persistence.paging.Page;
import org.studentregistry.persistence.paging.PageRequest;
import org.studentregistry.persistence.paging.SortOrder;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What every repository of an aggregate root does the same way: find by id, save, delete, and read one page of a
 * filtered, ordered list.
 *
 * <p>Pages are read with OFFSET/FETCH over an index that matches the order (the migrations create one per sortable
 * property, with the id as the tie-breaker), so a page costs the rows it shows, not the table.
 */
public abstract class EntityRepository<T extends VersionedEntity> {

    private final Class<T> type;

    protected EntityRepository(Class<T> type) {
        this.type = type;
    }

    /** The EntityManager of the current transaction (container-injected, or given by a test). */
    protected abstract EntityManager entityManager();

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

    public long count() {
        return entityManager()
                .createQuery("SELECT COUNT(e) FROM " + entityName() + " e", Long.class)
                .getSingleResult();
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
        String direction = sort.isAscending() ? "ASC" : "DESC";

        TypedQuery<Long> countQuery = entityManager()
                .createQuery("SELECT COUNT(e) FROM " + entityName() + " e" + condition, Long.class);
        parameters.forEach(countQuery::setParameter);
        long total = countQuery.getSingleResult();

        if (request.offset() >= total) {
            return new Page<>(List.of(), total, request);
        }
        String orderBy = " ORDER BY e." + sort.property() + " " + direction
                + (sort.property().equals("id") ? "" : ", e.id " + direction);
        TypedQuery<T> pageQuery = entityManager()
                .createQuery("SELECT e FROM " + entityName() + " e" + condition + orderBy, type)
                .setFirstResult((int) request.offset())
                .setMaxResults(request.size());
        parameters.forEach(pageQuery::setParameter);
        return new Page<>(pageQuery.getResultList(), total, request);
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
