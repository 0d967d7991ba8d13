package org.studentregistry.persistence.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.studentregistry.domain.paging.Page;
import org.studentregistry.domain.paging.PageRequest;
import org.studentregistry.domain.token.ApiToken;
import org.studentregistry.persistence.AfterCommit;
import org.studentregistry.persistence.EntityRepository;
import org.studentregistry.persistence.TableCounts;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The API tokens, as stored in the {@code api_token} table. */
@ApplicationScoped
public class ApiTokenRepository extends EntityRepository<ApiToken> {

    private static final Set<String> SORTABLE = Set.of("id", "name");

    /** For CDI's proxy. */
    protected ApiTokenRepository() {
    }

    @Inject
    public ApiTokenRepository(EntityManager entityManager, TableCounts tableCounts, AfterCommit afterCommit) {
        super(ApiToken.class, entityManager, tableCounts, afterCommit);
    }

    @Override
    public Set<String> sortableProperties() {
        return SORTABLE;
    }

    /**
     * The token as the database has it now, never from the persistence provider's cache: a token revoked through
     * another process or node must be refused on the next request here too. A read by primary key.
     */
    public Optional<ApiToken> findCurrent(long id) {
        return Optional.ofNullable(entityManager().find(ApiToken.class, id,
                Map.of("jakarta.persistence.cache.retrieveMode", CacheRetrieveMode.BYPASS)));
    }

    public Page<ApiToken> findPage(PageRequest request) {
        return findPage("", Map.of(), request);
    }

    /**
     * Records that a token was used, unless a use at or after {@code unlessSince} is already recorded: one write per
     * token in a while, not one per request. (EclipseLink moves the version on with it; a token is never edited, so
     * no one's change is refused for that.)
     * Its own transaction: checking a token reads without one, and a failed mark must not fail the request's work.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void markUsed(long id, Instant at, Instant unlessSince) {
        entityManager()
                .createQuery("UPDATE ApiToken t SET t.lastUsedAt = :at"
                        + " WHERE t.id = :id AND (t.lastUsedAt IS NULL OR t.lastUsedAt < :since)")
                .setParameter("at", at)
                .setParameter("id", id)
                .setParameter("since", unlessSince)
                .executeUpdate();
    }
}
