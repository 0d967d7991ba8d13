package org.studentregistry.web.token;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.studentregistry.domain.token.ApiToken;
import org.studentregistry.domain.user.Role;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.service.InvalidInputException.FieldError;
import org.studentregistry.service.token.ApiTokenService;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The details of a token to issue, read from what an admin typed or a client sent: the name as given, the role by
 * its id ({@code registrar}), the expiry as a number of days from now (the page) or as an ISO-8601 instant (the
 * API). What cannot be read is reported together with the name's and role's broken rules, each under its field,
 * so one answer lists everything to correct; the rest of the rules are the service's.
 */
public final class NewToken {

    public static final int DEFAULT_DAYS = 90;
    public static final long MOST_DAYS = ApiTokenService.LONGEST_LIFE.toDays();
    /** What a role may be, in words: "viewer, registrar or admin". */
    public static final String ROLES = roleList();

    private final String name;
    private Role role;
    private Instant expiresAt;
    private final List<FieldError> errors = new ArrayList<>();

    private NewToken(String name) {
        this.name = name;
    }

    public static NewToken named(String name) {
        return new NewToken(name);
    }

    /** The role with this id, any case; none given is left to the rule that a role is required. */
    public NewToken role(String field, String id) {
        if (id != null && !id.isBlank()) {
            role = Role.ofId(id).orElse(null);
            if (role == null) {
                errors.add(new FieldError(field, "Role must be " + ROLES + "."));
            }
        }
        return this;
    }

    /** Expires a whole number of days (1 to 366) from {@code now}, as typed on the page. */
    public NewToken expiresInDays(String field, String days, Instant now) {
        long count;
        try {
            count = days == null ? -1 : Long.parseLong(days.strip());
        } catch (NumberFormatException e) {
            count = -1;
        }
        if (count < 1 || count > MOST_DAYS) {
            errors.add(new FieldError(field, "Give a whole number of days from 1 to " + MOST_DAYS + "."));
        } else {
            expiresAt = now.plus(Duration.ofDays(count)).truncatedTo(ChronoUnit.SECONDS);
        }
        return this;
    }

    /**
     * Expires at an ISO-8601 instant with its offset ({@code 2026-06-30T00:00:00Z}), in the future and at most
     * 366 days away; none given is {@value #DEFAULT_DAYS} days from {@code now}.
     */
    public NewToken expiresAt(String field, String instant, Instant now) {
        if (instant == null) {
            expiresAt = now.plus(Duration.ofDays(DEFAULT_DAYS)).truncatedTo(ChronoUnit.SECONDS);
            return this;
        }
        Instant parsed;
        try {
            parsed = OffsetDateTime.parse(instant.strip()).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, field + " must be an ISO-8601 date and time with its offset, such as "
                    + now.plus(Duration.ofDays(DEFAULT_DAYS)).truncatedTo(ChronoUnit.DAYS) + "."));
            return this;
        }
        ApiTokenService.refusedExpiry(parsed, now).ifPresentOrElse(
                refusal -> errors.add(new FieldError(field, refusal)),
                () -> expiresAt = parsed);
        return this;
    }

    /** What could not be read so far. */
    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /**
     * The details to issue a token with.
     *
     * @param validator checks the name and role when something else could not be read, so that their broken rules
     *                  are reported in the same answer
     * @throws InvalidInputException listing every field to correct, when something could not be read
     */
    public ApiToken details(Validator validator) {
        ApiToken details = new ApiToken(name, role, expiresAt);
        if (!errors.isEmpty()) {
            List<FieldError> all = new ArrayList<>(errors);
            Set<String> reported = errors.stream().map(FieldError::field).collect(Collectors.toSet());
            for (String property : List.of("name", "role")) {
                if (!reported.contains(property)) {
                    for (ConstraintViolation<ApiToken> broken : validator.validateProperty(details, property)) {
                        all.add(new FieldError(property, broken.getMessage()));
                    }
                }
            }
            all.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
            throw new InvalidInputException(all);
        }
        return details;
    }

    private static String roleList() {
        String[] ids = Arrays.stream(Role.values()).map(Role::id).toArray(String[]::new);
        return String.join(", ", Arrays.copyOf(ids, ids.length - 1)) + " or " + ids[ids.length - 1];
    }
}
