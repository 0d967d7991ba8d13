package org.studentregistry.domain.user;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UserTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void startValidation() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void stopValidation() {
        factory.close();
    }

    private static Set<String> invalidFields(User user) {
        return validator.validate(user).stream().map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada", "Ada.Lovelace", "ada_1815", "a-b", "x23456789012345678901234567890123456789012345678z"})
    void usernamesOfThreeToFiftyLettersDigitsDotsUnderscoresAndHyphensAreValid(String username) {
        assertEquals(Set.of(), invalidFields(new User(username, "ada@example.org")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "ada lovelace", "ada@home", "<script>", "ädä", "x234567890123456789012345678901234567890123456789zz", "   "})
    void otherUsernamesAreInvalid(String username) {
        assertEquals(Set.of("username"), invalidFields(new User(username, "ada@example.org")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-address", "ada@", "@example.org", " ", "ad\ud800a@example.org", "ada\n@example.org"})
    void emailsMustBeAddresses(String email) {
        assertEquals(Set.of("email"), invalidFields(new User("ada", email)));
    }

    @org.junit.jupiter.api.Test
    void emailsAreLimitedTo254Characters() {
        String local = "a".repeat(64);
        String domain = ("d".repeat(60) + ".").repeat(3) + "org";
        assertEquals(Set.of(), invalidFields(new User("ada", local + "@" + domain)));
        assertEquals(Set.of("email"), invalidFields(new User("ada", local + "@" + "x".repeat(10) + "." + domain)));
    }
}
