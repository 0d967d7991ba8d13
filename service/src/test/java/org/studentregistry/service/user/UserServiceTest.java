package org.studentregistry.service.user;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;
import org.studentregistry.domain.paging.PageRequest;
import org.studentregistry.domain.paging.SortOrder;
import org.studentregistry.domain.user.User;
import org.studentregistry.service.DuplicateValueException;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.service.ServiceTestSupport;

import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.studentregistry.persistence.testing.Repositories.users;

class UserServiceTest extends ServiceTestSupport<UserService> {

    UserServiceTest() {
        super((em, validator) -> new UserService(users(em), validator));
    }

    private User create(String username, String email) {
        return call(s -> s.create(new User(username, email)));
    }

    @Test
    void aUserIsStoredWithTrimmedValues() {
        User created = create(" ada ", "ada@example.org ");

        User stored = call(s -> s.get(created.getId()));
        assertEquals("ada", stored.getUsername());
        assertEquals("ada@example.org", stored.getEmail());
    }

    @Test
    void aUsernameTakenInAnotherCaseIsRefusedOnTheUsernameField() {
        create("ada", "ada@example.org");

        DuplicateValueException e = assertThrows(DuplicateValueException.class, () -> create("ADA", "other@example.org"));

        assertEquals("username", e.field());
        assertEquals("Username ADA is already taken.", e.getMessage());
        assertEquals(1L, (long) call(UserService::count));
    }

    @Test
    void anEmailTakenInAnotherCaseIsRefusedOnTheEmailField() {
        create("ada", "ada@example.org");

        DuplicateValueException e = assertThrows(DuplicateValueException.class, () -> create("grace", "Ada@Example.ORG"));

        assertEquals("email", e.field());
    }

    @Test
    void aUserKeepsTheirOwnUsernameWhenUpdated() {
        User created = create("ada", "ada@example.org");

        User updated = call(s -> s.update(created.getId(), created.getVersion(), new User("Ada", "ada@example.net")));

        assertEquals("Ada", updated.getUsername());
    }

    @Test
    void theDatabaseRefusesDuplicatesThatBypassTheCheck() {
        create("ada", "ada@example.org");

        // Not any failure: the unique constraint on the lower-cased copy of each value is what refuses it.
        assertRefusedBy("UQ_USERS_USERNAME", assertThrows(PersistenceException.class, () -> db.inTransaction(em ->
                users(em).save(new User("Ada", "another@example.org")))));
        assertRefusedBy("UQ_USERS_EMAIL", assertThrows(PersistenceException.class, () -> db.inTransaction(em ->
                users(em).save(new User("another", "ADA@example.org")))));
        assertEquals(1L, (long) call(UserService::count));
    }

    /** Finds, among the causes, Derby's duplicate-key error (SQLState 23505) naming the constraint. */
    private static void assertRefusedBy(String constraint, Throwable refusal) {
        for (Throwable cause = refusal; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                assertTrue(sql.getMessage().contains("'" + constraint + "'"), sql.getMessage());
                return;
            }
        }
        throw new AssertionError("not refused by a unique constraint", refusal);
    }

    @Test
    void invalidUsernamesAndEmailsAreReportedPerField() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> create("a d", "not-an-address"));

        assertEquals(List.of("email", "username"), e.errors().stream().map(InvalidInputException.FieldError::field).toList());
    }

    @Test
    void searchMatchesAUsernameOrEmailPrefix() {
        create("ada", "countess@example.org");
        create("grace", "ada.h@example.org");
        create("linus", "linus@example.org");

        var page = call(s -> s.list("ADA", new PageRequest(0, 20, SortOrder.ascending("username"))));

        assertEquals(List.of("ada", "grace"), page.content().stream().map(User::getUsername).toList());
        assertTrue(page.totalElements() == 2);
    }
}
