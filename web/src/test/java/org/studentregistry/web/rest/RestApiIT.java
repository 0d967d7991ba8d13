package org.studentregistry.web.rest;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.studentregistry.web.testing.ApplicationDatabase;
import org.studentregistry.web.testing.DeployedApplicationTest;
import org.studentregistry.web.testing.FacesForm;
import org.studentregistry.web.testing.RunningServer;
import org.studentregistry.web.testing.Http;
import org.studentregistry.web.testing.ServerOutput;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.studentregistry.web.testing.Http.array;
import static org.studentregistry.web.testing.Http.link;
import static org.studentregistry.web.testing.Http.object;
import static org.studentregistry.web.testing.Http.student;
import static org.studentregistry.web.testing.Problems.assertProblem;

/**
 * The REST contract over HTTP, against the real WAR on a real Payara Micro with a real (file) Derby database:
 * every status code the API promises, plus the probes of the stack (/hello, readiness, OpenAPI), and what the
 * pages answer that needs no browser (status codes, sessions), so that it is tested where Chromium is missing too.
 */
class RestApiIT extends DeployedApplicationTest {

    /** A last name no other test uses, so searches see only this test's students. */
    private JsonObject create(String first, String last, String subject) {
        HttpResponse<String> response = http.post("api/students", student(first, last, subject));
        assertEquals(201, response.statusCode(), response.body());
        return object(response);
    }

    // --- probes of the stack

    @Test
    void helloAnswersPlainText() {
        HttpResponse<String> response = http.get("hello");
        assertEquals(200, response.statusCode());
        assertEquals("Hello, World!", response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    }

    @Test
    void readinessIsUpOnceMigrationsAreApplied() {
        HttpResponse<String> response = http.get("/health/ready");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("UP", object(response).getString("status"));
        assertTrue(response.body().contains("\"database\""), response.body());
    }

    @Test
    void openApiDocumentDescribesEveryResourceWhereTheServerHasMicroProfile() {
        HttpResponse<String> response = http.get("/openapi", "Accept", "application/json");
        if (!RunningServer.hasMicroProfile()) {
            assertEquals(404, response.statusCode(), RunningServer.name() + " has no MicroProfile OpenAPI");
            return;
        }
        assertEquals(200, response.statusCode());
        for (String path : List.of("/api/students/{id}", "/api/users/{id}", "/api/books/{id}", "/api/authors")) {
            assertTrue(response.body().contains(path), path + " in " + response.body());
        }
        assertTrue(response.body().contains("ignored"), "says what happens to an id sent in the body");
    }

    // --- create

    @Test
    void createAnswers201WithLocationAndTheStoredStudent() {
        HttpResponse<String> response = http.post("api/students",
                "{\"id\": 999999, \"version\": 7, \"firstName\": \"  Ada \", \"lastName\": \"Lovelace\", \"subject\": \"Mathematics\"}");

        assertEquals(201, response.statusCode(), response.body());
        JsonObject created = object(response);
        long id = created.getJsonNumber("id").longValue();
        assertTrue(id != 999999, "the id in the body is ignored");
        assertEquals("Ada", created.getString("firstName"));
        assertEquals(1, created.getInt("version"));
        String location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith("/api/students/" + id), location);
        assertEquals("\"1\"", response.headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void createWithInvalidFieldsAnswers400ListingEachField() {
        HttpResponse<String> response = http.post("api/students",
                "{\"firstName\": \" \", \"subject\": \"" + "x".repeat(101) + "\"}");

        assertProblem(response, 400);
        JsonArray errors = object(response).getJsonArray("errors");
        List<String> fields = errors.getValuesAs(JsonObject.class).stream().map(e -> e.getString("field")).toList();
        assertEquals(List.of("firstName", "lastName", "subject"), fields);
        assertEquals("Subject must be at most 100 characters.", errors.getJsonObject(2).getString("message"));
    }

    @Test
    void malformedJsonAnswers400() {
        assertProblem(http.post("api/students", "{\"firstName\": \"Ada\""), 400);
        assertProblem(http.post("api/students", "[1, 2]"), 400);
        assertProblem(http.post("api/students", "{\"firstName\": {\"nested\": true}}"), 400);
        assertProblem(http.post("api/students", ""), 400);
    }

    @Test
    void aBodyThatIsNotJsonAnswers415() {
        assertProblem(http.send(http.request("api/students").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("Ada Lovelace"))), 415);
    }

    // --- read

    @Test
    void getAnswersTheStudentWithItsVersionAsETag() {
        JsonObject created = create("Grace", "Hopper", "Navy");
        long id = created.getJsonNumber("id").longValue();

        HttpResponse<String> response = http.get("api/students/" + id);

        assertEquals(200, response.statusCode());
        assertEquals(created, object(response));
        assertEquals(List.of("id", "firstName", "lastName", "subject", "version"), List.copyOf(object(response).keySet()));
        assertEquals("\"1\"", response.headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void getWithTheCurrentETagAnswers304() {
        long id = create("Grace", "Hopper", "Navy").getJsonNumber("id").longValue();

        HttpResponse<String> response = http.get("api/students/" + id, "If-None-Match", "\"1\"");

        assertEquals(304, response.statusCode());
        assertEquals("", response.body());
        assertEquals(200, http.get("api/students/" + id, "If-None-Match", "\"0\"").statusCode());
    }

    @Test
    void unknownIdsAnswer404() {
        assertProblem(http.get("api/students/987654321"), 404);
        assertProblem(http.get("api/students/-1"), 404);
        assertProblem(http.get("api/students/not-a-number"), 404);
        assertProblem(http.put("api/students/987654321", student("A", "B", "C")), 404);
        assertProblem(http.delete("api/students/987654321"), 404);
    }

    // --- list

    @Test
    void listPagesWithTotalCountAndLinks() {
        String last = unique("Paged");
        for (int i = 0; i < 5; i++) {
            create("First" + i, last, "Subject");
        }

        HttpResponse<String> response = http.get("api/students?q=" + last + "&size=2&page=1&sort=firstName,desc");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("5", response.headers().firstValue("X-Total-Count").orElseThrow());
        assertEquals(List.of("First2", "First1"), array(response).getValuesAs(JsonObject.class).stream()
                .map(s -> s.getString("firstName")).toList());
        String links = String.join(", ", response.headers().allValues("Link"));
        for (String rel : List.of("first", "prev", "next", "last")) {
            assertTrue(links.contains("rel=\"" + rel + "\""), links);
        }
        assertTrue(links.matches(".*page=2[^>]*>; rel=\"last\".*"), links);

        HttpResponse<String> next = http.get(link(response, "next"));
        assertEquals(List.of("First0"), firstNames(next));
        assertFalse(String.join(", ", next.headers().allValues("Link")).contains("rel=\"next\""));
        HttpResponse<String> previous = http.get(link(response, "prev"));
        assertEquals(List.of("First4", "First3"), firstNames(previous));
        assertFalse(String.join(", ", previous.headers().allValues("Link")).contains("rel=\"prev\""));
    }

    @Test
    void followingNextLinksReadsEveryRowOnceWhileAnotherClientAddsRowsBefore() {
        String last = unique("Walked");
        for (int i = 0; i < 7; i++) {
            create("F" + i, last, "Subject");
        }
        List<String> seen = new ArrayList<>();
        HttpResponse<String> page = http.get("api/students?q=" + last + "&size=3&sort=firstName");
        seen.addAll(firstNames(page));
        create("A-added-before", last, "Subject");
        while (link(page, "next") != null) {
            page = http.get(link(page, "next"));
            assertEquals(200, page.statusCode(), page.body());
            seen.addAll(firstNames(page));
        }
        assertEquals(List.of("F0", "F1", "F2", "F3", "F4", "F5", "F6"), seen);
        assertEquals("8", page.headers().firstValue("X-Total-Count").orElseThrow());
    }

    @Test
    void aCursorThatIsNotFromThisListIs400NamingIt() {
        for (String query : List.of("after=nonsense!", "before=" + Base64.getUrlEncoder()
                .encodeToString("lastName\n1\nx".getBytes(StandardCharsets.UTF_8)))) {
            HttpResponse<String> response = http.get("api/students?" + query);
            assertEquals(400, response.statusCode(), response.body());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(response.body().contains(query.substring(0, query.indexOf('='))), response.body());
        }
        assertEquals(400, http.get("api/students?after=a&before=b").statusCode());
    }

    private static List<String> firstNames(HttpResponse<String> response) {
        return array(response).getValuesAs(JsonObject.class).stream().map(s -> s.getString("firstName")).toList();
    }

    @Test
    void searchIsACaseInsensitivePrefixOfFirstOrLastName() {
        String last = unique("Search");
        create("Zelda", last, "History");
        create(last + "x", "Other", "History");

        HttpResponse<String> response = http.get("api/students?q=" + last.toUpperCase() + "&sort=lastName,asc");

        assertEquals("2", response.headers().firstValue("X-Total-Count").orElseThrow());
        assertEquals("Other", array(response).getJsonObject(0).getString("lastName"));
    }

    @Test
    void badListParametersAnswer400() {
        assertProblem(http.get("api/students?size=0"), 400);
        assertProblem(http.get("api/students?size=101"), 400);
        assertProblem(http.get("api/students?page=-1"), 400);
        assertProblem(http.get("api/students?page=abc"), 400);
        assertProblem(http.get("api/students?sort=createdAt"), 400);
        assertProblem(http.get("api/students?sort=lastName,sideways"), 400);
    }

    @Test
    void namesSortIgnoringCase() {
        String last = unique("Case");
        // In code-point order "Bob" comes before "ada"; ignoring case, between "ada" and "carl".
        create("Bob", last, "Subject");
        create("ada", last, "Subject");
        create("carl", last, "Subject");

        assertEquals(List.of("ada", "Bob", "carl"), firstNames("api/students?q=" + last + "&sort=firstName,asc"));
        assertEquals(List.of("carl", "Bob", "ada"), firstNames("api/students?q=" + last + "&sort=firstName,desc"));

        String first = unique("case");
        create(first, "bell", "Subject");
        create(first, "Adams", "Subject");
        create(first, "curie", "Subject");
        assertEquals(List.of("Adams", "bell", "curie"), array(http.get("api/students?q=" + first + "&sort=lastName"))
                .getValuesAs(JsonObject.class).stream().map(s -> s.getString("lastName")).toList());
    }

    @Test
    void studentsSortOnSubjectBothWays() {
        String last = unique("Subjects");
        create("One", last, "beta");
        create("Two", last, "gamma");
        create("Three", last, "alpha");

        assertEquals(List.of("Three", "One", "Two"), firstNames("api/students?q=" + last + "&sort=subject,asc"));
        assertEquals(List.of("Two", "One", "Three"), firstNames("api/students?q=" + last + "&sort=subject,desc"));
    }

    private List<String> firstNames(String path) {
        HttpResponse<String> response = http.get(path);
        assertEquals(200, response.statusCode(), response.body());
        return array(response).getValuesAs(JsonObject.class).stream().map(s -> s.getString("firstName")).toList();
    }

    @Test
    void aPageBeyondTheEndIsEmpty() {
        HttpResponse<String> response = http.get("api/students?page=99999999999&size=100");
        assertEquals(200, response.statusCode());
        assertEquals(0, array(response).size());
    }

    // --- update

    @Test
    void updateAnswers200WithTheNewVersionAndETag() {
        long id = create("Ada", "Lovelace", "Mathematics").getJsonNumber("id").longValue();

        HttpResponse<String> response = http.put("api/students/" + id,
                "{\"firstName\": \"Ada\", \"lastName\": \"King\", \"subject\": \"Poetry\", \"version\": 1}");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(2, object(response).getInt("version"));
        assertEquals("King", object(response).getString("lastName"));
        assertEquals("\"2\"", response.headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void updateWithAStaleIfMatchAnswers412AndChangesNothing() {
        long id = create("Ada", "Lovelace", "Mathematics").getJsonNumber("id").longValue();
        assertEquals(200, http.put("api/students/" + id, student("Ada", "King", "Poetry"), "If-Match", "\"1\"").statusCode());

        assertProblem(http.put("api/students/" + id, student("Ada", "Byron", "Poetry"), "If-Match", "\"1\""), 412);

        assertEquals("King", ApplicationDatabase.row("student", id).get("last_name"), "as stored in the database");
    }

    @Test
    void updateWithAStaleVersionInTheBodyAnswers409AndChangesNothing() {
        long id = create("Ada", "Lovelace", "Mathematics").getJsonNumber("id").longValue();
        http.put("api/students/" + id, student("Ada", "King", "Poetry"));

        assertProblem(http.put("api/students/" + id,
                "{\"firstName\": \"Ada\", \"lastName\": \"Byron\", \"subject\": \"Poetry\", \"version\": 1}"), 409);

        assertEquals("King", ApplicationDatabase.row("student", id).get("last_name"), "as stored in the database");
    }

    @Test
    void updateWithInvalidFieldsAnswers400AndChangesNothing() {
        long id = create("Ada", "Lovelace", "Mathematics").getJsonNumber("id").longValue();

        assertProblem(http.put("api/students/" + id, student("Ada", "", "Poetry")), 400);
        assertProblem(http.put("api/students/" + id, "{\"version\": \"one\"}"), 400);

        Map<String, Object> stored = ApplicationDatabase.row("student", id);
        assertEquals(List.of("Ada", "Lovelace", "Mathematics", 1L), List.of(stored.get("first_name"),
                stored.get("last_name"), stored.get("subject"), ((Number) stored.get("version")).longValue()));
    }

    // --- delete

    @Test
    void deleteAnswers204AndTheStudentIsGone() {
        long id = create("Ada", "Lovelace", "Mathematics").getJsonNumber("id").longValue();

        HttpResponse<String> response = http.delete("api/students/" + id);

        assertEquals(204, response.statusCode());
        assertEquals(404, http.get("api/students/" + id).statusCode());
        assertEquals(Map.of(), ApplicationDatabase.row("student", id), "the row is gone from the database");
    }

    @Test
    void deleteWithAStaleIfMatchAnswers412AndKeepsTheStudent() {
        long id = create("Ada", "Lovelace", "Mathematics").getJsonNumber("id").longValue();
        http.put("api/students/" + id, student("Ada", "King", "Poetry"));

        assertProblem(http.delete("api/students/" + id, "If-Match", "\"1\""), 412);
        assertEquals(204, http.delete("api/students/" + id, "If-Match", "\"2\"").statusCode());
    }

    // --- the rest of HTTP

    @Test
    void wrongMethodsAndPathsAreProblemsToo() {
        assertProblem(http.send(http.request("api/students").method("PATCH",
                HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json")), 405);
        assertProblem(http.get("api/nothing-here"), 404);
        assertProblem(http.get("api/students/1", "Accept", "text/html"), 406);
    }

    @Test
    void malformedPreconditionsAre400ProblemsOnEveryResource() {
        for (String path : List.of("api/students", "api/users", "api/books")) {
            String body = switch (path) {
                case "api/users" -> "{\"username\":\"" + unique("u") + "\",\"email\":\"" + unique("e") + "@example.org\"}";
                case "api/books" -> "{\"title\":\"T\",\"author\":\"A\"}";
                default -> student("Ada", "Lovelace", "Mathematics");
            };
            HttpResponse<String> created = http.post(path, body);
            assertEquals(201, created.statusCode(), created.body());
            String record = path + "/" + object(created).getJsonNumber("id").longValue();
            for (String tag : List.of("garbage", "\"abc", "W/", "\"1\" \"2\"")) {
                JsonObject problem = assertProblem(http.put(record, body, "If-Match", tag), 400);
                assertTrue(problem.getString("detail").contains("If-Match"), problem.toString());
                assertProblem(http.delete(record, "If-Match", tag), 400);
                assertProblem(http.get(record, "If-None-Match", tag), 400);
            }
            assertEquals(1, object(http.get(record)).getInt("version"), "nothing changed by refused requests");
        }
    }

    @Test
    void headersTheRuntimeCannotReadAreProblemsNotServerPages() {
        assertProblem(http.get("api/students", "Accept", "garbage;;q=x"), 400);
        assertProblem(http.send(http.request("api/students")
                .POST(HttpRequest.BodyPublishers.ofString(student("Ada", "Lovelace", "Mathematics")))), 415);
        assertProblem(http.send(http.request("api/students").header("Content-Type", "garbage")
                .POST(HttpRequest.BodyPublishers.ofString(student("Ada", "Lovelace", "Mathematics")))), 400);
        assertProblem(http.send(http.request("api/students").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("Ada"))), 415);
        assertProblem(http.get("api"), 404);
    }

    @Test
    void optionsNamesTheAllowedMethodsWithoutDescribingTheRuntime() {
        HttpResponse<String> response = http.send(http.request("api/students/1")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertTrue(response.statusCode() < 300, "status " + response.statusCode());
        assertTrue(response.headers().firstValue("Allow").orElse("").contains("PUT"), response.headers().toString());
        assertFalse(response.body().contains("wadl"), response.body());
        assertProblem(http.get("api/application.wadl"), 404);
    }

    @Test
    void anOverlongAddressGetsNoServerPageNorStackTrace() {
        HttpResponse<String> response = http.get("api/students/" + "9".repeat(70_000));
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, "status " + response.statusCode());
        assertFalse(response.body().toLowerCase(java.util.Locale.ROOT).contains("<html"), response.body());
        assertFalse(response.body().contains("Exception"), response.body());
    }

    @Test
    void loneSurrogatesAreRefusedWith400NamingTheFieldAndNothingIsStored() {
        String name = unique("Surrogate");
        JsonObject problem = assertProblem(http.post("api/students",
                "{\"firstName\":\"" + name + "\\ud800\",\"lastName\":\"\\udc00x\",\"subject\":\"M\"}"), 400);
        assertEquals(List.of("firstName", "lastName"), problem.getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field")).sorted().toList());
        assertTrue(problem.toString().contains("valid Unicode"), problem.toString());
        assertEquals(0, array(http.get("api/students?q=" + name)).size());

        assertProblem(http.post("api/users", "{\"username\":\"" + unique("u") + "\",\"email\":\"a\\ud800@example.org\"}"), 400);
        assertProblem(http.post("api/books", "{\"title\":\"\\udfff\",\"author\":\"A\"}"), 400);
        JsonObject paired = object(http.post("api/students",
                "{\"firstName\":\"" + name + "\\ud83d\\ude00\",\"lastName\":\"L\",\"subject\":\"M\"}"));
        assertEquals(name + "\ud83d\ude00", paired.getString("firstName"), "a pair is one character, kept");
    }

    @Test
    void textRoundTripsExactly() {
        String name = "Zoë 😀 <b>&amp;</b> ' OR 1=1; --";
        JsonObject created = object(http.post("api/students", Json.createObjectBuilder()
                .add("firstName", name).add("lastName", "Ünïcödé").add("subject", "日本語").build().toString()));

        long id = created.getJsonNumber("id").longValue();
        Map<String, Object> stored = ApplicationDatabase.row("student", id);
        assertEquals(name, stored.get("first_name"));
        assertEquals("Ünïcödé", stored.get("last_name"));
        assertEquals("日本語", stored.get("subject"));
        assertEquals(1L, ((Number) stored.get("version")).longValue());
        JsonObject read = object(http.get("api/students/" + id));
        assertEquals(Json.createObjectBuilder().add("id", id).add("firstName", name).add("lastName", "Ünïcödé")
                .add("subject", "日本語").add("version", 1).build(), read);
        assertNotNull(read.getJsonNumber("version"));
    }

    // --- pages over plain HTTP

    @Test
    void pagesThatOnlyShowKeepNoSessionForTheirVisitors() {
        // The forms keep theirs (server-side view state); every page without one, the 404 page too, keeps none.
        // (Payara's JSESSIONIDVERSION, the version of a replicated session, is not a session.)
        for (String page : List.of("", "students", "students?page=1&sort=lastName,desc", "users", "books",
                "no-such-page")) {
            HttpResponse<String> shown = http.get(page);
            assertTrue(shown.statusCode() == 200 || shown.statusCode() == 404, page + " " + shown.statusCode());
            assertTrue(shown.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID=")),
                    "/" + page + " started a session: " + shown.headers().allValues("Set-Cookie"));
        }
    }

    @Test
    void anUnreadableListAddressShowsTheFirstPageWithANote() {
        for (String query : List.of("page=zz", "sort=password", "page=-3&sort=lastName,sideways")) {
            HttpResponse<String> response = http.get("students?" + query);
            assertEquals(200, response.statusCode(), query);
            assertTrue(response.body().contains("That list address was not understood"), query);
            assertTrue(response.body().contains("Page 1 of"), query);
        }
    }

    @Test
    void unknownRecordsAndAddressesGetTheNotFoundPageWithStatus404() {
        for (String path : List.of("students/edit?id=987654321", "students/delete?id=987654321",
                "students/edit?id=abc", "users/edit?id=987654321", "books/delete?id=987654321", "no-such-page")) {
            HttpResponse<String> response = http.get(path);
            assertEquals(404, response.statusCode(), path);
            assertTrue(response.body().contains("id=\"not-found\""), path + ": " + response.body());
            assertFalse(response.body().contains("Exception"), path);
        }
    }

    @Test
    void aFailureShowsAnApologyWithAnIncidentIdAndNoStackTraceAndIsLogged() throws Exception {
        // A real failure deep in the persistence layer: the student table cannot be read for the moment.
        String last = unique("Failing");
        create("Ada", last, "Locks");
        try (ServerOutput server = ServerOutput.capture()) {
            List<HttpResponse<String>> answers = whileUnreadable("student", "subject",
                    () -> List.of(http.get("students?q=" + last), http.get("api/students?q=" + last)));
            HttpResponse<String> page = answers.get(0);
            HttpResponse<String> api = answers.get(1);

            assertEquals(500, page.statusCode(), page.body());
            assertTrue(page.body().contains("id=\"server-error\""), "the apology page: " + page.body());
            assertFalse(page.body().contains("Exception"), page.body());
            assertFalse(page.body().contains("\tat ") || page.body().contains(".java:"), "no stack trace: " + page.body());
            String pageIncident = incident(page.body());
            JsonObject problem = assertProblem(api, 500);
            String apiIncident = incident(problem.getString("detail"));
            // The log is at hand where Arquillian runs the server (Payara Micro): each incident is in it.
            if (RunningServer.url().isEmpty()) {
                server.awaitContaining(pageIncident, Duration.ofSeconds(20));
                server.awaitContaining(apiIncident, Duration.ofSeconds(20));
            }
        }
        assertEquals(200, http.get("students?q=" + last).statusCode(), "the registry works again once the lock is gone");
    }

    @Test
    void aFailureWhileCheckingATokenIsAnsweredAsProblemDetailsWithAnIncident() throws Exception {
        HttpResponse<String> api = whileUnreadable("api_token", "secret_hash", () -> http.get("api/students"));
        JsonObject problem = assertProblem(api, 500);
        incident(problem.getString("detail"));
        assertEquals(200, http.get("api/students").statusCode(), "the token is accepted again once it can be read");
    }

    /*
     * A change that meets a lock it may not wait for, again and again, is given up after a few seconds and answered
     * 503 to send again, not 500.
     */
    @Test
    void aChangeThatKeepsMeetingLocksIsAnswered503ToSendAgain() throws Exception {
        assumeDerby();
        long id = create("Ada", unique("Busy"), "Locks").getJsonNumber("id").longValue();

        // Held in share mode: the change's read of the record goes through, its write waits.
        HttpResponse<String> answer = whileLockedOnDerby("student", "SHARE",
                () -> http.put("api/students/" + id, student("Ada", "Waited", "Locks"), "If-Match", "\"1\""));

        JsonObject problem = assertProblem(answer, 503);
        assertEquals("urn:student-registry:problem:write-conflict", problem.getString("type"));
        assertEquals("1", answer.headers().firstValue("Retry-After").orElse(""));
        assertEquals(200, http.put("api/students/" + id, student("Ada", "Waited", "Locks"), "If-Match", "\"1\"")
                .statusCode(), "the same change, sent again once the lock is gone, is saved");
    }

    /* On a record's form, a change given up so is a message beside the form, and the record stays as it was. */
    @Test
    void aFormChangeThatKeepsMeetingLocksSaysNothingWasSaved() throws Exception {
        assumeDerby();
        String last = unique("Busy");
        long id = create("Ada", last, "Locks").getJsonNumber("id").longValue();

        HttpResponse<String> form = whileLockedOnDerby("student", "SHARE", () -> FacesForm.submit(http,
                "students/edit?id=" + id, "student", "save",
                Map.of("firstName", "Ada", "lastName", "Waited", "subject", "Locks")));

        assertEquals(200, form.statusCode(), form.body());
        assertTrue(form.body().contains("nothing was saved. Try again in a moment."), form.body());
        assertEquals(last, object(http.get("api/students/" + id)).getString("lastName"));
    }

    /* On a page, a change given up so (here: a token to issue, whose page has no form message for it) says so. */
    @Test
    void aPageChangeThatKeepsMeetingLocksSaysNotSavedTryAgain() throws Exception {
        assumeDerby();
        String name = unique("Busy");

        HttpResponse<String> page = whileLockedOnDerby("api_token", "SHARE", () -> FacesForm.submit(http,
                "tokens/new", "token", "issue", Map.of("name", name, "role", "viewer", "days", "30")));

        assertEquals(503, page.statusCode(), page.body());
        assertTrue(page.body().contains("id=\"busy\""), "the page says it was not saved: " + page.body());
        assertEquals("1", page.headers().firstValue("Retry-After").orElse(""));
        assertFalse(http.get("tokens").body().contains(name), "no token was issued");
    }

    /* Locks are provoked on Derby, whose lock timeout a test can shorten for the running application. */
    private static void assumeDerby() throws SQLException {
        try (Connection lock = ApplicationDatabase.connect()) {
            assumeTrue(lock.getMetaData().getDatabaseProductName().startsWith("Apache Derby"),
                    "provoked on Derby only: PostgreSQL waits for a lock as long as it takes unless told otherwise");
        }
    }

    /*
     * The answers to requests sent while a table cannot be read: on Derby it stays locked longer than the application
     * may wait for it; on PostgreSQL, where readers do not wait for a lock, a column the application reads is renamed
     * away for the moment.
     */
    private static <R> R whileUnreadable(String table, String column, Callable<R> requests) throws Exception {
        try (Connection lock = ApplicationDatabase.connect(); Statement statement = lock.createStatement()) {
            if (lock.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                statement.execute("ALTER TABLE " + table + " RENAME COLUMN " + column + " TO " + column + "_away");
                try {
                    return requests.call();
                } finally {
                    statement.execute("ALTER TABLE " + table + " RENAME COLUMN " + column + "_away TO " + column);
                }
            }
        }
        return whileLockedOnDerby(table, "EXCLUSIVE", requests);
    }

    /*
     * The answers to requests sent while a Derby table is locked (SHARE: against writes; EXCLUSIVE: against reads
     * too) for longer than Derby lets them wait (one second here).
     */
    private static <R> R whileLockedOnDerby(String table, String mode, Callable<R> requests) throws Exception {
        try (Connection lock = ApplicationDatabase.connect(); Statement statement = lock.createStatement()) {
            statement.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '1')");
            lock.setAutoCommit(false);
            try {
                statement.execute("LOCK TABLE " + table + " IN " + mode + " MODE");
                return requests.call();
            } finally {
                lock.rollback();
                lock.setAutoCommit(true);
                statement.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', NULL)");
            }
        }
    }

    private static String incident(String text) {
        Matcher incident = Pattern.compile("[Ii]ncident:? ?(?:<[^>]+>)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})")
                .matcher(text);
        assertTrue(incident.find(), "an incident id to quote in " + text);
        return incident.group(1);
    }
}
