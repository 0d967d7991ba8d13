package org.studentregistry.service.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import org.studentregistry.domain.paging.Page;
import org.studentregistry.domain.paging.PageRequest;
import org.studentregistry.domain.user.Role;
import org.studentregistry.domain.user.User;
import org.studentregistry.persistence.user.UserRepository;
import org.studentregistry.service.DuplicateValueException;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.service.InvalidInputException.FieldError;
import org.studentregistry.service.RecordService;
import org.studentregistry.service.RetriedOnLockConflict;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Lists, reads and changes users, who are also the application's accounts. A username or email another user has
 * (whatever its case) is refused with a message on that field; the database's unique constraints catch the race two
 * simultaneous requests could win. At least one enabled admin always remains: the change that would remove the last
 * is refused. Passwords are set and checked here, and only their hashes are stored ({@link Passwords}).
 */
@ApplicationScoped
public class UserService extends RecordService<User> {

    private static final Logger LOG = Logger.getLogger(UserService.class.getName());

    private UserRepository users;
    private Passwords passwords;

    /** For CDI's proxy. */
    protected UserService() {
    }

    @Inject
    public UserService(UserRepository users, Validator validator, Passwords passwords) {
        super("User", users, validator);
        this.users = users;
        this.passwords = passwords;
    }

    /** A new account with its first password (null: none yet, so no sign-in until an admin sets one). */
    @RetriedOnLockConflict
    @Transactional
    public User create(User details, String password) {
        User record = newRecord();
        copyDetails(details, record);
        if (password != null) {
            record.setPasswordHash(passwords.hash("password", password));
        }
        User created = insert(record);
        LOG.info(() -> "Account " + created.getUsername() + " created with roles " + created.getRoles()
                + (created.isEnabled() ? "" : ", disabled"));
        return created;
    }

    /**
     * The first admin, when there is no enabled admin yet; none once there is one (made meanwhile by another node or
     * by the command line, say), so a setup route cannot be used to take over an installed registry.
     */
    @RetriedOnLockConflict
    @Transactional
    public Optional<User> createFirstAdmin(String username, String email, String password) {
        if (hasEnabledAdmin()) {
            return Optional.empty();
        }
        User admin = new User(username, email);
        admin.setRoles(EnumSet.of(Role.ADMIN));
        return Optional.of(create(admin, password));
    }

    public boolean hasEnabledAdmin() {
        return users.countEnabledAdmins(null) > 0;
    }

    /**
     * The enabled account with this username and password. An unknown username costs the same hash as a wrong
     * password, so the time taken does not tell which accounts exist.
     */
    public Optional<User> authenticate(String username, String password) {
        Optional<User> user = users.findByUsername(username);
        boolean matches = passwords.matches(password, user.map(User::getPasswordHash).orElse(null));
        return user.filter(found -> matches && found.isEnabled());
    }

    /** The enabled account with this username, as it is now: a signed-in user's roles and status are read again. */
    public Optional<User> findEnabled(String username) {
        return users.findByUsername(username).filter(User::isEnabled);
    }

    /** Ends every sign-in session of the account, on every node: those that began before this count no more. */
    @RetriedOnLockConflict
    @Transactional
    public void signOut(String username) {
        users.countSignOut(username);
        LOG.info(() -> "Signed out: " + username);
    }

    /** An admin sets a user's password (a reset); the user's other details stay. */
    @RetriedOnLockConflict
    @Transactional
    public User setPassword(long id, String password) {
        User user = get(id);
        user.setPasswordHash(passwords.hash("password", password));
        User saved = write(user);
        LOG.info(() -> "Password of account " + saved.getUsername() + " set by an admin");
        return saved;
    }

    /** A signed-in user changes their own password, giving the current one. */
    @RetriedOnLockConflict
    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        User user = users.findByUsername(username).orElseThrow(() -> new IllegalStateException("no account " + username));
        if (!passwords.matches(currentPassword, user.getPasswordHash())) {
            throw new InvalidInputException(List.of(new FieldError("current", "This is not your current password.")));
        }
        user.setPasswordHash(passwords.hash("password", newPassword));
        write(user);
        LOG.info(() -> "Account " + username + " changed its password");
    }

    @Override
    @RetriedOnLockConflict
    @Transactional
    public User update(long id, Long expectedVersion, User details) {
        User current = get(id);
        EnumSet<Role> rolesBefore = copy(current.getRoles());
        boolean enabledBefore = current.isEnabled();
        if (current.hasRole(Role.ADMIN) && current.isEnabled() && (!details.hasRole(Role.ADMIN) || !details.isEnabled())) {
            keepAnAdmin(id, "roles");
        }
        User updated = super.update(id, expectedVersion, details);
        if (!rolesBefore.equals(copy(updated.getRoles())) || enabledBefore != updated.isEnabled()) {
            LOG.info(() -> "Account " + updated.getUsername() + ": roles " + rolesBefore + " -> " + updated.getRoles()
                    + ", enabled " + enabledBefore + " -> " + updated.isEnabled());
        }
        return updated;
    }

    @Override
    @RetriedOnLockConflict
    @Transactional
    public void delete(long id, Long expectedVersion) {
        User current = get(id);
        if (current.hasRole(Role.ADMIN) && current.isEnabled()) {
            keepAnAdmin(id, "username");
        }
        super.delete(id, expectedVersion);
    }

    private void keepAnAdmin(long id, String field) {
        users.lockEnabledAdmins();
        if (users.countEnabledAdmins(id) == 0) {
            throw new InvalidInputException(List.of(new FieldError(field,
                    "This is the last enabled admin: make another user an admin first.")));
        }
    }

    private static EnumSet<Role> copy(java.util.Set<Role> roles) {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    /** A page of users, optionally only those whose username or email starts with the prefix. */
    public Page<User> list(String prefix, PageRequest request) {
        return users.findPage(prefix, request);
    }

    @Override
    public User newRecord() {
        return new User();
    }

    @Override
    public void copyDetails(User from, User to) {
        to.copyDetailsFrom(from);
    }

    @Override
    public String describe(User user) {
        return user.getUsername();
    }

    @Override
    protected void checkUnique(User user) {
        if (users.usernameTaken(user.getUsername(), user.getId())) {
            throw usernameTaken(user);
        }
        if (users.emailTaken(user.getEmail(), user.getId())) {
            throw emailTaken(user);
        }
    }

    @Override
    protected Optional<DuplicateValueException> duplicateFor(String message, User user) {
        String constraint = message.toUpperCase(Locale.ROOT);
        if (constraint.contains("UQ_USERS_USERNAME")) {
            return Optional.of(usernameTaken(user));
        }
        if (constraint.contains("UQ_USERS_EMAIL")) {
            return Optional.of(emailTaken(user));
        }
        return Optional.empty();
    }

    private static DuplicateValueException usernameTaken(User user) {
        return new DuplicateValueException("username", "Username " + user.getUsername() + " is already taken.");
    }

    private static DuplicateValueException emailTaken(User user) {
        return new DuplicateValueException("email", "Email " + user.getEmail() + " is already registered.");
    }
}
