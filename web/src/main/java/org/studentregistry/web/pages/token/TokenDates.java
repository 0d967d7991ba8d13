package org.studentregistry.web.pages.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The times of tokens as the pages show them, in UTC to the minute: {@code 2026-06-30 14:05 UTC}. */
@Named
@ApplicationScoped
public class TokenDates {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** A time, or nothing for none. */
    public String at(Instant instant) {
        return format(instant, "");
    }

    /** When a token was last used, or "never". */
    public String lastUsed(Instant instant) {
        return format(instant, "never");
    }

    /** Whether a time has passed: an expiry, say. */
    public boolean isPast(Instant instant) {
        return instant != null && !Instant.now().isBefore(instant);
    }

    static String format(Instant instant, String none) {
        return instant == null ? none : MINUTES.format(instant);
    }
}
