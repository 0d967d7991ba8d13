package org.studentregistry.persistence.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.studentregistry.domain.paging.Page;
import org.studentregistry.domain.paging.PageRequest;
import org.studentregistry.domain.token.ApiToken;
import org.studentregistry.domain.user.Role;
import org.studentregistry.persistence.EntityRepository;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The API tokens, as stored in the {@code api_token} table. */
@ApplicationScoped
public class ApiTokenRepository extends EntityRepository<ApiToken> {

    private static final Set<String> SORTABLE = Set.of("id", "name");
    private static final String CHECK = "SELECT NEW " + TokenCheck.class.getName()
            + "(t.id, t.name, t.role, t.secretHash, t.expiresAt, t.lastUsedAt) FROM ApiToken t WHERE t.id = :id";

    /** For CDI's proxy. */
    protected ApiTokenRepository() {
    }

    @Inject
    public ApiTokenRepository(EntityManager entityManager) {
        super(ApiToken.class, entityManager);
    }

    @Override
    public Set<String> sortableProperties() {
        return SORTABLE;
    }

    /**
     * What checking a token needs of its row, as the database has it now: read as plain values, never through the
     * persistence provider's cache, so a token revoked by another process or node is refused on the next request
     * here too, and concurrent checks of one token do not queue for its cache entry (reading the entity with the
     * cache bypassed still refreshed that entry under a lock, which every request with the token waited for).
     */
    public Optional<TokenCheck> findForCheck(long id) {
        return entityManager().createQuery(CHECK, TokenCheck.class)
                .setParameter("id", id)
                .getResultList().stream().findFirst();
    }

    /** A token's row, as {@link #findForCheck} reads it. */
    public record TokenCheck(long id, String name, Role role, String secretHash, Instant expiresAt,
                             Instant lastUsedAt) {

        public boolean isExpiredAt(Instant now) {
            return !now.isBefore(expiresAt);
        }

        @Override
        public String toString() {
            return "TokenCheck[id=" + id + ", " + name + ", " + role + "]";
        }
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
