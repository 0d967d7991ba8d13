package org.studentregistry.web.rest.user;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.studentregistry.domain.user.Role;
import org.studentregistry.domain.user.User;
import org.studentregistry.service.InvalidInputException;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the API writes for a user, with Yasson (the JSON-B implementation Payara and GlassFish use): never the
 * password hash, never a password, even one that came in with a request.
 */
class UserJsonTest {

    private static final String HASH = "PBKDF2WithHmacSHA512:1024:c2FsdA==:aGFzaA==";

    private static Jsonb jsonb;
    private static Jsonb withNulls;

    @BeforeAll
    static void startJsonb() {
        jsonb = JsonbBuilder.create();
        withNulls = JsonbBuilder.create(new JsonbConfig().withNullValues(true));
    }

    @AfterAll
    static void stopJsonb() throws Exception {
        jsonb.close();
        withNulls.close();
    }

    private static User userWithPassword() {
        User user = new User("ada", "ada@example.org");
        user.setRoles(EnumSet.of(Role.REGISTRAR, Role.VIEWER));
        user.setEnabled(false);
        user.setPasswordHash(HASH);
        return user;
    }

    private static void assertNoSecret(String json) {
        assertFalse(json.contains("assword"), json);
        assertFalse(json.contains("c2FsdA"), json);
        assertFalse(json.contains("PBKDF2"), json);
        assertFalse(json.contains("a long secret"), json);
    }

    @Test
    void aUserIsWrittenWithRolesAndStatusButNoPasswordNorItsHash() {
        String json = jsonb.toJson(UserJson.of(userWithPassword()));

        assertNoSecret(json);
        assertEquals("{\"username\":\"ada\",\"email\":\"ada@example.org\",\"roles\":[\"viewer\",\"registrar\"],"
                + "\"enabled\":false,\"version\":0}", json);
        assertNoSecret(withNulls.toJson(UserJson.of(userWithPassword())));
    }

    @Test
    void aPasswordThatCameInIsNeverWrittenOut() {
        UserJson read = jsonb.fromJson("{\"username\":\"ada\",\"email\":\"ada@example.org\","
                + "\"password\":\"a long secret\"}", UserJson.class);

        assertEquals("a long secret", read.password());
        assertNoSecret(jsonb.toJson(read));
        assertNoSecret(withNulls.toJson(read));
        assertNoSecret(jsonb.toJson(List.of(read)));
    }

    @Test
    void noRecordComponentOrAccessorCarriesTheHash() {
        for (var component : UserJson.class.getRecordComponents()) {
            assertFalse(component.getName().toLowerCase().contains("hash"), component.getName());
        }
        UserJson json = UserJson.of(userWithPassword());
        assertNull(json.password());
        assertFalse(json.toString().contains(HASH), json.toString());
    }

    @Test
    void theEntityItselfNeverWritesItsHashEither() {
        String json = jsonb.toJson(userWithPassword());

        assertNoSecret(json);
        assertTrue(json.contains("\"username\":\"ada\""), json);
        User read = jsonb.fromJson("{\"username\":\"eve\",\"passwordHash\":\"" + HASH + "\"}", User.class);
        assertNull(read.getPasswordHash(), "a hash in a request body is never taken");
    }

    @Test
    void aNewUserHasNoRolesAndIsEnabledUnlessTheBodySaysOtherwise() {
        User details = new UserJson(null, "ada", "ada@example.org", null, null, null, null).toDetails();
        assertEquals(Set.of(), details.getRoles());
        assertTrue(details.isEnabled());

        details = new UserJson(null, "ada", "ada@example.org", List.of("Admin", " viewer "), false, null, null)
                .toDetails();
        assertEquals(EnumSet.of(Role.ADMIN, Role.VIEWER), details.getRoles());
        assertFalse(details.isEnabled());
    }

    @Test
    void aReplacementKeepsTheRolesAndStatusItLeavesOut() {
        User current = userWithPassword();

        User kept = new UserJson(null, "ada2", "ada2@example.org", null, null, null, null).toReplacementOf(current);
        assertEquals(EnumSet.of(Role.REGISTRAR, Role.VIEWER), kept.getRoles());
        assertFalse(kept.isEnabled());
        assertNull(kept.getPasswordHash());

        User changed = new UserJson(null, "ada2", "ada2@example.org", List.of(), true, null, null)
                .toReplacementOf(current);
        assertEquals(Set.of(), changed.getRoles());
        assertTrue(changed.isEnabled());
    }

    @Test
    void anUnknownRoleIsInvalidOnTheFieldRoles() {
        for (List<String> roles : List.of(List.of("superuser"), List.of("viewer", ""), java.util.Arrays.asList("admin", null))) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> new UserJson(null, "ada", "ada@example.org", roles, null, null, null).toDetails());
            assertEquals(List.of("roles"), e.errors().stream().map(InvalidInputException.FieldError::field).toList());
        }
    }
}
