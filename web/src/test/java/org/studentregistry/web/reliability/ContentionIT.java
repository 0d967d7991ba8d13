package org.studentregistry.web.reliability;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.studentregistry.migrations.SchemaMigrator.Vendor;
import org.studentregistry.web.testing.DeployedApplicationTest;
import org.studentregistry.web.testing.ApplicationDatabase;
import org.studentregistry.web.testing.FacesForm;
import org.studentregistry.web.testing.Http;
import org.studentregistry.web.testing.RunningServer;
import org.studentregistry.web.testing.ServerOutput;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many clients update the same student at once, each from the version it read: exactly one update per version wins,
 * every other one is refused (409 for a stale version in the body, 412 or 409 for a stale If-Match), and the winner's
 * change is what is stored, so no acknowledged update is ever lost. The clients wait at a barrier until all of them
 * are ready, so their requests are sent together.
 */
class ContentionIT extends DeployedApplicationTest {

    private static final int CLIENTS = 12;
    private static final int ROUNDS = 5;

    @Test
    void exactlyOneUpdatePerVersionWinsAndNoneIsLost() throws Exception {
        JsonObject created = Http.object(http.post("api/students", Http.student("Contended", "Student", "Start")));
        long id = created.getJsonNumber("id").longValue();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                HttpResponse<String> read = http.get("api/students/" + id);
                long version = Http.object(read).getJsonNumber("version").longValue();
                String etag = read.headers().firstValue("ETag").orElseThrow();

                CyclicBarrier together = new CyclicBarrier(CLIENTS);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int client = 0; client < CLIENTS; client++) {
                    String subject = "Round" + round + "Client" + client;
                    // Half the clients send the version in the body, half as If-Match.
                    boolean inBody = client % 2 == 0;
                    Callable<HttpResponse<String>> update = () -> {
                        together.await(30, TimeUnit.SECONDS);
                        return inBody
                                ? http.put("api/students/" + id, body(subject, version))
                                : http.put("api/students/" + id, Http.student("Contended", "Student", subject),
                                "If-Match", etag);
                    };
                    answers.add(clients.submit(update));
                }

                String winner = null;
                int refused = 0;
                for (int client = 0; client < CLIENTS; client++) {
                    HttpResponse<String> answer = answers.get(client).get(1, TimeUnit.MINUTES);
                    if (answer.statusCode() == 200) {
                        assertEquals(null, winner, "a second update of version " + version + " won");
                        winner = "Round" + round + "Client" + client;
                        assertEquals(version + 1, Http.object(answer).getJsonNumber("version").longValue());
                    } else {
                        // A stale body version is a conflict (409). A stale If-Match is a failed precondition (412),
                        // or a conflict when it matched as the request began and another update committed first.
                        int status = answer.statusCode();
                        assertTrue(status == 409 || (client % 2 == 1 && status == 412), status + " " + answer.body());
                        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type")
                                .orElse(""));
                        refused++;
                    }
                }
                assertTrue(winner != null, "no update of version " + version + " won");
                assertEquals(CLIENTS - 1, refused);
                JsonObject stored = Http.object(http.get("api/students/" + id));
                assertEquals(winner, stored.getString("subject"), "the acknowledged update is what is stored");
                assertEquals(version + 1, stored.getJsonNumber("version").longValue());
            }
        } finally {
            clients.shutdownNow();
        }
        assertEquals(1 + ROUNDS, Http.object(http.get("api/students/" + id)).getJsonNumber("version").longValue());
    }

    @Test
    void updatesThatAllPassedTheEarlyVersionCheckAreRefusedAtTheWriteAllButOne() throws Exception {
        long id = Http.object(http.post("api/students", Http.student("Locked", unique("Out"), "Start")))
                .getJsonNumber("id").longValue();
        List<HttpResponse<String>> answers = updatesHeldAtTheWrite(id, 6);
        List<String> winners = new ArrayList<>();
        for (int client = 0; client < answers.size(); client++) {
            HttpResponse<String> answer = answers.get(client);
            if (answer.statusCode() == 200) {
                winners.add("Writer" + client);
            } else {
                assertEquals(409, answer.statusCode(), answer.body());
                assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
            }
        }
        assertEquals(1, winners.size(), "exactly one update of version 1 wins: " + winners);
        Map<String, Object> stored = ApplicationDatabase.row("student", id);
        assertEquals(winners.get(0), stored.get("subject"));
        assertEquals(2L, ((Number) stored.get("version")).longValue());
    }

    @Test
    void updatesRefusedAtTheWriteAreAnsweredWithoutAStackTraceInTheLog() throws Exception {
        Assumptions.assumeTrue(RunningServer.url().isEmpty(), RunningServer.name() + " keeps its log to itself");
        long id = Http.object(http.post("api/students", Http.student("Logged", unique("Out"), "Start")))
                .getJsonNumber("id").longValue();
        try (ServerOutput log = ServerOutput.capture()) {
            List<HttpResponse<String>> answers = updatesHeldAtTheWrite(id, 4);
            assertEquals(3, answers.stream().filter(answer -> answer.statusCode() == 409).count());
            String seen = log.awaitContaining("Updated student " + id + " to version 2", Duration.ofSeconds(10));
            assertFalse(seen.contains("OptimisticLockException"), seen);
            assertFalse(seen.contains("Local Exception Stack"), seen);
        }
    }

    /*
     * The early check compares the version sent with the one read; it cannot refuse updates that all read the same
     * version before any of them wrote. Holding the student table locked in the database holds every update: on
     * Derby at its first read of the row (no entity is kept between requests, so each reads the database), on
     * PostgreSQL, whose EXCLUSIVE table lock lets reads through, at its UPDATE. Released together, those that read
     * version 1 before the first commit all pass the early check, and only the version check in the UPDATE (JPA's
     * optimistic lock, at the write) stands between them. Returns each writer's answer, in order.
     */
    private List<HttpResponse<String>> updatesHeldAtTheWrite(long id, int writers) throws Exception {
        assertEquals(200, http.get("api/students/" + id).statusCode());
        ExecutorService clients = Executors.newFixedThreadPool(writers);
        try (Connection lock = ApplicationDatabase.connect()) {
            lock.setAutoCommit(false);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE student IN EXCLUSIVE MODE");
                CyclicBarrier together = new CyclicBarrier(writers);
                for (int client = 0; client < writers; client++) {
                    String subject = "Writer" + client;
                    answers.add(clients.submit(() -> {
                        together.await(30, TimeUnit.SECONDS);
                        return http.put("api/students/" + id, body(subject, 1));
                    }));
                }
                awaitWritesWaiting(statement, writers);
            } finally {
                lock.rollback();
            }
            List<HttpResponse<String>> answered = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                answered.add(answer.get(1, TimeUnit.MINUTES));
            }
            return answered;
        } finally {
            clients.shutdownNow();
        }
    }

    /* Waits until that many writers wait for a lock, as the database's own lock list shows them. */
    private static void awaitWritesWaiting(Statement statement, int writers) throws Exception {
        String waiting = Vendor.of(statement.getConnection()) == Vendor.POSTGRESQL
                ? "SELECT COUNT(*) FROM pg_locks WHERE NOT granted"
                : "SELECT COUNT(*) FROM SYSCS_DIAG.LOCK_TABLE WHERE state = 'WAIT'";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int seen = 0;
        while (System.nanoTime() < deadline) {
            try (ResultSet rs = statement.executeQuery(waiting)) {
                rs.next();
                seen = rs.getInt(1);
            }
            if (seen == writers) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(seen + " of " + writers + " writers waited for a lock within 30 s");
    }

    @Test
    void anUpdateAndADeleteOfTheSameVersionNeverBothSucceed() throws Exception {
        // Either the update commits first (then the delete of the old version is refused and the change stays),
        // or the delete does (then the update finds nothing, or a row gone at its write: 404 or 409).
        ExecutorService clients = Executors.newFixedThreadPool(2);
        int updatesWon = 0;
        int deletesWon = 0;
        try {
            for (int round = 0; round < 10; round++) {
                String subject = "Raced" + round;
                long id = Http.object(http.post("api/students", Http.student("Race", unique("Put"), "Start")))
                        .getJsonNumber("id").longValue();
                CyclicBarrier together = new CyclicBarrier(2);
                Future<HttpResponse<String>> update = clients.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return http.put("api/students/" + id, body(subject, 1));
                });
                Future<HttpResponse<String>> delete = clients.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return http.delete("api/students/" + id, "If-Match", "\"1\"");
                });
                HttpResponse<String> updated = update.get(1, TimeUnit.MINUTES);
                HttpResponse<String> deleted = delete.get(1, TimeUnit.MINUTES);
                String outcome = "PUT " + updated.statusCode() + " " + updated.body() + ", DELETE "
                        + deleted.statusCode() + " " + deleted.body();
                HttpResponse<String> stored = http.get("api/students/" + id);
                if (updated.statusCode() == 200) {
                    assertTrue(Set.of(409, 412).contains(deleted.statusCode()), outcome);
                    assertEquals(200, stored.statusCode(), "an acknowledged update was deleted: " + outcome);
                    assertEquals(subject, Http.object(stored).getString("subject"), outcome);
                    assertEquals(2, Http.object(stored).getInt("version"), outcome);
                    updatesWon++;
                } else {
                    assertEquals(204, deleted.statusCode(), outcome);
                    assertTrue(Set.of(404, 409).contains(updated.statusCode()), outcome);
                    assertEquals("application/problem+json", updated.headers().firstValue("Content-Type").orElse(""));
                    assertEquals(404, stored.statusCode(), "an acknowledged delete left the student: " + outcome);
                    deletesWon++;
                }
            }
        } finally {
            clients.shutdownNow();
        }
        System.out.printf("PUT against DELETE: the update won %d times, the delete %d times%n", updatesWon, deletesWon);
    }

    @Test
    void booksWhoseAuthorsChangeCrosswiseAtOnceAreAllSaved() throws Exception {
        // Each change moves a book from one author's count in book_authors to another's, taking the new author's
        // count first. Two changes that cross (one book from X to Y beside another from Y to X) take the two counts
        // in opposite orders: on PostgreSQL a deadlock, which must cost the clients a moment and nothing else.
        // Holding the counts makes them meet every time: with X and Y held, the first change waits for Y and the
        // second for X; Y let go, the first takes Y and queues for X behind the second; X let go, the second takes
        // X and wants Y. (On Derby every change of a book queues behind the one before: they never meet.)
        String x = unique("Crossing X ");
        String y = unique("Crossing Y ");
        long first = Http.object(http.post("api/books", Http.book("First", x))).getJsonNumber("id").longValue();
        long second = Http.object(http.post("api/books", Http.book("Second", y))).getJsonNumber("id").longValue();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try (Connection holdingX = ApplicationDatabase.connect(); Connection holdingY = ApplicationDatabase.connect();
             Statement statement = holdingX.createStatement()) {
            hold(holdingX, x);
            hold(holdingY, y);
            Future<HttpResponse<String>> one =
                    clients.submit(() -> http.put("api/books/" + first, Http.book("First", y)));
            Future<HttpResponse<String>> other =
                    clients.submit(() -> http.put("api/books/" + second, Http.book("Second", x)));
            try {
                awaitWritesWaiting(statement, 2);
                holdingY.rollback();
                awaitWritesWaiting(statement, 2);
            } finally {
                holdingY.rollback();
                holdingX.rollback();
            }
            for (HttpResponse<String> answer : List.of(one.get(1, TimeUnit.MINUTES), other.get(1, TimeUnit.MINUTES))) {
                assertEquals(200, answer.statusCode(), answer.body());
            }
        } finally {
            clients.shutdownNow();
        }
        for (String author : List.of(x, y)) {
            HttpResponse<String> books = http.get("api/books?author=" + Http.encode(author));
            assertEquals("1", books.headers().firstValue("X-Total-Count").orElseThrow(), author);
            JsonObject summary = Http.array(http.get("api/authors?q=" + Http.encode(author))).getJsonObject(0);
            assertEquals(1, summary.getInt("books"), author);
        }
    }

    @Test
    void aPasswordSetWhileAnotherWriterChangesTheAccountIsRefusedOrWaitsNeverFails() throws Exception {
        // PostgreSQL lets the set read the account before the other change commits, so its write finds a newer
        // version; Derby holds the read until then, so it writes on top of the other change.
        boolean postgres = isPostgres();
        HttpResponse<String> api = besideAnotherWriterOfANewAccount(
                id -> http.put("api/users/" + id + "/password", "{\"password\": \"a long new password\"}"));
        assertEquals(postgres ? 409 : 204, api.statusCode(), api.body());

        HttpResponse<String> page = besideAnotherWriterOfANewAccount(id -> FacesForm.submit(http,
                "users/password?id=" + id, "password", "save",
                Map.of("password", "a long new password", "confirmation", "a long new password")));
        if (postgres) {
            assertEquals(200, page.statusCode(), "the form is shown again");
            assertTrue(page.body().contains("no password was set"), page.body());
        } else {
            assertEquals(302, page.statusCode(), page.body());
        }
    }

    /*
     * What the request answers when it is sent while another writer holds a new account's row, having moved its
     * version on, and that writer commits once the request waits for it.
     */
    private HttpResponse<String> besideAnotherWriterOfANewAccount(Function<Long, HttpResponse<String>> request)
            throws Exception {
        long id = Http.object(http.post("api/users", Json.createObjectBuilder().add("username", unique("pw"))
                .add("email", unique("pw") + "@example.org").build().toString())).getJsonNumber("id").longValue();
        ExecutorService clients = Executors.newSingleThreadExecutor();
        try (Connection writer = ApplicationDatabase.connect(); Statement statement = writer.createStatement()) {
            writer.setAutoCommit(false);
            assertEquals(1, statement.executeUpdate("UPDATE users SET version = version + 1 WHERE id = " + id));
            Future<HttpResponse<String>> answer = clients.submit(() -> request.apply(id));
            awaitWritesWaiting(statement, 1);
            writer.commit();
            return answer.get(1, TimeUnit.MINUTES);
        } finally {
            clients.shutdownNow();
        }
    }

    private static boolean isPostgres() throws Exception {
        try (Connection connection = ApplicationDatabase.connect()) {
            return Vendor.of(connection) == Vendor.POSTGRESQL;
        }
    }

    /* Locks an author's count in book_authors until the connection's transaction ends. */
    private static void hold(Connection connection, String author) throws Exception {
        connection.setAutoCommit(false);
        try (PreparedStatement count = connection.prepareStatement(
                "UPDATE book_authors SET book_count = book_count WHERE author = ?")) {
            count.setString(1, author);
            assertEquals(1, count.executeUpdate());
        }
    }

    private static String body(String subject, long version) {
        return Json.createObjectBuilder().add("firstName", "Contended").add("lastName", "Student")
                .add("subject", subject).add("version", version).build().toString();
    }
}
