package org.studentregistry.domain.book;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BookTest {

    private static Map<String, String> violations(Book book) {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            return factory.getValidator().validate(book).stream().collect(Collectors.toMap(
                    v -> v.getPropertyPath().toString(), ConstraintViolation::getMessage));
        }
    }

    @Test
    void titleUpTo200AndAuthorUpTo100CharactersAreValid() {
        assertEquals(Map.of(), violations(new Book("t".repeat(200), " " + "a".repeat(100) + " ")));
    }

    @Test
    void bothAreRequiredAndLimited() {
        assertEquals(Map.of("title", "Title is required.", "author", "Author is required."), violations(new Book(" ", null)));
        assertEquals(Map.of("title", "Title must be at most 200 characters.", "author", "Author must be at most 100 characters."),
                violations(new Book("t".repeat(201), "a".repeat(101))));
    }
}
