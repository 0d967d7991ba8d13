package org.studentregistry.service.user;

import jakarta.persistence.PersistenceException;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.junit.jupiter.api.Test;
import org.studentregistry.domain.paging.PageRequest;
import org.studentregistry.domain.paging.SortOrder;
import org.studentregistry.domain.user.Role;
import org.studentregistry.domain.user.User;
import org.studentregistry.service.DuplicateValueException;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.service.ServiceTestSupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.studentregistry.persistence.testing.Repositories.users;

class UserServiceTest extends ServiceTestSupport<UserService> {

    UserServiceTest() {
        super((em, validator) -> new UserService(users(em), validator, PASSWORDS));
    }

    /* Hashing is slow on purpose; the iteration count is lowered for these tests (see the surefire settings). */
    static final Passwords PASSWORDS = new Passwords(new Pbkdf2PasswordHashImpl());

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

    /** Finds, among the causes, the duplicate-key error (SQLState 23505) naming the constraint, in either case. */
    private static void assertRefusedBy(String constraint, Throwable refusal) {
        for (Throwable cause = refusal; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                assertTrue(sql.getMessage().toUpperCase(Locale.ROOT).contains(constraint), sql.getMessage());
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

    private User account(String username, String password, Role... roles) {
        User details = new User(username, username + "@example.org");
        details.setRoles(roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles));
        return call(s -> s.create(details, password));
    }

    @Test
    void aSignOutMovesTheAccountsCountOnAndNoEditMovesItBack() {
        User created = create("ada", "ada@example.org");

        run(s -> s.signOut("ADA"));

        User stored = call(s -> s.get(created.getId()));
        assertEquals(1, stored.getSignOuts());
        assertEquals(created.getVersion(), stored.getVersion(), "a sign-out is not an edit");
        // A form opened before the sign-out still saves, and does not bring the old count back.
        call(s -> s.update(created.getId(), created.getVersion(), new User("ada", "ada@example.net")));
        assertEquals(1, call(s -> s.get(created.getId())).getSignOuts());
        assertEquals(1, ((Number) db.row("users", created.getId()).get("sign_outs")).intValue());
    }

    @Test
    void aPasswordIsStoredOnlyAsASaltedHash() {
        User grace = account("grace", "correct horse battery");
        User alan = account("alan", "correct horse battery");

        String stored = (String) db.row("users", grace.getId()).get("password_hash");
        assertTrue(stored.startsWith("PBKDF2WithHmacSHA512:"), stored);
        assertFalse(stored.contains("correct horse"));
        assertNotEquals(stored, db.row("users", alan.getId()).get("password_hash"), "each hash has its own salt");
        assertFalse(grace.toString().contains(stored));
    }

    @Test
    void anAccountSignsInWithItsPasswordWhateverTheUsernameCase() {
        account("grace", "correct horse battery", Role.VIEWER);

        assertTrue(call(s -> s.authenticate("Grace", "correct horse battery")).isPresent());
        assertTrue(call(s -> s.authenticate("grace", "correct horse batterY")).isEmpty());
        assertTrue(call(s -> s.authenticate("nobody", "correct horse battery")).isEmpty());
        assertTrue(call(s -> s.authenticate("grace", null)).isEmpty());
    }

    @Test
    void aDisabledAccountOrOneWithoutPasswordCannotSignIn() {
        User grace = account("grace", "correct horse battery", Role.VIEWER);
        account("nopass", null, Role.VIEWER);
        User details = call(s -> s.get(grace.getId()));
        details.setEnabled(false);
        run(s -> s.update(grace.getId(), null, details));

        assertTrue(call(s -> s.authenticate("grace", "correct horse battery")).isEmpty());
        assertTrue(call(s -> s.findEnabled("grace")).isEmpty());
        assertTrue(call(s -> s.authenticate("nopass", "")).isEmpty());
    }

    @Test
    void aShortOrMultiLinePasswordIsRefusedOnThePasswordField() {
        for (String bad : new String[]{"short", "ten chars\nbut two lines", "          "}) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> account("grace" + bad.length(), bad.replace("\\n", "\n")));
            assertEquals("password", refused.errors().get(0).field(), bad);
        }
        assertEquals(0, call(UserService::count));
    }

    @Test
    void theLastEnabledAdminCanBeNeitherDemotedNorDisabledNorDeleted() {
        User admin = account("root", "correct horse battery", Role.ADMIN);

        User demoted = call(s -> s.get(admin.getId()));
        demoted.setRoles(EnumSet.of(Role.VIEWER));
        assertThrows(InvalidInputException.class, () -> run(s -> s.update(admin.getId(), null, demoted)));
        assertThrows(InvalidInputException.class, () -> run(s -> s.delete(admin.getId(), null)));
        assertTrue(call(s -> s.get(admin.getId())).hasRole(Role.ADMIN));

        account("second", "correct horse battery", Role.ADMIN);
        run(s -> s.update(admin.getId(), null, demoted));
        assertEquals(EnumSet.of(Role.VIEWER), call(s -> s.get(admin.getId())).getRoles());
    }

    @Test
    void twoAdminsDemotedAtOnceLeaveOneOfThemAdmin() throws Exception {
        User first = account("first", "correct horse battery", Role.ADMIN);
        User second = account("second", "correct horse battery", Role.ADMIN);
        ExecutorService writers = Executors.newFixedThreadPool(2);
        List<Future<User>> demotions = new ArrayList<>();
        // Both demotions are held until both wait, at their first write (PostgreSQL lets the reads and the count
        // of the other admins through) or at their first read (Derby): released together, each would count the
        // other's admin as the one that stays, unless the first to count holds the admins until it commits.
        List<User> demoted = new ArrayList<>();
        for (User admin : List.of(first, second)) {
            User details = call(s -> s.get(admin.getId()));
            details.setRoles(EnumSet.of(Role.VIEWER));
            demoted.add(details);
        }
        try (Connection lock = db.dataSource().getConnection(); Statement statement = lock.createStatement()) {
            lock.setAutoCommit(false);
            statement.execute("LOCK TABLE users IN EXCLUSIVE MODE");
            try {
                for (User details : demoted) {
                    demotions.add(writers.submit(() -> call(s -> s.update(details.getId(), null, details))));
                }
                awaitWaiting(statement, 2);
            } finally {
                lock.rollback();
            }
            int refused = 0;
            for (Future<User> demotion : demotions) {
                try {
                    demotion.get(1, TimeUnit.MINUTES);
                } catch (ExecutionException e) {
                    assertInstanceOf(InvalidInputException.class, e.getCause());
                    refused++;
                }
            }
            assertEquals(1, refused);
        } finally {
            writers.shutdownNow();
        }
        boolean adminLeft = call(UserService::hasEnabledAdmin);
        assertTrue(adminLeft, "an enabled admin is left");
    }

    private static void awaitWaiting(Statement statement, int writers) throws Exception {
        String waiting = statement.getConnection().getMetaData().getDatabaseProductName().equals("PostgreSQL")
                ? "SELECT COUNT(*) FROM pg_locks WHERE NOT granted"
                : "SELECT COUNT(*) FROM SYSCS_DIAG.LOCK_TABLE WHERE state = 'WAIT'";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (ResultSet rs = statement.executeQuery(waiting)) {
                rs.next();
                if (rs.getInt(1) == writers) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the writers did not wait for the lock within 30 s");
    }

    @Test
    void theFirstAdminIsCreatedOnlyWhileThereIsNone() {
        assertFalse(call(UserService::hasEnabledAdmin));
        assertTrue(call(s -> s.createFirstAdmin("root", "root@example.org", "correct horse battery")).isPresent());

        assertTrue(call(UserService::hasEnabledAdmin));
        assertTrue(call(s -> s.createFirstAdmin("other", "other@example.org", "correct horse battery")).isEmpty());
        assertTrue(call(s -> s.findEnabled("other")).isEmpty(), "no second account made by the setup route");
    }

    @Test
    void aUserChangesTheirPasswordOnlyWithTheCurrentOne() {
        account("grace", "correct horse battery", Role.VIEWER);

        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> run(s -> s.changeOwnPassword("grace", "wrong password!", "a new long password")));
        assertEquals("current", refused.errors().get(0).field());
        run(s -> s.changeOwnPassword("grace", "correct horse battery", "a new long password"));

        assertTrue(call(s -> s.authenticate("grace", "a new long password")).isPresent());
        assertTrue(call(s -> s.authenticate("grace", "correct horse battery")).isEmpty());
    }
}
