package org.studentregistry.domain.user;

import org.studentregistry.domain.shared.Settings;
import org.studentregistry.domain.shared.Text;

import java.util.Map;
import java.util.Optional;

/**
 * The one place that says what a password must be and how it is hashed, for the application and the
 * {@code registry-db} command line alike.
 *
 * <p>Hashing is Jakarta Security's {@code Pbkdf2PasswordHash} (PBKDF2 with HMAC-SHA512); this class only gives the
 * parameters it is initialised with ({@link #hashParameters()}), so the domain needs no security implementation. The
 * stored form names its algorithm and iteration count, so hashes made with a lower count still verify after the
 * count rises.
 *
 * <p>The count is {@value #DEFAULT_ITERATIONS} (OWASP's figure for HMAC-SHA512), or the setting
 * {@value #ITERATIONS_PROPERTY} (system property, or the environment variable REGISTRY_PASSWORD_ITERATIONS); a test
 * may lower it to hash quickly, never below {@value #MIN_ITERATIONS}.
 */
public final class PasswordPolicy {

    /** The fewest characters (code points, so that an emoji counts as one). */
    public static final int MIN_LENGTH = 10;
    /** The most characters (UTF-16 units, as the forms count them). */
    public static final int MAX_LENGTH = 128;

    public static final String ALGORITHM = "PBKDF2WithHmacSHA512";
    public static final int DEFAULT_ITERATIONS = 210_000;
    /** The least Pbkdf2PasswordHash accepts. */
    public static final int MIN_ITERATIONS = 1024;
    public static final int SALT_SIZE_BYTES = 32;
    public static final int KEY_SIZE_BYTES = 64;

    /** The setting (see {@link Settings}) that raises or, for tests, lowers the iteration count. */
    public static final String ITERATIONS_PROPERTY = "registry.password.iterations";

    private PasswordPolicy() {
    }

    /** What is wrong with this password, in one sentence; empty when it may be used. */
    public static Optional<String> problemWith(String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Password is required.");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("Password must be at least " + MIN_LENGTH + " characters.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("Password must be at most " + MAX_LENGTH + " characters.");
        }
        if (Text.holdsControlCharacter(password)) {
            return Optional.of("Password must be one line, without control characters.");
        }
        if (password.isBlank()) {
            return Optional.of("Password must not be only spaces.");
        }
        // The hash takes the password's UTF-8 bytes, where a lone surrogate becomes '?': "\ud800..." and
        // "\udc00..." would be one password. U+FFFD marks bytes a decoder could not read: not what was typed.
        if (password.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE || c == 0xFFFD)) {
            return Optional.of("Password must be valid text sent as UTF-8: it holds a lone surrogate or U+FFFD.");
        }
        return Optional.empty();
    }

    /** The parameters to initialise a {@code Pbkdf2PasswordHash} with, the iteration count read from the setting. */
    public static Map<String, String> hashParameters() {
        return Map.of(
                "Pbkdf2PasswordHash.Algorithm", ALGORITHM,
                "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations()),
                "Pbkdf2PasswordHash.SaltSizeBytes", String.valueOf(SALT_SIZE_BYTES),
                "Pbkdf2PasswordHash.KeySizeBytes", String.valueOf(KEY_SIZE_BYTES));
    }

    /**
     * The iteration count: the setting, raised to {@value #MIN_ITERATIONS} if lower, or {@value #DEFAULT_ITERATIONS}
     * without one.
     *
     * @throws IllegalStateException when the setting is not a whole number
     */
    public static int iterations() {
        return (int) Math.max(MIN_ITERATIONS, Math.min(Integer.MAX_VALUE,
                Settings.number(ITERATIONS_PROPERTY, DEFAULT_ITERATIONS)));
    }
}
