package org.studentregistry.web.reliability;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.studentregistry.web.testing.DeployedApplicationTest;
import org.studentregistry.web.testing.Http;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.studentregistry.web.testing.Problems.assertProblem;

/**
 * Hostile and careless input at every REST endpoint and form: never a 500, never a stack trace, every refusal a
 * clear 4xx, nothing stored from a refused request, text stored exactly as sent, and HTML always escaped on pages.
 */
class BadInputIT extends DeployedApplicationTest {

    private static final String MEGABYTE = "x".repeat(1024 * 1024);
    private static final List<String> COLLECTIONS = List.of("api/students", "api/users", "api/books");
    private static final String SCRIPT = "<script>alert('x')</script>";

    private static final List<String> NOT_RECORDS = List.of(
            "{", "[]", "null", "\"text\"", "42", "{\"firstName\": }", "{\"username\": [1, 2]}",
            "{\"firstName\": {\"a\": 1}, \"lastName\": true, \"subject\": 3}",
            "{\"title\": [12], \"author\": {}}", "{\"version\": \"seven\", \"firstName\": \"A\"}",
            "{\"email\": 1e999}", "\u0000\u0001", "{}", "{\"unknown\": \"field\"}");

    @Test
    void malformedWronglyTypedAndMissingFieldsAreRefusedWith400AndStoreNothing() {
        for (String collection : COLLECTIONS) {
            long before = total(collection);
            for (String body : NOT_RECORDS) {
                assertClientError(http.post(collection, body), collection + " <- " + body);
            }
            long id = createSample(collection);
            for (String body : NOT_RECORDS) {
                assertClientError(http.put(collection + "/" + id, body), collection + "/" + id + " <- " + body);
            }
            assertEquals(before + 1, total(collection), collection + " stored a refused record");
        }
    }

    @Test
    void oneMegabyteStringsAndBodiesAreRefusedClearly() {
        assertProblem(http.post("api/students", Http.student(MEGABYTE, "Long", "Text")), 400);
        assertProblem(http.post("api/users", user(MEGABYTE, "long@example.org")), 400);
        assertProblem(http.post("api/books", book(MEGABYTE, "Someone")), 400);
        assertClientError(http.post("api/students", MEGABYTE), "a megabyte that is not JSON");
        HttpResponse<String> longSearch = http.get("api/students?q=" + "a".repeat(4000));
        assertEquals(200, longSearch.statusCode(), "a long search is a search that finds nothing");
        assertEquals("[]", longSearch.body());
        // 60 emoji are 120 UTF-16 units: over the 100-character column, refused rather than cut.
        assertProblem(http.post("api/students", Http.student("😀".repeat(60), "Emoji", "Text")), 400);
    }

    @Test
    void aNumberOrTrueWhereTextIsExpectedIsTakenAsItsText() {
        // JSON-B (Yasson) reads a JSON number or boolean into a text field as its text; arrays and objects it refuses.
        JsonObject created = Http.object(http.post("api/books", "{\"title\": 1984, \"author\": true}"));
        assertEquals("1984", created.getString("title"));
        assertEquals("true", created.getString("author"));
    }

    @Test
    void controlCharactersAreRefusedNamingTheField() {
        for (String bad : List.of("Tab\there", "New\nline", "Nul\u0000", "Bell\u0007", "C1\u0085")) {
            JsonObject problem = assertProblem(http.post("api/students", Http.student("Ada", bad, "Art")), 400);
            assertTrue(problem.toString().contains("lastName"), problem.toString());
            assertProblem(http.post("api/books", book(bad, "Someone")), 400);
        }
    }

    @Test
    void anyOtherTextIsStoredExactlyAsSent() {
        List<String> texts = List.of("Zoë Ångström", "😀👩‍👩‍👧 family", "עברית ومرحبا", "日本語のテキスト",
                "Robert'); DROP TABLE student; --", "' OR '1'='1", SCRIPT, "\"><img src=x onerror=alert(1)>",
                "a\\u0000b %s %n ${jndi:ldap://x} #{1+1}", "e\u0301 combining", "\u200Dzero width");
        for (String text : texts) {
            JsonObject created = Http.object(http.post("api/students", Http.student(text, text, text)));
            JsonObject read = Http.object(http.get("api/students/" + created.getJsonNumber("id").longValue()));
            assertEquals(text.strip(), read.getString("firstName"));
            assertEquals(text.strip(), read.getString("subject"));
            JsonObject book = Http.object(http.post("api/books", book(text, text)));
            assertEquals(text.strip(), Http.object(http.get("api/books/" + book.getJsonNumber("id").longValue()))
                    .getString("author"));
        }
        // Injection text in a search is a search for that text.
        assertEquals(200, http.get("api/students?q=" + encode("' OR 1=1 --")).statusCode());
        assertEquals(200, http.get("api/books?author=" + encode("x' OR 'a'='a")).statusCode());
        assertEquals(200, http.get("api/authors?q=" + encode("%_\\")).statusCode());
    }

    @Test
    void hugeNegativeAndNonsensePageParametersAnswer400OrAnEmptyPage() {
        for (String collection : List.of("api/students", "api/users", "api/books", "api/authors")) {
            for (String query : List.of("page=-1", "page=99999999999999999999", "page=1e3", "size=0", "size=-5",
                    "size=1000000", "size=abc")) {
                assertProblem(http.get(collection + "?" + query), 400);
            }
            if (!collection.equals("api/authors")) { // authors have one order, and no sort parameter
                for (String sort : List.of("nothing", "id,sideways", encode("id;DROP"))) {
                    assertProblem(http.get(collection + "?sort=" + sort), 400);
                }
            }
            HttpResponse<String> far = http.get(collection + "?page=" + (Long.MAX_VALUE / 1000) + "&size=100");
            assertEquals(200, far.statusCode(), far.body());
            assertEquals("[]", far.body().replace(" ", ""));
        }
    }

    @Test
    void negativeHugeAndNonNumericIdsAnswer404() {
        for (String collection : COLLECTIONS) {
            for (String id : List.of("-1", "0", "99999999999999999999", "abc", "1.5", encode("1 OR 1=1"))) {
                assertProblem(http.get(collection + "/" + id), 404);
                assertProblem(http.put(collection + "/" + id, "{}"), 404);
                assertProblem(http.delete(collection + "/" + id), 404);
            }
        }
    }

    @Test
    void pagesEscapeHtmlInStoredTextAndInTheirParameters() {
        String last = unique("Esc");
        long id = Http.object(http.post("api/students", Http.student(SCRIPT, last, "\"><b>bold</b>")))
                .getJsonNumber("id").longValue();
        http.post("api/books", book(SCRIPT, SCRIPT));
        for (String page : List.of("students?q=" + last, "students/edit?id=" + id, "students/delete?id=" + id,
                "books?author=" + encode(SCRIPT), "books?q=" + encode(SCRIPT), "students?q=" + encode(SCRIPT),
                "users?q=" + encode("\"><script>x</script>"))) {
            HttpResponse<String> response = http.get(page);
            assertEquals(200, response.statusCode(), page);
            assertFalse(response.body().contains("<script>alert"), page + " shows a script unescaped");
            assertFalse(response.body().contains("<b>bold</b>"), page + " shows markup unescaped");
            assertFalse(response.body().contains("<script>x</script>"), page + " reflects a script");
        }
        assertTrue(http.get("students?q=" + last).body().contains("&lt;script&gt;"), "the text is shown, escaped");
    }

    @Test
    void pagesAnswerNonsenseParametersWithoutAnError() {
        for (String page : List.of("students?page=-1", "students?page=99999999999999999999", "students?size=0",
                "students?sort=" + encode("id;DROP"), "students/edit?id=-1", "students/edit?id=abc",
                "students/delete?id=99999999999999999999", "books?author=" + "a".repeat(5000),
                "users?page=" + Long.MAX_VALUE)) {
            int status = http.get(page).statusCode();
            assertTrue(status == 200 || status == 404, page + " answered " + status);
        }
    }

    @Test
    void formsRefuseBadInputWithAMessageAndStoreNothing() {
        FormSession form = new FormSession();
        long before = total("api/students");
        for (String bad : List.of(MEGABYTE, "Tab\there", "Nul\u0000", " ", "😀".repeat(60))) {
            HttpResponse<String> answer = form.submit("students/new", "student",
                    Map.of("firstName", bad, "lastName", "Form", "subject", "Input"));
            assertEquals(200, answer.statusCode(), "the form is shown again");
            assertTrue(answer.body().contains("field-message"), "with a message beside the field");
            assertFalse(answer.body().contains("Exception"), "without an exception");
        }
        assertEquals(before, total("api/students"), "nothing stored from a refused form");

        String last = unique("Form");
        HttpResponse<String> saved = form.submit("students/new", "student",
                Map.of("firstName", SCRIPT, "lastName", last, "subject", "😀 日本語"));
        assertTrue(saved.statusCode() == 302 || saved.statusCode() == 303, "saved and redirected: " + saved.statusCode());
        JsonObject stored = Http.array(http.get("api/students?q=" + last)).getJsonObject(0);
        assertEquals(SCRIPT, stored.getString("firstName"));
        assertEquals("😀 日本語", stored.getString("subject"));
    }

    /* ---- helpers ---- */

    private static void assertClientError(HttpResponse<String> response, String what) {
        int status = response.statusCode();
        if (status < 400 || status >= 500) {
            fail(what + " answered " + status + ": " + response.body());
        }
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""), what);
        assertFalse(response.body().contains("Exception"), what + ": " + response.body());
    }

    private long total(String collection) {
        return Long.parseLong(http.get(collection + "?size=1").headers().firstValue("X-Total-Count").orElseThrow());
    }

    private long createSample(String collection) {
        String body = switch (collection) {
            case "api/students" -> Http.student("Sample", "Record", "Input");
            case "api/users" -> user(unique("u"), unique("e") + "@example.org");
            default -> book("Sample", "Record");
        };
        HttpResponse<String> created = http.post(collection, body);
        assertEquals(201, created.statusCode(), created.body());
        return Http.object(created).getJsonNumber("id").longValue();
    }

    private static String user(String username, String email) {
        return Json.createObjectBuilder().add("username", username).add("email", email).build().toString();
    }

    private static String book(String title, String author) {
        return Json.createObjectBuilder().add("title", title).add("author", author).build().toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A browser-less form user: keeps the session cookie and posts a Faces form back with its view state. */
    private final class FormSession {

        private final Http session = http.withCookies();

        HttpResponse<String> submit(String page, String form, Map<String, String> fields) {
            HttpResponse<String> shown = session.get(page);
            String viewState = match("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"", shown.body());
            String action = match("<form id=\"" + form + "\"[^>]*action=\"([^\"]+)\"", shown.body());
            Map<String, String> values = new LinkedHashMap<>();
            values.put(form, form);
            fields.forEach((name, value) -> values.put(form + ":" + name, value));
            values.put(form + ":save", "Save");
            values.put("jakarta.faces.ViewState", viewState.replace("&#58;", ":"));
            String body = values.entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"));
            return session.send(HttpRequest.newBuilder(session.uri(action.replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private static String match(String pattern, String html) {
            Matcher matcher = Pattern.compile(pattern).matcher(html);
            assertTrue(matcher.find(), "no match for " + pattern);
            return matcher.group(1);
        }
    }
}
