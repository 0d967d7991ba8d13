package org.studentregistry.service.user;

import org.junit.jupiter.api.Test;
import org.studentregistry.domain.paging.PageRequest;
import org.studentregistry.domain.paging.SortOrder;
import org.studentregistry.domain.user.User;
import org.studentregistry.service.DuplicateValueException;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.service.ServiceTestSupport;

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

        assertThrows(RuntimeException.class, () -> db.inTransaction(em ->
                users(em).save(new User("Ada", "another@example.org"))));
        assertThrows(RuntimeException.class, () -> db.inTransaction(em ->
                users(em).save(new User("another", "ADA@example.org"))));
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
