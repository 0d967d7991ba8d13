package org.studentregistry.web.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;
import org.studentregistry.web.rest.book.BookJson;
import org.studentregistry.web.rest.problem.TextExpectedException;
import org.studentregistry.web.rest.student.StudentJson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API's JSON binding, with Yasson (the JSON-B implementation Payara and GlassFish use). */
class JsonBindingTest {

    private final Jsonb jsonb = new JsonBinding().getContext(StudentJson.class);

    @Test
    void textIsReadAsSentAndNullStaysNull() {
        StudentJson student = jsonb.fromJson(
                "{\"firstName\": \"1\", \"lastName\": \"true\", \"subject\": null, \"version\": 3}", StudentJson.class);
        assertEquals("1", student.firstName());
        assertEquals("true", student.lastName());
        assertNull(student.subject());
        assertEquals(3L, student.version());
    }

    @Test
    void aNumberOrABooleanWhereTextBelongsIsRefusedNotReadAsItsSpelling() {
        assertRefused("{\"firstName\": 1, \"lastName\": \"Lovelace\", \"subject\": \"Maths\"}", "a number (line 1");
        assertRefused("{\"firstName\": \"Ada\", \"lastName\": true, \"subject\": \"Maths\"}", "a boolean (line 1");
        assertRefused("{\"firstName\": \"Ada\", \"lastName\": \"Lovelace\", \"subject\": [\"Maths\"]}", "an array");
    }

    @Test
    void theRuleHoldsForEveryResourceNotOnlyStudents() {
        JsonbException refused = assertThrows(JsonbException.class,
                () -> jsonb.fromJson("{\"title\": 1.5e3, \"author\": \"Someone\"}", BookJson.class));
        assertTrue(textExpected(refused).getMessage().contains("a number"), refused.getMessage());
    }

    @Test
    void writingIsThePlatformsDefault() {
        assertEquals("{\"id\":7,\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"subject\":\"Maths\",\"version\":2}",
                jsonb.toJson(new StudentJson(7L, "Ada", "Lovelace", "Maths", 2L)));
    }

    private void assertRefused(String body, String expected) {
        JsonbException refused = assertThrows(JsonbException.class, () -> jsonb.fromJson(body, StudentJson.class));
        assertTrue(textExpected(refused).getMessage().contains(expected), refused.getMessage());
    }

    /* Yasson wraps what a deserializer throws in an exception of its own, naming the property. */
    private static Throwable textExpected(Throwable refused) {
        for (Throwable t = refused; t != null; t = t.getCause()) {
            if (t instanceof TextExpectedException) {
                return t;
            }
        }
        throw new AssertionError("not refused as text expected", refused);
    }
}
