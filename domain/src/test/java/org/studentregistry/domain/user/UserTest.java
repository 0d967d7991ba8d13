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
    @ValueSource(strings = {"ada", "Ada.Lovelace", "ada_1815", "a-b", "x234567890123456789012345678901234567890123456789z"})
    void usernamesOfThreeToFiftyLettersDigitsDotsUnderscoresAndHyphensAreValid(String username) {
        assertEquals(Set.of(), invalidFields(new User(username, "ada@example.org")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "ada lovelace", "ada@home", "<script>", "ädä", "x234567890123456789012345678901234567890123456789zz", "   "})
    void otherUsernamesAreInvalid(String username) {
        assertEquals(Set.of("username"), invalidFields(new User(username, "ada@example.org")));
    }

    @org.junit.jupiter.api.Test
    void aUsernameWithALetterBeyondAToZSaysWhichLettersAreAllowed() {
        // "Only letters" would puzzle someone whose ë is a letter.
        assertEquals(Set.of("Username may contain only the letters a to z (either case), digits, '.', '_' and '-'."),
                validator.validate(new User("zoë", "zoe@example.org")).stream()
                        .map(jakarta.validation.ConstraintViolation::getMessage).collect(Collectors.toSet()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-address", "ada@", "@example.org", " ", "ad\ud800a@example.org", "ada\n@example.org"})
    void emailsMustBeAddresses(String email) {
        assertEquals(Set.of("email"), invalidFields(new User("ada", email)));
    }

    @org.junit.jupiter.api.Test
    void usernameLimitsAreThreeAndFiftyThemselves() {
        assertEquals(Set.of(), invalidFields(new User("a".repeat(User.USERNAME_MIN), "ada@example.org")));
        assertEquals(Set.of(), invalidFields(new User("a".repeat(User.USERNAME_MAX), "ada@example.org")));
        assertEquals(Set.of("username"), invalidFields(new User("a".repeat(User.USERNAME_MIN - 1), "ada@example.org")));
        assertEquals(Set.of("username"), invalidFields(new User("a".repeat(User.USERNAME_MAX + 1), "ada@example.org")));
    }

    @org.junit.jupiter.api.Test
    void emailsAreLimitedTo254Characters() {
        // At the limit itself and one past it, each address otherwise valid (labels of at most 63 characters).
        String local = "a".repeat(64);
        String domain = ("d".repeat(60) + ".").repeat(3) + "org"; // 186 characters
        String atTheLimit = local + "@" + "x".repeat(2) + "." + domain;
        String onePast = local + "@" + "x".repeat(3) + "." + domain;
        assertEquals(254, atTheLimit.length());
        assertEquals(255, onePast.length());
        assertEquals(Set.of(), invalidFields(new User("ada", atTheLimit)));
        assertEquals(Set.of("email"), invalidFields(new User("ada", onePast)));
    }
}
