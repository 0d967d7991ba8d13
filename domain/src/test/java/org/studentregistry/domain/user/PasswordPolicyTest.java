package org.studentregistry.domain.user;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery", "0123456789", "🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑", "  padded password  "})
    void tenCharactersOnOneLineMayBeUsed(String password) {
        assertEquals(Optional.empty(), PasswordPolicy.problemWith(password));
    }

    @Test
    void eachRuleHasItsOwnSentence() {
        assertEquals(Optional.of("Password is required."), PasswordPolicy.problemWith(null));
        assertEquals(Optional.of("Password is required."), PasswordPolicy.problemWith(""));
        assertEquals(Optional.of("Password must be at least 10 characters."), PasswordPolicy.problemWith("123456789"));
        assertEquals(Optional.of("Password must be at most 128 characters."),
                PasswordPolicy.problemWith("x".repeat(PasswordPolicy.MAX_LENGTH + 1)));
        assertEquals(Optional.of("Password must be one line, without control characters."),
                PasswordPolicy.problemWith("ten chars\nbut two lines"));
        assertEquals(Optional.of("Password must not be only spaces."), PasswordPolicy.problemWith(" ".repeat(12)));
        String damaged = "Password must be valid text sent as UTF-8: it holds a lone surrogate or U+FFFD.";
        assertEquals(Optional.of(damaged), PasswordPolicy.problemWith("half a pair \ud800"));
        assertEquals(Optional.of(damaged), PasswordPolicy.problemWith("\udc00 other half"));
        assertEquals(Optional.of(damaged), PasswordPolicy.problemWith("caf\uFFFD au lait"));
        assertEquals(Optional.empty(), PasswordPolicy.problemWith("a whole pair \ud83d\udd11"));
    }

    @Test
    void theHashParametersArePbkdf2WithSha512AndTheSetIterations() {
        Map<String, String> parameters = PasswordPolicy.hashParameters();

        assertEquals("PBKDF2WithHmacSHA512", parameters.get("Pbkdf2PasswordHash.Algorithm"));
        assertEquals("32", parameters.get("Pbkdf2PasswordHash.SaltSizeBytes"));
        assertEquals("64", parameters.get("Pbkdf2PasswordHash.KeySizeBytes"));
        assertEquals(String.valueOf(PasswordPolicy.iterations()), parameters.get("Pbkdf2PasswordHash.Iterations"));
        assertTrue(PasswordPolicy.iterations() >= PasswordPolicy.MIN_ITERATIONS);
    }

    @Test
    void theIterationSettingIsReadAndNeverBelowTheMinimum() {
        String before = System.getProperty(PasswordPolicy.ITERATIONS_PROPERTY);
        try {
            System.setProperty(PasswordPolicy.ITERATIONS_PROPERTY, "5000");
            assertEquals(5000, PasswordPolicy.iterations());
            System.setProperty(PasswordPolicy.ITERATIONS_PROPERTY, "10");
            assertEquals(PasswordPolicy.MIN_ITERATIONS, PasswordPolicy.iterations());
        } finally {
            if (before == null) {
                System.clearProperty(PasswordPolicy.ITERATIONS_PROPERTY);
            } else {
                System.setProperty(PasswordPolicy.ITERATIONS_PROPERTY, before);
            }
        }
    }
}
