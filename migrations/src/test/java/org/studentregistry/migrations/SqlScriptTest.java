package org.studentregistry.migrations;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A script is cut into statements at the semicolons between them, not at those inside quotes or a function's body. */
class SqlScriptTest {

    @Test
    void commentsGoAndQuotedSemicolonsStay() {
        SqlScript script = new SqlScript("V1", """
                -- a comment; with a semicolon
                INSERT INTO t VALUES ('a;b', 'it''s; here'); -- and another
                CREATE TABLE "odd;name" (id INT);
                """);

        assertEquals(List.of("INSERT INTO t VALUES ('a;b', 'it''s; here')", "CREATE TABLE \"odd;name\" (id INT)"),
                script.statements());
    }

    @Test
    void aDollarQuotedFunctionBodyIsOneStatement() {
        String function = """
                CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE t SET n = n + 1; -- counted
                    RETURN NULL;
                END;
                $$""";
        String tagged = "DO $body$ BEGIN PERFORM 1; END $body$";
        SqlScript script = new SqlScript("V8", function + ";\n" + tagged + ";\nSELECT 1;");

        // Whole, with what looks like a comment inside it: the body is the database's to read.
        assertEquals(List.of(function, tagged, "SELECT 1"), script.statements());
    }
}
