package org.studentregistry.service.token;

import org.junit.jupiter.api.Test;
import org.studentregistry.domain.token.ApiToken;
import org.studentregistry.domain.user.Role;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.service.ServiceTestSupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.studentregistry.persistence.testing.Repositories.tokens;

class ApiTokenServiceTest extends ServiceTestSupport<ApiTokenService> {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final AtomicReference<Instant> NOW = new AtomicReference<>(START);

    ApiTokenServiceTest() {
        super((em, validator) -> new ApiTokenService(tokens(em), validator, new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return NOW.get();
            }
        }));
        NOW.set(START);
    }

    private IssuedToken issue(String name, Duration life) {
        return call(s -> s.issue(new ApiToken(name, Role.REGISTRAR, NOW.get().plus(life)), "root"));
    }

    @Test
    void anIssuedTokenAuthenticatesAndOnlyItsHashIsStored() {
        IssuedToken issued = issue("payroll", Duration.ofDays(30));

        assertTrue(issued.secret().matches("srt_\\d+_[A-Za-z0-9_-]{43}"), issued.secret());
        var checked = call(s -> s.authenticate(issued.secret())).orElseThrow();
        assertEquals(Role.REGISTRAR, checked.role());
        assertEquals("payroll", checked.name());
        String stored = (String) db.row("api_token", issued.token().getId()).get("secret_hash");
        assertEquals(64, stored.length());
        assertFalse(issued.secret().contains(stored));
        assertFalse(issued.toString().contains(issued.secret().substring(10)));
    }

    @Test
    void aWrongSecretAnotherIdOrAMalformedTokenIsRefused() {
        IssuedToken issued = issue("payroll", Duration.ofDays(30));
        String secret = issued.secret();
        String tampered = secret.substring(0, secret.length() - 1) + (secret.endsWith("A") ? "B" : "A");
        String otherId = secret.replaceFirst("srt_\\d+_", "srt_999_");

        for (String wrong : new String[]{tampered, otherId, "srt_", "srt_x_y", "Bearer " + secret, "", null}) {
            assertTrue(call(s -> s.authenticate(wrong)).isEmpty(), String.valueOf(wrong));
        }
    }

    @Test
    void anExpiredTokenIsRefused() {
        IssuedToken issued = issue("payroll", Duration.ofHours(1));
        NOW.set(START.plus(Duration.ofHours(1)));

        assertTrue(call(s -> s.authenticate(issued.secret())).isEmpty());
    }

    @Test
    void aRevokedTokenIsRefusedOnTheNextCheck() {
        IssuedToken issued = issue("payroll", Duration.ofDays(30));
        assertTrue(call(s -> s.authenticate(issued.secret())).isPresent());

        run(s -> s.revoke(issued.token().getId()));

        assertTrue(call(s -> s.authenticate(issued.secret())).isEmpty());
        assertTrue(db.row("api_token", issued.token().getId()).isEmpty());
    }

    @Test
    void aTokenRevokedByAnotherProcessIsRefusedOnTheNextCheck() {
        IssuedToken issued = issue("payroll", Duration.ofDays(30));
        assertTrue(call(s -> s.authenticate(issued.secret())).isPresent());

        db.execute("DELETE FROM api_token WHERE id = " + issued.token().getId());

        assertTrue(call(s -> s.authenticate(issued.secret())).isEmpty());
    }

    @Test
    void theLastUseIsRecordedAtMostOnceAMinute() {
        IssuedToken issued = issue("payroll", Duration.ofDays(30));
        assertNull(db.row("api_token", issued.token().getId()).get("last_used_at"));

        call(s -> s.authenticate(issued.secret()));
        Object first = db.row("api_token", issued.token().getId()).get("last_used_at");
        assertNotNull(first);
        NOW.set(START.plusSeconds(30));
        call(s -> s.authenticate(issued.secret()));
        assertEquals(first, db.row("api_token", issued.token().getId()).get("last_used_at"));
        NOW.set(START.plusSeconds(61));
        call(s -> s.authenticate(issued.secret()));
        assertFalse(first.equals(db.row("api_token", issued.token().getId()).get("last_used_at")));
    }

    @Test
    void anExpiryInThePastOrBeyondAYearIsRefused() {
        assertThrows(InvalidInputException.class, () -> issue("old", Duration.ofSeconds(-1)));
        assertThrows(InvalidInputException.class, () -> issue("forever", Duration.ofDays(400)));
        InvalidInputException unnamed = assertThrows(InvalidInputException.class, () -> issue(" ", Duration.ofDays(1)));
        assertEquals("name", unnamed.errors().get(0).field());
    }

    @Test
    void aLongIssuerNameIsShortenedToWhatTheColumnHolds() {
        String adminToken = "token:" + "nightly export of the registry to the archive ".repeat(2);
        IssuedToken issued = call(s -> s.issue(
                new ApiToken("archive", Role.VIEWER, NOW.get().plus(Duration.ofDays(1))), adminToken));

        Object stored = db.row("api_token", issued.token().getId()).get("created_by");
        assertEquals(adminToken.substring(0, ApiToken.CREATED_BY_MAX - 1) + "\u2026", stored);
        assertEquals("root", ApiTokenService.issuerName("root"));
    }
}
