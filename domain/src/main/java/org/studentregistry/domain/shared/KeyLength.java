package org.studentregistry.domain.shared;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;

/**
 * Text whose lower-cased copy (the {@code *_key} column the database computes, for matching whatever the case) fits
 * in {@code max} characters as well as the text itself (put beside {@code @Size(max)}). Lower-casing can lengthen
 * text: Derby, like Java, lowers "İ" (U+0130) to two characters, and a key that outgrows its column fails the whole
 * insert.
 */
@Documented
@Constraint(validatedBy = KeyLength.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface KeyLength {

    int max();

    String message() default "{text.keyLength}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KeyLength, String> {

        private int max;

        @Override
        public void initialize(KeyLength constraint) {
            max = constraint.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            // Text already over the limit is @Size's to refuse: one message is enough.
            return value == null || value.length() > max || value.toLowerCase(Locale.ROOT).length() <= max;
        }
    }
}
