package org.studentregistry.domain.shared;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A name or title: one line of text, without control characters (line breaks, tabs, NUL and the like). They have no
 * place in a name, and some of them cannot be written in an XHTML page at all.
 *
 * <p>It must also be valid Unicode: a lone surrogate (say, the JSON escape {@code "\\ud800"} alone) stands for
 * no character, and a database cannot store it as sent, so it is refused rather than silently replaced. Nor may it
 * hold U+FFFD, the replacement character: a decoder leaves it where bytes were not valid UTF-8 (a form or a body
 * sent in another encoding), so text holding it is not the text that was sent.
 */
@Documented
@Pattern(regexp = "[^\\p{Cc}]*", message = "{text.singleLine}")
@Pattern(regexp = "[^\\p{Cs}]*", message = "{text.unicode}")
@Pattern(regexp = "[^\\x{FFFD}]*", message = "{text.replacement}")
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface SingleLine {

    String message() default "{text.singleLine}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
