package org.studentregistry.web.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import org.junit.jupiter.api.Test;
import org.studentregistry.web.rest.book.BookJson;
import org.studentregistry.web.rest.problem.WrongValueKindException;
import org.studentregistry.web.rest.student.StudentJson;
import org.studentregistry.web.rest.user.UserJson;

import java.util.List;

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
        assertTrue(wrongKind(refused).getMessage().contains("a number"), refused.getMessage());
    }

    @Test
    void trueOrFalseIsReadOnlyFromJsonTrueAndFalseNotFromTheirSpellingOrANumber() {
        assertEquals(false, jsonb.fromJson("{\"username\": \"ada\", \"enabled\": false}", UserJson.class).enabled());
        assertNull(jsonb.fromJson("{\"username\": \"ada\", \"enabled\": null}", UserJson.class).enabled());
        // Read by their spelling, "yes" and 1 were false: an account disabled by a client meaning the opposite.
        for (String enabled : List.of("\"yes\"", "\"true\"", "1", "0", "[true]")) {
            JsonbException refused = assertThrows(JsonbException.class, () -> jsonb.fromJson(
                    "{\"username\": \"ada\", \"enabled\": " + enabled + "}", UserJson.class), enabled);
            assertTrue(wrongKind(refused).getMessage().contains("send true or false"), refused.getMessage());
        }
    }

    @Test
    void aVersionIsReadOnlyAsAnExactWholeNumber() {
        for (String exact : List.of("3", "3.0", "3e0", "0.3e1")) {
            assertEquals(3L, jsonb.fromJson(student("\"version\": " + exact), StudentJson.class).version(), exact);
        }
        // Read by the platform's default, 1.5 was version 1 and 1e30 an arbitrary large number.
        for (String inexact : List.of("1.5", "1e30", "9223372036854775808", "-1e-9999", "\"3\"", "true")) {
            JsonbException refused = assertThrows(JsonbException.class,
                    () -> jsonb.fromJson(student("\"version\": " + inexact), StudentJson.class), inexact);
            assertTrue(wrongKind(refused).getMessage().contains("send a whole number"), refused.getMessage());
        }
    }

    @Test
    void writingIsThePlatformsDefault() {
        assertEquals("{\"id\":7,\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"subject\":\"Maths\",\"version\":2}",
                jsonb.toJson(new StudentJson(7L, "Ada", "Lovelace", "Maths", 2L)));
    }

    private static String student(String extra) {
        return "{\"firstName\": \"Ada\", \"lastName\": \"Lovelace\", \"subject\": \"Maths\", " + extra + "}";
    }

    private void assertRefused(String body, String expected) {
        JsonbException refused = assertThrows(JsonbException.class, () -> jsonb.fromJson(body, StudentJson.class));
        assertTrue(wrongKind(refused).getMessage().contains(expected), refused.getMessage());
    }

    /* Yasson wraps what a deserializer throws in an exception of its own, naming the property. */
    private static Throwable wrongKind(Throwable refused) {
        for (Throwable t = refused; t != null; t = t.getCause()) {
            if (t instanceof WrongValueKindException) {
                return t;
            }
        }
        throw new AssertionError("not refused as a value of the wrong kind", refused);
    }
}
