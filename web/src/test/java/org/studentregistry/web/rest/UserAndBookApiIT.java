package org.studentregistry.web.rest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.studentregistry.web.testing.DeployedApplicationTest;
import org.studentregistry.web.testing.Http;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.studentregistry.web.testing.Http.array;
import static org.studentregistry.web.testing.Http.book;
import static org.studentregistry.web.testing.Http.encode;
import static org.studentregistry.web.testing.Http.object;
import static org.studentregistry.web.testing.Problems.assertProblem;

/**
 * {@code /api/users}, {@code /api/books} and {@code /api/authors} over HTTP on the real WAR: the conventions they
 * share with students, and what is theirs (unique users, all books by an author, the authors list).
 */
class UserAndBookApiIT extends DeployedApplicationTest {

    private static String user(String username, String email) {
        return Json.createObjectBuilder().add("username", username).add("email", email).build().toString();
    }

    private JsonObject created(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return object(response);
    }

    private static long id(JsonObject json) {
        return json.getJsonNumber("id").longValue();
    }

    // --- users

    @Test
    void aUserIsCreatedReadUpdatedAndDeleted() {
        String name = unique("ada");
        JsonObject ada = created(http.post("api/users", user(name, name + "@example.org")));
        assertEquals(List.of("id", "username", "email", "roles", "enabled", "version"), List.copyOf(ada.keySet()),
                "never a password or its hash");
        String path = "api/users/" + id(ada);

        assertEquals(304, http.get(path, "If-None-Match", "\"1\"").statusCode());
        HttpResponse<String> updated = http.put(path, user(name, name + "@example.net"), "If-Match", "\"1\"");
        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals("\"2\"", updated.headers().firstValue("ETag").orElseThrow());
        assertProblem(http.put(path, user(name, "x@example.org"), "If-Match", "\"1\""), 412);
        assertProblem(http.put(path, "{\"username\":\"" + name + "\",\"email\":\"y@example.org\",\"version\":1}"), 409);
        assertProblem(http.delete(path, "If-Match", "\"1\""), 412);
        assertEquals(204, http.delete(path).statusCode());
        assertProblem(http.get(path), 404);
    }

    @Test
    void aTakenUsernameOrEmailInAnyCaseIs409NamingTheField() {
        String name = unique("grace");
        created(http.post("api/users", user(name, name + "@example.org")));

        JsonObject username = assertProblem(http.post("api/users", user(name.toUpperCase(), "other@example.org")), 409);
        assertEquals("username", username.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertTrue(username.getString("detail").contains("already taken"), username.toString());

        JsonObject email = assertProblem(http.post("api/users",
                user(unique("other"), name.toUpperCase() + "@EXAMPLE.org")), 409);
        assertEquals("email", email.getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void concurrentCreatesOfOneUsernameLetExactlyOneWin() throws Exception {
        String name = unique("race");
        int clients = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                String email = name + i + "@example.org";
                Callable<Integer> create = () -> {
                    start.await();
                    return http.post("api/users", user(i(name, email), email)).statusCode();
                };
                statuses.add(pool.submit(create));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                codes.add(status.get());
            }
            assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes.toString());
            assertEquals(clients - 1, codes.stream().filter(c -> c == 409).count(), codes.toString());
        } finally {
            pool.shutdownNow();
        }
        HttpResponse<String> stored = http.get("api/users?q=" + name);
        assertEquals("1", stored.headers().firstValue("X-Total-Count").orElseThrow());
    }

    /** The same username in alternating case, so that the race is also about case. */
    private static String i(String name, String email) {
        return email.charAt(email.indexOf('@') - 1) % 2 == 0 ? name : name.toUpperCase();
    }

    @Test
    void invalidUsersAre400PerField() {
        JsonObject problem = assertProblem(http.post("api/users", user("a b", "not-an-address")), 400);
        assertEquals(2, problem.getJsonArray("errors").size());
        assertProblem(http.post("api/users", "{\"username\": 12"), 400);
    }

    @Test
    void usersArePagedAndSearchedByUsernameOrEmailPrefix() {
        String prefix = unique("pg");
        for (int i = 0; i < 3; i++) {
            created(http.post("api/users", user(prefix + i, "u" + i + prefix + "@example.org")));
        }

        HttpResponse<String> page = http.get("api/users?q=" + prefix.toUpperCase() + "&size=2&sort=username,desc");

        assertEquals(200, page.statusCode());
        assertEquals("3", page.headers().firstValue("X-Total-Count").orElseThrow());
        assertEquals(prefix + "2", array(page).getJsonObject(0).getString("username"));
        assertTrue(String.join(",", page.headers().allValues("Link")).contains("rel=\"next\""));
        assertEquals("1", http.get("api/users?q=u1" + prefix).headers().firstValue("X-Total-Count").orElseThrow());
        assertProblem(http.get("api/users?sort=password"), 400);
    }

    @Test
    void usersSortOnEmailBothWays() {
        String prefix = unique("em");
        created(http.post("api/users", user(prefix + "a", prefix + "-c@example.org")));
        created(http.post("api/users", user(prefix + "b", prefix + "-a@example.org")));
        created(http.post("api/users", user(prefix + "c", prefix + "-b@example.org")));

        assertEquals(List.of(prefix + "b", prefix + "c", prefix + "a"), usernames("api/users?q=" + prefix + "&sort=email"));
        assertEquals(List.of(prefix + "a", prefix + "c", prefix + "b"),
                usernames("api/users?q=" + prefix + "&sort=email,desc"));
    }

    private List<String> usernames(String path) {
        HttpResponse<String> response = http.get(path);
        assertEquals(200, response.statusCode(), response.body());
        return array(response).getValuesAs(JsonObject.class).stream().map(u -> u.getString("username")).toList();
    }

    // --- books and authors

    @Test
    void allBooksByAnAuthorMatchTheWholeNameIgnoringCase() {
        String author = unique("Jane Austen ");
        created(http.post("api/books", book("Emma", author)));
        created(http.post("api/books", book("Persuasion", author.toLowerCase())));
        created(http.post("api/books", book("Not hers", author + " Jr")));

        HttpResponse<String> books = http.get("api/books?author=" + encode(author.toUpperCase()) + "&sort=title");

        assertEquals(200, books.statusCode(), books.body());
        assertEquals("2", books.headers().firstValue("X-Total-Count").orElseThrow());
        assertEquals(List.of("Emma", "Persuasion"), array(books).getValuesAs(JsonObject.class).stream()
                .map(b -> b.getString("title")).toList());
    }

    @Test
    void booksAreSearchedByTitleOrAuthorPrefix() {
        String word = unique("Dune");
        created(http.post("api/books", book(word + " Messiah", "Frank Herbert")));
        created(http.post("api/books", book("Children of Dune", word + " Author")));

        assertEquals("2", http.get("api/books?q=" + word.toLowerCase()).headers().firstValue("X-Total-Count").orElseThrow());
    }

    @Test
    void authorsAreListedByNameWithTheirBookCounts() {
        String author = unique("Zz Author ");
        created(http.post("api/books", book("One", author)));
        created(http.post("api/books", book("Two", author.toUpperCase())));

        HttpResponse<String> authors = http.get("api/authors?q=" + encode(author.toLowerCase()));

        assertEquals(200, authors.statusCode(), authors.body());
        assertEquals("1", authors.headers().firstValue("X-Total-Count").orElseThrow());
        JsonObject summary = array(authors).getJsonObject(0);
        assertEquals(2, summary.getInt("books"));
        assertEquals(List.of("author", "books"), List.copyOf(summary.keySet()));
        assertProblem(http.get("api/authors?size=500"), 400);
    }

    @Test
    void aBookIsUpdatedWithVersionsAndDeleted() {
        JsonObject created = created(http.post("api/books", book("Emma", "Jane Austen")));
        String path = "api/books/" + id(created);

        assertProblem(http.put(path, book("", "Jane Austen")), 400);
        HttpResponse<String> updated = http.put(path,
                "{\"title\":\"Emma\",\"author\":\"J. Austen\",\"version\":1}");
        assertEquals(200, updated.statusCode(), updated.body());
        assertProblem(http.put(path, "{\"title\":\"Emma\",\"author\":\"Austen\",\"version\":1}"), 409);
        assertEquals(204, http.delete(path, "If-Match", "\"2\"").statusCode());
        assertProblem(http.delete(path), 404);
        assertProblem(http.post("api/books", "not json"), 400);
        assertProblem(http.send(http.request("api/books").header("Content-Type", "text/plain")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("Emma"))), 415);
    }
}
