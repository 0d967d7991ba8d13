package org.studentregistry.service.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.service.InvalidInputException.FieldError;

import java.util.List;
import java.util.Map;

/**
 * The rules a password must meet, and its hashing by the platform's {@link Pbkdf2PasswordHash}
 * (PBKDF2 with HMAC-SHA512). The stored form names its algorithm and iteration count, so hashes made with a lower
 * count still verify after the count rises.
 *
 * <p>The count is {@value #DEFAULT_ITERATIONS} (OWASP's figure for HMAC-SHA512), or the setting
 * {@code registry.password.iterations} (system property, or {@code REGISTRY_PASSWORD_ITERATIONS}); a test server
 * may lower it to sign in quickly.
 */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    static final int DEFAULT_ITERATIONS = 210_000;
    /** The least Pbkdf2PasswordHash accepts. */
    static final int MIN_ITERATIONS = 1024;

    private Pbkdf2PasswordHash hash;
    /* A hash of no one's password, verified when a username is unknown so that the answer takes as long. */
    private String decoy;

    /** For CDI's proxy. */
    protected Passwords() {
    }

    @Inject
    public Passwords(Pbkdf2PasswordHash hash) {
        this.hash = hash;
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations()),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        this.decoy = hash.generate("no one's password".toCharArray());
    }

    /** The hash to store for a new password; a password that breaks the rules is refused on the given field. */
    public String hash(String field, String password) {
        check(field, password);
        return hash.generate(password.toCharArray());
    }

    /** Whether the password is the one whose hash is stored; a missing hash matches nothing, in the same time. */
    public boolean matches(String password, String storedHash) {
        if (password == null) {
            return false;
        }
        boolean matches = hash.verify(password.toCharArray(), storedHash == null ? decoy : storedHash);
        return storedHash != null && matches;
    }

    static void check(String field, String password) {
        String problem = null;
        if (password == null || password.isEmpty()) {
            problem = "Password is required.";
        } else if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            problem = "Password must be at least " + MIN_LENGTH + " characters.";
        } else if (password.length() > MAX_LENGTH) {
            problem = "Password must be at most " + MAX_LENGTH + " characters.";
        } else if (password.chars().anyMatch(Character::isISOControl)) {
            problem = "Password must be one line, without control characters.";
        } else if (password.isBlank()) {
            problem = "Password must not be only spaces.";
        }
        if (problem != null) {
            throw new InvalidInputException(List.of(new FieldError(field, problem)));
        }
    }

    private static int iterations() {
        String setting = System.getProperty("registry.password.iterations",
                System.getenv().getOrDefault("REGISTRY_PASSWORD_ITERATIONS", ""));
        if (setting.isBlank()) {
            return DEFAULT_ITERATIONS;
        }
        try {
            return Math.max(MIN_ITERATIONS, Integer.parseInt(setting.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("registry.password.iterations must be a whole number, not " + setting, e);
        }
    }
}
