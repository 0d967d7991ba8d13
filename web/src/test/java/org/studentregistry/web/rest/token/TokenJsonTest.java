package org.studentregistry.web.rest.token;

import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.studentregistry.domain.token.ApiToken;
import org.studentregistry.domain.user.Role;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.service.token.IssuedToken;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenJsonTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    /** A validator that finds every rule kept. */
    private static final Validator NOTHING_BROKEN = (Validator) Proxy.newProxyInstance(
            TokenJsonTest.class.getClassLoader(), new Class<?>[]{Validator.class}, (proxy, method, args) -> Set.of());

    private static TokenJson request(String name, String role, String expiresAt) {
        return new TokenJson(99L, name, role, expiresAt, "2026-01-01T00:00:00Z", "mallory", null, "srt_1_x");
    }

    @Test
    void aRequestGivesNameRoleAndExpiryOnly() {
        ApiToken details = request("payroll", "admin", "2027-02-01T00:00:00Z").toDetails(NOW, NOTHING_BROKEN);

        assertEquals("payroll", details.getName());
        assertEquals(Role.ADMIN, details.getRole());
        assertEquals(Instant.parse("2027-02-01T00:00:00Z"), details.getExpiresAt());
        assertNull(details.getId());
        assertNull(details.getLastUsedAt());
        assertNull(details.getCreatedBy());
    }

    @Test
    void aTokenIsShownWithItsRoleIdAndTimesAndWithoutASecret() {
        ApiToken token = new ApiToken("payroll", Role.REGISTRAR, Instant.parse("2027-02-01T00:00:00Z"));
        token.issue("0".repeat(64), "root");

        TokenJson json = TokenJson.of(token);

        assertEquals("registrar", json.role());
        assertEquals("2027-02-01T00:00:00Z", json.expiresAt());
        assertNull(json.lastUsedAt());
        assertEquals("root", json.createdBy());
        assertNull(json.token());
        assertNull(json.version());
    }

    @Test
    void theSecretIsInTheIssuedAnswerButNotInItsText() {
        ApiToken token = new ApiToken("payroll", Role.VIEWER, Instant.parse("2027-02-01T00:00:00Z"));
        token.issue("0".repeat(64), "root");

        TokenJson json = TokenJson.of(new IssuedToken(token, "srt_7_secret"));

        assertEquals("srt_7_secret", json.token());
        assertFalse(json.toString().contains("secret"));
    }

    @Test
    void anUnknownRoleIsRefusedUnderItsField() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> request("payroll", "3", null).toDetails(NOW, NOTHING_BROKEN));

        assertEquals("role", e.errors().get(0).field());
    }
}
