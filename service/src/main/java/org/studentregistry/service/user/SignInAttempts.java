package org.studentregistry.service.user;

import jakarta.enterprise.context.ApplicationScoped;
import org.studentregistry.domain.shared.Settings;
import org.studentregistry.service.Logged;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Failed sign-ins, counted per username and per client address: each failure makes the next answer slower, and
 * after {@value #USERNAME_LIMIT} failures for one username (known or not, so that a lock-out tells nothing about
 * which accounts exist) or {@value #ADDRESS_LIMIT} from one address, sign-ins from there are refused for a while
 * (15 minutes, or the setting {@code registry.signin.lock-seconds}). A success clears its username's count.
 *
 * <p>The counts live in this process: they bound guessing against one node, and are lost on restart.
 */
@ApplicationScoped
public class SignInAttempts {

    static final int USERNAME_LIMIT = 5;
    static final int ADDRESS_LIMIT = 20;
    private static final Duration FIRST_DELAY = Duration.ofMillis(250);
    private static final Duration LONGEST_DELAY = Duration.ofSeconds(2);
    private static final int PRUNE_ABOVE = 10_000;
    private static final Logger LOG = Logger.getLogger(SignInAttempts.class.getName());

    private final Clock clock;
    private final Duration lockTime;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public SignInAttempts() {
        this(Clock.systemUTC(), lockTimeSetting());
    }

    SignInAttempts(Clock clock, Duration lockTime) {
        this.clock = clock;
        this.lockTime = lockTime;
    }

    /** Whether sign-ins for this username or from this address are refused now, whatever the password. */
    public boolean isLocked(String username, String address) {
        Instant now = clock.instant();
        return lockedAt(usernameKey(username), now) || lockedAt(addressKey(address), now);
    }

    /**
     * Counts a failure and says how long to wait before answering it: the answer to a wrong password and to an
     * unknown username is the same, and as slow. A sign-in refused by a lock is not counted and not slowed: it
     * checked no password, so it neither prolongs the lock nor makes this address hold a request thread or add
     * usernames to the counts while it lasts.
     */
    public Duration failed(String username, String address) {
        if (isLocked(username, address)) {
            return Duration.ZERO;
        }
        Instant now = clock.instant();
        int forUsername = count(usernameKey(username), USERNAME_LIMIT, now);
        int fromAddress = count(addressKey(address), ADDRESS_LIMIT, now);
        if (forUsername == USERNAME_LIMIT) {
            LOG.warning(() -> "Sign-in locked for username " + Logged.text(username) + " after " + USERNAME_LIMIT
                    + " failures, for " + lockTime.toSeconds() + " s (last from " + Logged.text(address) + ")");
        }
        if (fromAddress == ADDRESS_LIMIT) {
            LOG.warning(() -> "Sign-in locked for address " + Logged.text(address) + " after " + ADDRESS_LIMIT
                    + " failures, for " + lockTime.toSeconds() + " s");
        }
        int worst = Math.max(forUsername, fromAddress);
        long delay = FIRST_DELAY.toMillis() << Math.min(worst - 1, 10);
        return Duration.ofMillis(Math.min(delay, LONGEST_DELAY.toMillis()));
    }

    public void succeeded(String username) {
        failures.remove(usernameKey(username));
    }

    private boolean lockedAt(String key, Instant now) {
        Failures entry = failures.get(key);
        return entry != null && entry.lockedUntil != null && now.isBefore(entry.lockedUntil);
    }

    private int count(String key, int limit, Instant now) {
        if (failures.size() > PRUNE_ABOVE) {
            failures.values().removeIf(entry -> entry.last.plus(lockTime).isBefore(now));
        }
        Failures entry = failures.compute(key, (k, old) -> {
            // A lock that has run out starts the count again.
            boolean expired = old == null || old.last.plus(lockTime).isBefore(now)
                    || (old.lockedUntil != null && !now.isBefore(old.lockedUntil));
            int count = expired ? 1 : old.count + 1;
            return new Failures(count, now, count >= limit ? now.plus(lockTime) : null);
        });
        return entry.count;
    }

    private static String usernameKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private static Duration lockTimeSetting() {
        return Duration.ofSeconds(Settings.number("registry.signin.lock-seconds", 900));
    }

    private record Failures(int count, Instant last, Instant lockedUntil) {
    }
}
