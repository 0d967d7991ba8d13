package org.studentregistry.web.token;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.studentregistry.domain.token.ApiToken;
import org.studentregistry.domain.user.Role;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.service.InvalidInputException.FieldError;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NewTokenTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:15:30.123456Z");

    /** A validator that finds the name missing when it is blank, and the role missing when null. */
    private static final Validator RULES = (Validator) Proxy.newProxyInstance(NewTokenTest.class.getClassLoader(),
            new Class<?>[]{Validator.class}, (proxy, method, args) -> {
                if (!method.getName().equals("validateProperty")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                ApiToken token = (ApiToken) args[0];
                String property = (String) args[1];
                boolean broken = property.equals("name")
                        ? token.getName() == null || token.getName().isBlank()
                        : token.getRole() == null;
                return broken ? Set.of(violation(property + " is required.")) : Set.of();
            });

    private static ConstraintViolation<?> violation(String message) {
        return (ConstraintViolation<?>) Proxy.newProxyInstance(NewTokenTest.class.getClassLoader(),
                new Class<?>[]{ConstraintViolation.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getMessage")) {
                        return message;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void daysCountFromNowToTheSecond() {
        ApiToken token = NewToken.named(" payroll ").role("role", "Registrar").expiresInDays("days", " 30 ", NOW)
                .details(RULES);

        assertEquals("payroll", token.getName());
        assertEquals(Role.REGISTRAR, token.getRole());
        assertEquals(Instant.parse("2026-12-31T10:15:30Z"), token.getExpiresAt());
    }

    @Test
    void daysMustBeAWholeNumberFromOneTo366() {
        for (String wrong : new String[]{null, "", "0", "-1", "367", "1.5", "ninety", "99999999999999999999"}) {
            List<FieldError> errors = NewToken.named("payroll").expiresInDays("days", wrong, NOW).errors();
            assertEquals(List.of(new FieldError("days", "Give a whole number of days from 1 to 366.")), errors,
                    String.valueOf(wrong));
        }
        assertTrue(NewToken.named("payroll").expiresInDays("days", "1", NOW).errors().isEmpty());
        assertTrue(NewToken.named("payroll").expiresInDays("days", "366", NOW).errors().isEmpty());
    }

    @Test
    void anUnknownRoleIsAnErrorAndNoneIsLeftToTheRequiredRule() {
        assertEquals(List.of(new FieldError("role", "Role must be viewer, registrar or admin.")),
                NewToken.named("payroll").role("role", "superuser").errors());
        assertTrue(NewToken.named("payroll").role("role", null).errors().isEmpty());
        assertTrue(NewToken.named("payroll").role("role", " ").errors().isEmpty());
    }

    @Test
    void anInstantNeedsItsOffsetAndIsKeptToTheMillisecond() {
        ApiToken utc = NewToken.named("payroll").role("role", "viewer")
                .expiresAt("expiresAt", "2027-01-15T08:00:00.123456Z", NOW).details(RULES);
        ApiToken offset = NewToken.named("payroll").role("role", "viewer")
                .expiresAt("expiresAt", "2027-01-15T09:00:00+01:00", NOW).details(RULES);

        assertEquals(Instant.parse("2027-01-15T08:00:00.123Z"), utc.getExpiresAt());
        assertEquals(Instant.parse("2027-01-15T08:00:00Z"), offset.getExpiresAt());
    }

    @Test
    void noInstantIsNinetyDaysFromNow() {
        ApiToken token = NewToken.named("payroll").role("role", "viewer").expiresAt("expiresAt", null, NOW)
                .details(RULES);

        assertEquals(Instant.parse("2027-03-01T10:15:30Z"), token.getExpiresAt());
    }

    @Test
    void anUnreadableInstantOrOneOutOfRangeIsAnError() {
        for (String wrong : new String[]{"", "tomorrow", "5", "2027-01-15", "2027-01-15T08:00:00"}) {
            FieldError error = NewToken.named("payroll").expiresAt("expiresAt", wrong, NOW).errors().get(0);
            assertEquals("expiresAt", error.field());
            assertTrue(error.message().startsWith("expiresAt must be an ISO-8601 date and time"), error.message());
        }
        for (String outOfRange : new String[]{"2026-12-01T10:15:30Z", "2025-01-01T00:00:00Z", "2028-01-01T00:00:00Z"}) {
            assertEquals(List.of(new FieldError("expiresAt", "Expiry must be in the future and at most 366 days away.")),
                    NewToken.named("payroll").expiresAt("expiresAt", outOfRange, NOW).errors(), outOfRange);
        }
    }

    @Test
    void everythingWrongIsReportedTogether() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NewToken.named(" ")
                .role("role", "root").expiresAt("expiresAt", "soon", NOW).details(RULES));

        assertEquals(List.of("expiresAt", "name", "role"), e.errors().stream().map(FieldError::field).toList());
        assertEquals("name is required.", e.errors().get(1).message());
        assertEquals("Role must be viewer, registrar or admin.", e.errors().get(2).message());
    }

    @Test
    void aMissingRoleIsReportedWithAnotherError() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NewToken.named("payroll")
                .role("role", null).expiresInDays("days", "0", NOW).details(RULES));

        assertEquals(List.of("days", "role"), e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void withNothingUnreadableTheRulesAreTheServicesToCheck() {
        ApiToken token = NewToken.named(null).role("role", null).expiresAt("expiresAt", null, NOW).details(RULES);

        assertNull(token.getName());
        assertNull(token.getRole());
    }
}
