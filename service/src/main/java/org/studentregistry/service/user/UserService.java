package org.studentregistry.service.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import org.studentregistry.domain.paging.Page;
import org.studentregistry.domain.paging.PageRequest;
import org.studentregistry.domain.user.User;
import org.studentregistry.persistence.user.UserRepository;
import org.studentregistry.service.DuplicateValueException;
import org.studentregistry.service.RecordService;

import java.util.Locale;
import java.util.Optional;

/**
 * Lists, reads and changes users. A username or email another user has (whatever its case) is refused with a
 * message on that field; the database's unique constraints catch the race two simultaneous requests could win.
 */
@ApplicationScoped
@Transactional
public class UserService extends RecordService<User> {

    private UserRepository users;

    /** For CDI's proxy. */
    protected UserService() {
    }

    @Inject
    public UserService(UserRepository users, Validator validator) {
        super("User", users, validator);
        this.users = users;
    }

    /** A page of users, optionally only those whose username or email starts with the prefix. */
    @Transactional(Transactional.TxType.SUPPORTS)
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
