package org.studentregistry.domain.student;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.studentregistry.domain.shared.StoredEntities.asStored;

class StudentTest {

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

    private static Map<String, String> violations(Student student) {
        return validator.validate(student).stream().collect(Collectors.toMap(
                v -> v.getPropertyPath().toString(), ConstraintViolation::getMessage));
    }

    @Test
    void aStudentWithNameAndSubjectIsValid() {
        assertTrue(violations(new Student("Ada", "Lovelace", "Mathematics")).isEmpty());
    }

    @Test
    void surroundingWhiteSpaceIsStrippedAsFieldsAreSet() {
        Student student = new Student("  Ada\t", "\u2003Lovelace ", "\nMathematics\n");

        assertEquals("Ada", student.getFirstName());
        assertEquals("Lovelace", student.getLastName());
        assertEquals("Mathematics", student.getSubject());
    }

    @Test
    void everyFieldIsRequiredAndBlankCountsAsMissing() {
        Map<String, String> violations = violations(new Student(null, "   ", ""));

        assertEquals(Map.of(
                "firstName", "First name is required.",
                "lastName", "Last name is required.",
                "subject", "Subject is required."), violations);
    }

    @Test
    void controlCharactersInsideAFieldAreRefusedButAnyOtherUnicodeIsKept() {
        Student student = new Student("Zoë\u0000", "Line\nBreak", "Tab\there");

        Map<String, String> found = violations(student);
        assertEquals(3, found.size(), found.toString());
        assertTrue(found.get("lastName").contains("one line of text"), found.toString());
        assertTrue(violations(new Student("Zoë 😀", "אבג", "日本語 \u200D")).isEmpty());
    }

    @Test
    void loneSurrogatesAreRefusedAsInvalidUnicodeButPairedOnesAreKept() {
        Map<String, String> found = violations(new Student("\ud800", "x\udc00y", "Music"));

        assertEquals(2, found.size(), found.toString());
        assertTrue(found.get("firstName").contains("valid Unicode"), found.toString());
        assertTrue(found.get("lastName").contains("valid Unicode"), found.toString());
        assertTrue(violations(new Student("\ud83d\ude00", "Lovelace", "Music")).isEmpty());
    }

    @Test
    void theReplacementCharacterIsRefusedAsTextThatWasNotSentAsUtf8() {
        // "Zo\uFFFD" is what a UTF-8 decoder makes of "Zoë" sent in ISO-8859-1.
        Map<String, String> found = violations(new Student("Zo\uFFFD", "Lovelace", "Music"));

        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get("firstName").contains("sent as UTF-8"), found.toString());
    }

    @Test
    void fieldsAreLimitedTo100CharactersAfterStripping() {
        String hundred = "x".repeat(100);
        assertTrue(violations(new Student(" " + hundred + " ", hundred, hundred)).isEmpty());

        Map<String, String> violations = violations(new Student(hundred + "y", hundred, hundred));
        assertEquals(Map.of("firstName", "First name must be at most 100 characters."), violations);
    }

    @Test
    void nullStaysNullSoThatItIsReportedAsMissing() {
        assertNull(new Student(null, null, null).getFirstName());
    }

    @Test
    void copyingDetailsLeavesIdentityAndVersionAlone() {
        Student stored = asStored(new Student("Ada", "Lovelace", "Mathematics"), 7, 3);
        Student changes = asStored(new Student("Ada", "King", "Poetry"), 99, 8);

        stored.copyDetailsFrom(changes);

        assertEquals(7L, stored.getId());
        assertEquals(3, stored.getVersion());
        assertEquals("King", stored.getLastName());
        assertEquals("Poetry", stored.getSubject());
    }

    @Test
    void aNameWhoseLowerCasedKeyWouldOutgrowItsColumnIsRefused() {
        // "İ" is one character, lowered to two ("i" and a combining dot) by Java and Derby.
        Student fits = new Student("Ada", "İ".repeat(Student.MAX_LENGTH / 2), "Maths");
        Student outgrows = new Student("Ada", "İ".repeat(Student.MAX_LENGTH / 2 + 1), "Maths");

        assertTrue(violations(fits).isEmpty(), violations(fits).toString());
        assertTrue(violations(outgrows).get("lastName").contains("once lower-cased"), violations(outgrows).toString());
    }
}
