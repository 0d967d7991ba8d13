package org.studentregistry.persistence.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.studentregistry.domain.paging.Page;
import org.studentregistry.domain.paging.PageRequest;
import org.studentregistry.domain.user.User;
import org.studentregistry.persistence.EntityRepository;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The users of the registry, as stored in the {@code users} table. */
@ApplicationScoped
public class UserRepository extends EntityRepository<User> {

    private static final Set<String> SORTABLE = Set.of("id", "username", "email");

    /** For CDI's proxy. */
    protected UserRepository() {
    }

    @Inject
    public UserRepository(EntityManager entityManager) {
        super(User.class, entityManager);
    }

    @Override
    public Set<String> sortableProperties() {
        return SORTABLE;
    }

    /** A page of users, optionally only those whose username or email starts with the prefix, ignoring case. */
    public Page<User> findPage(String prefix, PageRequest request) {
        if (prefix == null || prefix.isBlank()) {
            return findPage("", Map.of(), request);
        }
        if (isNeverStored(prefix)) {
            return new Page<>(List.of(), 0, request);
        }
        return findPage("e.usernameKey LIKE :prefix ESCAPE '\\' OR e.emailKey LIKE :prefix ESCAPE '\\'",
                Map.of("prefix", startsWithPattern(caseKey(prefix))), request);
    }

    /** Whether another user than {@code exceptId} (null: any user) has this username, ignoring case. */
    public boolean usernameTaken(String username, Long exceptId) {
        return taken("usernameKey", username, exceptId);
    }

    /** Whether another user than {@code exceptId} (null: any user) has this email, ignoring case. */
    public boolean emailTaken(String email, Long exceptId) {
        return taken("emailKey", email, exceptId);
    }

    private boolean taken(String keyProperty, String value, Long exceptId) {
        return !isNeverStored(value) && entityManager()
                .createQuery("SELECT COUNT(e) FROM User e WHERE e." + keyProperty + " = LOWER(:key) AND e.id <> :id",
                        Long.class)
                .setParameter("key", value.strip())
                .setParameter("id", exceptId == null ? -1L : exceptId)
                .getSingleResult() > 0;
    }

    /** The user with this username, ignoring case. */
    public Optional<User> findByUsername(String username) {
        if (username == null || username.isBlank() || isNeverStored(username)) {
            return Optional.empty();
        }
        List<User> found = entityManager()
                .createQuery("SELECT e FROM User e WHERE e.usernameKey = LOWER(:key)", User.class)
                .setParameter("key", username.strip())
                .getResultList();
        return found.stream().findFirst();
    }

    /**
     * Counts a sign-out of the account with this username (ignoring case), which ends its sessions everywhere. Not an
     * edit: the version stays, so no one's open form of the account is refused for it.
     */
    public void countSignOut(String username) {
        // In SQL: a JPQL bulk update of a versioned entity moves its version on too, which would refuse the edit.
        entityManager()
                .createNativeQuery("UPDATE users SET sign_outs = sign_outs + 1 WHERE username_key = LOWER(?)")
                .setParameter(1, username.strip())
                .executeUpdate();
    }

    /**
     * Holds the row of every enabled admin until the transaction ends (an update that changes nothing), so that of
     * two changes that each take an admin away, the second counts the admins only once the first has committed:
     * counted at once, each would count the other's admin as the one that stays.
     */
    public void lockEnabledAdmins() {
        entityManager()
                .createNativeQuery("UPDATE users SET enabled = enabled WHERE enabled = TRUE AND roles LIKE '%ADMIN%'")
                .executeUpdate();
    }

    /** How many enabled accounts hold the admin role (other than {@code exceptId}; null: none excepted). */
    public long countEnabledAdmins(Long exceptId) {
        // The roles column is text written by RolesConverter, which JPQL cannot compare to part of a set.
        Number count = (Number) entityManager()
                .createNativeQuery("SELECT COUNT(*) FROM users WHERE enabled = TRUE AND roles LIKE '%ADMIN%' AND id <> ?")
                .setParameter(1, exceptId == null ? -1L : exceptId)
                .getSingleResult();
        return count.longValue();
    }
}
