package org.studentregistry.service;

import jakarta.validation.ConstraintViolation;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The input breaks the domain's rules; each broken rule names its field and says what is wrong in words. */
public class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** One broken rule: the field (a property name, as clients send it) and a message for people. */
    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super(errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields are invalid.");
        this.errors = List.copyOf(errors);
    }

    public static InvalidInputException of(Set<? extends ConstraintViolation<?>> violations) {
        return new InvalidInputException(violations.stream()
                .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList());
    }

    public List<FieldError> errors() {
        return errors;
    }
}
