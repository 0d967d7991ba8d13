package org.studentregistry.service.user;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInAttemptsTest {

    private static final Duration LOCK = Duration.ofMinutes(15);

    /** A clock the test moves on by hand. */
    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-12-05T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final SignInAttempts attempts = new SignInAttempts(clock, LOCK);

    @Test
    void fiveFailuresLockAUsernameInAnyCaseUntilTheLockRunsOut() {
        for (int failure = 1; failure < SignInAttempts.USERNAME_LIMIT; failure++) {
            attempts.failed("Ada", "10.0.0." + failure);
        }
        assertFalse(attempts.isLocked("ada", "10.0.0.99"));
        Duration slowest = attempts.failed("ADA", "10.0.0.5");

        assertTrue(attempts.isLocked("ada", "10.0.0.99"), "locked whatever the address");
        assertFalse(attempts.isLocked("grace", "10.0.0.99"), "other accounts are not");
        assertEquals(Duration.ofSeconds(2), slowest, "each failure answered more slowly, up to two seconds");
        clock.now = clock.now.plus(LOCK);
        assertFalse(attempts.isLocked("ada", "10.0.0.99"), "the lock runs out");
    }

    @Test
    void signInsRefusedByALockNeitherProlongItNorWait() {
        for (int failure = 0; failure < SignInAttempts.USERNAME_LIMIT; failure++) {
            attempts.failed("ada", "10.0.0.1");
        }
        clock.now = clock.now.plus(Duration.ofMinutes(10));

        assertEquals(Duration.ZERO, attempts.failed("ada", "10.0.0.1"), "no password was checked, so no wait");
        clock.now = clock.now.plus(Duration.ofMinutes(5));
        assertFalse(attempts.isLocked("ada", "10.0.0.1"), "the lock ends when it was set to");
    }

    @Test
    void usernamesTriedFromALockedAddressAreNotCounted() {
        for (int failure = 0; failure < SignInAttempts.ADDRESS_LIMIT; failure++) {
            attempts.failed("guess" + failure, "10.0.0.1");
        }
        assertTrue(attempts.isLocked("grace", "10.0.0.1"), "the address is locked");
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        for (int failure = 0; failure < SignInAttempts.USERNAME_LIMIT; failure++) {
            attempts.failed("grace", "10.0.0.1");
        }
        clock.now = clock.now.plus(Duration.ofMinutes(14));

        assertFalse(attempts.isLocked("grace", "10.0.0.2"), "grace was never tried, only refused");
        assertFalse(attempts.isLocked("someone", "10.0.0.1"), "the address's lock has run out");
    }

    @Test
    void aLockOutIsLoggedOnOneLineWhateverTheUsernameHolds() {
        Logger logger = Logger.getLogger(SignInAttempts.class.getName());
        List<String> lines = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            for (int failure = 0; failure < SignInAttempts.USERNAME_LIMIT; failure++) {
                attempts.failed("mallory\nINFO: Signed in: root", "10.0.0.1");
            }
        } finally {
            logger.removeHandler(handler);
        }
        assertEquals(1, lines.size(), "the lock-out is logged once: " + lines);
        assertFalse(lines.get(0).contains("\n"), lines.get(0));
        assertTrue(lines.get(0).contains("'mallory?INFO: Signed in: root'"), lines.get(0));
    }
}
