package org.studentregistry.web.reliability;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.studentregistry.web.testing.ApplicationDatabase;
import org.studentregistry.web.testing.DeployedApplicationTest;
import org.studentregistry.web.testing.FacesForm;
import org.studentregistry.web.testing.Http;
import org.studentregistry.web.testing.TestAccounts;

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
 * clear 4xx (400 where the README promises it), nothing stored from a refused request, text stored exactly as sent,
 * and HTML always escaped on pages. What is stored is read from the database itself ({@link ApplicationDatabase}).
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
                assertBadRequest(http.post(collection, body), collection + " <- " + body);
            }
            long id = createSample(collection);
            for (String body : NOT_RECORDS) {
                assertBadRequest(http.put(collection + "/" + id, body), collection + "/" + id + " <- " + body);
            }
            assertEquals(before + 1, total(collection), collection + " stored a refused record");
        }
    }

    @Test
    void numbersAndBooleansWhereTextBelongsAreRefusedNotStoredAsTheirSpelling() {
        String name = unique("typed");
        Map<String, String> bodies = Map.of(
                "api/students", "{\"firstName\": 1, \"lastName\": \"" + name + "\", \"subject\": \"Maths\"}",
                "api/users", "{\"username\": \"" + name + "\", \"email\": true}",
                "api/books", "{\"title\": 1.5e3, \"author\": \"" + name + "\"}");
        bodies.forEach((collection, body) -> {
            long before = total(collection);
            HttpResponse<String> refused = http.post(collection, body);
            assertBadRequest(refused, collection + " <- " + body);
            assertTrue(Http.object(refused).getString("detail").contains("text is sent as a JSON string"),
                    refused.body());
            long id = createSample(collection);
            assertBadRequest(http.put(collection + "/" + id, body), collection + "/" + id + " <- " + body);
            assertEquals(before + 1, total(collection), collection + " stored a refused record");
        });
    }

    @Test
    void flagsAndVersionsOfTheWrongKindAreRefusedNotReadByTheirSpelling() {
        long users = total("api/users");
        String name = unique("flag");
        // Read by its spelling, "yes" was false: an account made disabled by a client that meant the opposite.
        JsonObject refused = assertProblem(http.post("api/users", "{\"username\": \"" + name + "\", \"email\": \""
                + name + "@example.org\", \"enabled\": \"yes\"}"), 400);
        assertTrue(refused.getString("detail").contains("send true or false"), refused.toString());
        assertEquals(users, total("api/users"), "no account from a refused body");

        long user = createSample("api/users");
        JsonObject account = Http.object(http.get("api/users/" + user));
        for (String enabled : List.of("0", "\"false\"", "\"no\"")) {
            assertProblem(http.put("api/users/" + user, "{\"username\": \"" + account.getString("username")
                    + "\", \"email\": \"" + account.getString("email") + "\", \"enabled\": " + enabled + "}"), 400);
        }
        assertEquals(account, Http.object(http.get("api/users/" + user)), "the account is unchanged");

        long student = createSample("api/students");
        JsonObject stored = Http.object(http.get("api/students/" + student));
        // Read by the platform's default, 1.5 was taken for version 1 and 1e30 for an arbitrary number.
        for (String version : List.of("1.5", "1e30", "\"1\"")) {
            JsonObject problem = assertProblem(http.put("api/students/" + student,
                    "{\"firstName\": \"Changed\", \"lastName\": \"Record\", \"subject\": \"Input\", \"version\": "
                            + version + "}"), 400);
            assertTrue(problem.getString("detail").contains("send a whole number"), problem.toString());
        }
        assertEquals(stored, Http.object(http.get("api/students/" + student)), "the student is unchanged");
    }

    @Test
    void aPasswordTheHashWouldReadAsAnotherIsRefused() {
        long user = createSample("api/users");
        assertEquals(204, http.put("api/users/" + user + "/password", "{\"password\": \"the first password\"}")
                .statusCode());
        Object hash = ApplicationDatabase.row("users", user).get("password_hash");
        // Hashed as UTF-8, a lone surrogate is '?': "\ud800" and "\udc00" would open the same account.
        for (String password : List.of("\\ud800 and ten more", "\\udc00 and ten more", "caf\uFFFD au lait")) {
            JsonObject refused = assertProblem(http.put("api/users/" + user + "/password",
                    "{\"password\": \"" + password + "\"}"), 400);
            assertTrue(refused.toString().contains("valid text sent as UTF-8"), refused.toString());
        }
        assertEquals(hash, ApplicationDatabase.row("users", user).get("password_hash"), "the password is unchanged");
    }

    @Test
    void oneMegabyteStringsAndBodiesAreRefusedClearly() {
        assertProblem(http.post("api/students", Http.student(MEGABYTE, "Long", "Text")), 400);
        assertProblem(http.post("api/users", user(MEGABYTE, "long@example.org")), 400);
        assertProblem(http.post("api/books", book(MEGABYTE, "Someone")), 400);
        assertBadRequest(http.post("api/students", MEGABYTE), "a megabyte that is not JSON");
        HttpResponse<String> longSearch = http.get("api/students?q=" + "a".repeat(4000));
        assertEquals(200, longSearch.statusCode(), "a long search is a search that finds nothing");
        assertEquals("[]", longSearch.body());
        // 60 emoji are 120 UTF-16 units: over the 100-character column, refused rather than cut.
        assertProblem(http.post("api/students", Http.student("😀".repeat(60), "Emoji", "Text")), 400);
        // 60 "İ" fit the column, but Derby lowers each to two characters: its 120-character key would not.
        JsonObject dotted = assertProblem(http.post("api/students", Http.student("Ada", "İ".repeat(60), "Text")), 400);
        assertTrue(dotted.toString().contains("lastName"), dotted.toString());
        assertProblem(http.post("api/books", Http.book("İ".repeat(110), "Someone")), 400);
    }

    @Test
    void oneMegabyteStringsInAnUpdateAreRefusedAndChangeNothing() {
        for (String collection : COLLECTIONS) {
            long id = createSample(collection);
            JsonObject before = Http.object(http.get(collection + "/" + id));
            String body = switch (collection) {
                case "api/students" -> Http.student("Sample", MEGABYTE, "Input");
                case "api/users" -> user(before.getString("username"), MEGABYTE + "@example.org");
                default -> book(MEGABYTE, "Record");
            };
            assertProblem(http.put(collection + "/" + id, body), 400);
            assertProblem(http.put(collection + "/" + id, body, "If-Match", "\"1\""), 400);
            assertEquals(before, Http.object(http.get(collection + "/" + id)), collection + " changed by a refused update");
        }
    }

    @Test
    void extraFieldsBesideValidOnesAreIgnoredAndOnlyTheRecordIsStored() {
        String last = unique("Extra");
        HttpResponse<String> created = http.post("api/students", "{\"firstName\": \"Ada\", \"nickname\": \"Countess\","
                + " \"lastName\": \"" + last + "\", \"subject\": \"Maths\", \"admin\": true, \"tags\": [1, {\"a\": null}],"
                + " \"createdAt\": \"1815-12-10T00:00:00Z\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonObject student = Http.object(created);
        assertEquals(List.of("id", "firstName", "lastName", "subject", "version"), List.copyOf(student.keySet()));
        long id = student.getJsonNumber("id").longValue();
        assertEquals(Json.createObjectBuilder().add("id", id).add("firstName", "Ada").add("lastName", last)
                .add("subject", "Maths").add("version", 1).build(), Http.object(http.get("api/students/" + id)));

        HttpResponse<String> updated = http.put("api/students/" + id, "{\"firstName\": \"Ada\", \"lastName\": \""
                + last + "\", \"subject\": \"Poetry\", \"version\": 1, \"unknown\": {\"deep\": [1, 2]}}");
        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals("Poetry", Http.object(http.get("api/students/" + id)).getString("subject"));

        String name = unique("extra");
        HttpResponse<String> user = http.post("api/users", "{\"username\": \"" + name + "\", \"email\": \"" + name
                + "@example.org\", \"passwordHash\": \"PBKDF2WithHmacSHA512:1024:AAAA:AAAA\", \"role\": \"admin\"}");
        assertEquals(201, user.statusCode(), user.body());
        assertEquals(List.of("id", "username", "email", "roles", "enabled", "version"),
                List.copyOf(Http.object(user).keySet()));
        assertEquals(0, Http.object(user).getJsonArray("roles").size(), "no role from an unknown field");
        assertEquals(null, ApplicationDatabase.row("users", Http.object(user).getJsonNumber("id").longValue())
                .get("password_hash"), "no password hash from the request");
        HttpResponse<String> book = http.post("api/books", "{\"title\": \"Emma\", \"author\": \"" + last
                + "\", \"isbn\": 12345, \"pages\": [474]}");
        assertEquals(201, book.statusCode(), book.body());
        assertEquals(List.of("id", "title", "author", "version"), List.copyOf(Http.object(book).keySet()));
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
            // Each field different, so that a field stored in another's column would show.
            String first = text + " 1";
            String last = "2 " + text;
            String subject = text.strip();
            HttpResponse<String> created = http.post("api/students", Http.student(first, last, subject));
            assertEquals(201, created.statusCode(), created.body());
            long id = Http.object(created).getJsonNumber("id").longValue();
            // Read from the database itself, not through the application and its caches.
            Map<String, Object> row = ApplicationDatabase.row("student", id);
            assertEquals(first.strip(), row.get("first_name"), text);
            assertEquals(last.strip(), row.get("last_name"), text);
            assertEquals(subject, row.get("subject"), text);
            JsonObject read = Http.object(http.get("api/students/" + id));
            assertEquals(List.of(first.strip(), last.strip(), subject), List.of(read.getString("firstName"),
                    read.getString("lastName"), read.getString("subject")), "and answered as stored");

            HttpResponse<String> book = http.post("api/books", book(text + " title", "author " + text));
            assertEquals(201, book.statusCode(), book.body());
            Map<String, Object> bookRow = ApplicationDatabase.row("book", Http.object(book).getJsonNumber("id").longValue());
            assertEquals((text + " title").strip(), bookRow.get("title"), text);
            assertEquals(("author " + text).strip(), bookRow.get("author"), text);
        }
        // Injection text in a search is a search for that text.
        assertEquals(200, http.get("api/students?q=" + encode("' OR 1=1 --")).statusCode());
        assertEquals(200, http.get("api/books?author=" + encode("x' OR 'a'='a")).statusCode());
        assertEquals(200, http.get("api/authors?q=" + encode("%_\\")).statusCode());
    }

    @Test
    void textNotSentAsUtf8IsRefusedRatherThanStoredAsOtherText() {
        String last = unique("Latin");
        byte[] latin1 = Http.student("Zoë", last, "Art").getBytes(StandardCharsets.ISO_8859_1);
        // Valid UTF-8 by chance: "Ã©" in ISO-8859-1 has the bytes of "é" in UTF-8.
        byte[] latin1LikeUtf8 = Http.student("Ã©", last, "Art").getBytes(StandardCharsets.ISO_8859_1);
        long before = total("api/students");

        JsonObject undeclared = assertProblem(postBytes("api/students", "application/json", latin1), 400);
        assertTrue(undeclared.toString().contains("firstName") && undeclared.toString().contains("UTF-8"),
                undeclared.toString());
        for (String charset : List.of("ISO-8859-1", "windows-1252", "UTF-16", "no-such-charset")) {
            JsonObject declared = assertProblem(
                    postBytes("api/students", "application/json; charset=" + charset, latin1LikeUtf8), 415);
            assertTrue(declared.getString("detail").contains("UTF-8"), declared.toString());
        }
        long id = createSample("api/students");
        JsonObject stored = Http.object(http.get("api/students/" + id));
        assertProblem(http.send(http.request("api/students/" + id)
                .header("Content-Type", "application/json; charset=ISO-8859-1")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(latin1))), 415);
        assertEquals(before + 1, total("api/students"), "nothing stored from a body in another encoding");
        assertEquals(stored, Http.object(http.get("api/students/" + id)), "the record is unchanged");

        for (String charset : List.of("UTF-8", "utf-8", "utf8", "\"UTF-8\"")) {
            HttpResponse<String> created = postBytes("api/students", "application/json; charset=" + charset,
                    Http.student("Zoë", last, charset).getBytes(StandardCharsets.UTF_8));
            assertEquals(201, created.statusCode(), charset + ": " + created.body());
            assertEquals("Zoë", ApplicationDatabase.row("student", Http.object(created).getJsonNumber("id")
                    .longValue()).get("first_name"), charset);
        }
    }

    @Test
    void hugeNegativeAndNonsensePageParametersAnswer400OrAnEmptyPage() {
        for (String collection : List.of("api/students", "api/users", "api/books", "api/authors")) {
            for (String query : List.of("page=-1", "page=99999999999999999999", "page=1e3", "size=0", "size=-5",
                    "size=1000000", "size=abc")) {
                assertProblem(http.get(collection + "?" + query), 400);
            }
            if (!collection.equals("api/authors")) { // authors have one order, paged by number alone
                for (String sort : List.of("nothing", "id,sideways", encode("id;DROP"))) {
                    assertProblem(http.get(collection + "?sort=" + sort), 400);
                }
                for (String cursor : List.of("after=%25%25", "before=bm90IGEgY3Vyc29y", "after=a&before=b")) {
                    assertProblem(http.get(collection + "?" + cursor), 400);
                }
            }
            HttpResponse<String> far = http.get(collection + "?page=" + (Long.MAX_VALUE / 1000) + "&size=100");
            assertEquals(200, far.statusCode(), far.body());
            assertEquals("[]", far.body().replace(" ", ""));
        }
    }

    @Test
    void aSearchForTextWithAControlCharacterFindsNothing() {
        // No stored text holds one (fields refuse them), and PostgreSQL refused a NUL as a parameter: a 500 there.
        for (String search : List.of("api/students?q=a%00b", "api/users?q=%00", "api/books?q=%00",
                "api/books?author=x%00", "api/authors?q=%00", "api/students?q=a%09b")) {
            HttpResponse<String> found = http.get(search);
            assertEquals(200, found.statusCode(), search + ": " + found.body());
            assertEquals("[]", found.body(), search);
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
        String title = SCRIPT + unique(" ");
        HttpResponse<String> book = http.post("api/books", book(title, SCRIPT));
        assertEquals(201, book.statusCode(), "the book whose escaping is tested exists: " + book.body());
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
        // The pages above that list the book show it, escaped, rather than passing because it is absent.
        for (String page : List.of("books?author=" + encode(SCRIPT), "books?q=" + encode(title))) {
            String body = http.get(page).body();
            assertTrue(body.contains(title.substring(SCRIPT.length()).strip()), page + " lists the book");
            assertTrue(body.contains("&lt;script&gt;alert("), page + " shows the title escaped");
        }
    }

    @Test
    void pagesAnswerNonsenseParametersWithoutAnError() {
        for (String page : List.of("students?page=-1", "students?page=99999999999999999999", "students?size=0",
                "students?sort=" + encode("id;DROP"), "students/edit?id=-1", "students/edit?id=abc",
                "students/delete?id=99999999999999999999", "books?author=" + "a".repeat(5000),
                "users?page=" + Long.MAX_VALUE, "books?authors=" + Long.MAX_VALUE, "books?authors=-3",
                // A NUL, which PostgreSQL refused as a query parameter (a 500 there): no stored text holds one.
                "students?q=a%00b", "books?q=%00", "books?author=x%00", "users?q=%00")) {
            int status = http.get(page).statusCode();
            assertTrue(status == 200 || status == 404, page + " answered " + status);
        }
    }

    /** A form of the pages, filled in validly, and the record it edits ({@code null} for a new one). */
    private record Form(String page, String form, String collection, Long id, Map<String, String> valid,
                        Map<String, Integer> maxLength) {
    }

    @Test
    void everyFormRefusesBadInputWithAMessageBesideTheFieldAndStoresNothing() {
        long student = createSample("api/students");
        long user = createSample("api/users");
        long book = createSample("api/books");
        JsonObject storedUser = Http.object(http.get("api/users/" + user));
        String name = unique("form");
        List<Form> forms = List.of(
                new Form("students/new", "student", "api/students", null,
                        Map.of("firstName", "Ada", "lastName", "Form", "subject", "Input"),
                        Map.of("firstName", 100, "lastName", 100, "subject", 100)),
                new Form("students/edit?id=" + student, "student", "api/students", student,
                        Map.of("firstName", "Ada", "lastName", "Form", "subject", "Input"),
                        Map.of("firstName", 100, "lastName", 100, "subject", 100)),
                new Form("users/new", "user", "api/users", null,
                        Map.of("username", name, "email", name + "@example.org"),
                        Map.of("username", 50, "email", 254)),
                new Form("users/edit?id=" + user, "user", "api/users", user,
                        Map.of("username", storedUser.getString("username"), "email", storedUser.getString("email")),
                        Map.of("username", 50, "email", 254)),
                new Form("books/new", "book", "api/books", null,
                        Map.of("title", "Form", "author", "Input"), Map.of("title", 200, "author", 100)),
                new Form("books/edit?id=" + book, "book", "api/books", book,
                        Map.of("title", "Form", "author", "Input"), Map.of("title", 200, "author", 100)));
        FormSession session = new FormSession();
        for (Form form : forms) {
            long before = total(form.collection());
            JsonObject record = form.id() == null ? null : Http.object(http.get(form.collection() + "/" + form.id()));
            for (String field : form.valid().keySet()) {
                // Emoji are two UTF-16 units each: one more than half the limit is over it.
                // "Zo\uFFFD": what the server's decoder makes of "Zoë" posted in ISO-8859-1.
                for (String bad : List.of(MEGABYTE, "Tab\there", "Nul\u0000", "C1\u0085", " ", "Zo\uFFFD",
                        "😀".repeat(form.maxLength().get(field) / 2 + 1))) {
                    Map<String, String> fields = new LinkedHashMap<>(form.valid());
                    fields.put(field, bad);
                    String what = form.page() + " " + field + " <- " + bad.substring(0, Math.min(bad.length(), 12));
                    HttpResponse<String> answer = session.submit(form.page(), form.form(), fields);
                    assertEquals(200, answer.statusCode(), what + ": the form is shown again");
                    assertFalse(fieldMessage(answer.body(), form.form(), field).isBlank(),
                            what + ": a message beside the field");
                    assertFalse(answer.body().contains("Exception"), what + ": without an exception");
                }
            }
            assertEquals(before, total(form.collection()), form.page() + ": nothing stored from a refused form");
            if (record != null) {
                assertEquals(record, Http.object(http.get(form.collection() + "/" + form.id())),
                        form.page() + ": the record is unchanged");
            }
        }

        // And a valid form in the same session is saved.
        String last = unique("Form");
        HttpResponse<String> saved = session.submit("students/new", "student",
                Map.of("firstName", SCRIPT, "lastName", last, "subject", "😀 日本語"));
        assertTrue(saved.statusCode() == 302 || saved.statusCode() == 303, "saved and redirected: " + saved.statusCode()
                + " " + saved.body().replaceAll("(?s).*<main", "<main").replaceAll("(?s)</main>.*", ""));
        JsonObject listed = Http.array(http.get("api/students?q=" + last)).getJsonObject(0);
        Map<String, Object> stored = ApplicationDatabase.row("student", listed.getJsonNumber("id").longValue());
        assertEquals(SCRIPT, stored.get("first_name"));
        assertEquals(last, stored.get("last_name"));
        assertEquals("😀 日本語", stored.get("subject"));
    }

    /* ---- helpers ---- */

    /* The README promises 400 for malformed JSON, wrong types and invalid fields: exactly that, as a problem. */
    private static void assertBadRequest(HttpResponse<String> response, String what) {
        if (response.statusCode() != 400) {
            fail(what + " answered " + response.statusCode() + ", not 400: " + response.body());
        }
        assertProblem(response, 400);
    }

    private HttpResponse<String> postBytes(String path, String contentType, byte[] body) {
        return http.send(http.request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** The text beside a field of a Faces form, or "" when there is none. */
    private static String fieldMessage(String html, String form, String field) {
        Matcher matcher = Pattern.compile("<span[^>]*id=\"" + form + ":" + field + "-message\"[^>]*>([^<]*)</span>")
                .matcher(html);
        return matcher.find() ? matcher.group(1) : "";
    }

    /* The rows of the collection's table, counted in the database: not the count the application keeps. */
    private static long total(String collection) {
        return ApplicationDatabase.count(switch (collection) {
            case "api/students" -> "student";
            case "api/users" -> "users";
            case "api/books" -> "book";
            default -> throw new IllegalArgumentException(collection);
        });
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

    /** A browser-less form user: the admin in a session of its own, posting Faces forms back with their view state. */
    private final class FormSession {

        private final Http session = TestAccounts.signIn(anonymous, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);

        HttpResponse<String> submit(String page, String form, Map<String, String> fields) {
            return FacesForm.submit(session, page, form, "save", fields);
        }
    }
}
