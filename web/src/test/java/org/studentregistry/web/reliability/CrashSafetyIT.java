package org.studentregistry.web.reliability;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.studentregistry.web.testing.Http;
import org.studentregistry.web.testing.ServerProcess;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Kills the server (SIGKILL) in the middle of concurrent creates, updates and deletes, starts it again and checks
 * that every change it acknowledged is stored (and every acknowledged delete is gone), that no row is half written,
 * and that the application comes back ready; several times over the same database ({@code -Dcrash.rounds},
 * 3 by default; 0 skips the test, reported as skipped).
 *
 * <p>Every field of a student written here carries one token ({@code F<token>}, {@code L<token>}, {@code S<token>}),
 * so a row whose fields carry different tokens, or a token never sent, would be a half-written or invented row.
 *
 * <p>Each writer is a future: any answer other than the one expected, or a connection failure before the kill,
 * fails the test, and so does a writer that acknowledged nothing in a round.
 */
class CrashSafetyIT {

    private static final int ROUNDS = Integer.getInteger("crash.rounds", 3);
    private static final int WRITERS = 6;

    /** What a student holds after a write: the token of its fields and its version. */
    private record Written(String token, long version) {
    }

    /** Acknowledged state by id, of the students not acknowledged as deleted. */
    private final Map<Long, Written> acknowledged = new ConcurrentHashMap<>();
    /** The update each id had in flight when the server died, which may or may not have committed. */
    private final Map<Long, Written> inFlight = new ConcurrentHashMap<>();
    /** Deletes in flight when the server died: the student may be there or gone. */
    private final Set<Long> deletesInFlight = ConcurrentHashMap.newKeySet();
    /** Students whose delete was acknowledged: never to be seen again. */
    private final Set<Long> deleted = ConcurrentHashMap.newKeySet();
    /** Every token ever sent. */
    private final Set<String> sent = ConcurrentHashMap.newKeySet();

    @Test
    void everyAcknowledgedChangeSurvivesAKillAndNoRowIsHalfWritten() throws Exception {
        assumeTrue(ROUNDS > 0, "crash.rounds=" + ROUNDS + ": no SIGKILL round asked for, crash safety NOT tested");
        Path database = Path.of("target", "crash-safety", UUID.randomUUID().toString(), "registry");
        try (ServerProcess server = new ServerProcess(database)) {
            for (int round = 1; round <= ROUNDS; round++) {
                server.start();
                checkStoredState(server.http());
                Map<String, Integer> writes = writeUntilKilled(server);
                System.out.printf("crash round %d: acknowledged %s, then SIGKILL with %d updates and %d deletes"
                        + " in flight%n", round, writes, inFlight.size(), deletesInFlight.size());
            }
            server.start();
            checkStoredState(server.http());
            assertFalse(deleted.isEmpty(), "no delete was acknowledged in " + ROUNDS + " rounds");
        }
    }

    /** Acknowledged writes per kind, summed over the writers; each writer must have had some acknowledged. */
    private Map<String, Integer> writeUntilKilled(ServerProcess server) throws Exception {
        AtomicBoolean killing = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<Map<String, Integer>>> outcomes = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                outcomes.add(writers.submit(() -> write(server.http(), killing)));
            }
            Thread.sleep(ThreadLocalRandom.current().nextLong(2000, 4000));
            for (Future<Map<String, Integer>> outcome : outcomes) {
                assertFalse(outcome.isDone() && failed(outcome), () -> "a writer failed before the kill: " + cause(outcome));
            }
            killing.set(true);
            server.kill();
            Map<String, Integer> total = new ConcurrentHashMap<>();
            for (Future<Map<String, Integer>> outcome : outcomes) {
                Map<String, Integer> writes = outcome.get(1, TimeUnit.MINUTES);
                int acknowledged = writes.values().stream().mapToInt(Integer::intValue).sum();
                assertTrue(acknowledged > 0, "a writer had nothing acknowledged before the kill: " + writes);
                writes.forEach((kind, n) -> total.merge(kind, n, Integer::sum));
            }
            return total;
        } catch (ExecutionException e) {
            throw new AssertionError("a writer failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("a writer did not notice the server was gone", e);
        } finally {
            writers.shutdownNow();
        }
    }

    private static boolean failed(Future<?> outcome) {
        try {
            outcome.get();
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    private static String cause(Future<?> outcome) {
        try {
            return String.valueOf(outcome.get());
        } catch (ExecutionException e) {
            return String.valueOf(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /*
     * Creates students, updates and deletes its own ones until a request fails because the server was killed.
     * Any other answer than the one each write must get fails the writer, and with it the test.
     */
    private Map<String, Integer> write(Http http, AtomicBoolean killing) {
        Map<String, Integer> writes = new ConcurrentHashMap<>(Map.of("creates", 0, "updates", 0, "deletes", 0));
        List<Long> own = new ArrayList<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (true) {
            int dice = random.nextInt(100);
            String kind = own.isEmpty() || dice < 45 ? "creates" : dice < 85 ? "updates" : "deletes";
            String token = UUID.randomUUID().toString().replace("-", "");
            Long id = kind.equals("creates") ? null : own.get(random.nextInt(own.size()));
            Written before = id == null ? null : acknowledged.get(id);
            HttpResponse<String> response;
            try {
                switch (kind) {
                    case "creates" -> {
                        sent.add(token);
                        response = http.post("api/students", Http.student("F" + token, "L" + token, "S" + token));
                    }
                    case "updates" -> {
                        sent.add(token);
                        inFlight.put(id, new Written(token, before.version() + 1));
                        response = http.put("api/students/" + id, body(token, before.version()));
                    }
                    default -> {
                        own.remove(id);
                        deletesInFlight.add(id);
                        response = http.delete("api/students/" + id, "If-Match", "\"" + before.version() + "\"");
                    }
                }
            } catch (UncheckedIOException cut) {
                if (killing.get()) {
                    return writes;
                }
                throw new AssertionError("a request failed while the server was up", cut);
            }
            int expected = switch (kind) {
                case "creates" -> 201;
                case "updates" -> 200;
                default -> 204;
            };
            assertEquals(expected, response.statusCode(), kind + " of " + id + ": " + response.body());
            if (kind.equals("deletes")) {
                acknowledged.remove(id);
                deleted.add(id);
                deletesInFlight.remove(id);
            } else {
                JsonObject stored = Http.object(response);
                long storedId = stored.getJsonNumber("id").longValue();
                acknowledged.put(storedId, new Written(token, stored.getJsonNumber("version").longValue()));
                if (id == null) {
                    own.add(storedId);
                } else {
                    inFlight.remove(id);
                }
            }
            writes.merge(kind, 1, Integer::sum);
        }
    }

    private static String body(String token, long version) {
        return Json.createObjectBuilder().add("firstName", "F" + token).add("lastName", "L" + token)
                .add("subject", "S" + token).add("version", version).build().toString();
    }

    private void checkStoredState(Http http) {
        for (Map.Entry<Long, Written> entry : Map.copyOf(acknowledged).entrySet()) {
            long id = entry.getKey();
            HttpResponse<String> response = http.get("api/students/" + id);
            if (response.statusCode() == 404 && deletesInFlight.contains(id)) {
                // The delete in flight at the kill committed before the server died.
                acknowledged.remove(id);
                deleted.add(id);
                continue;
            }
            assertEquals(200, response.statusCode(), "acknowledged student " + id + " is missing");
            String token = tokenOf(Http.object(response));
            long version = Http.object(response).getJsonNumber("version").longValue();
            Written expected = entry.getValue();
            Written pending = inFlight.remove(id);
            if (pending != null && pending.token().equals(token)) {
                // The update in flight at the kill committed before the server died: now it is the state.
                assertEquals(pending.version(), version);
                acknowledged.put(id, pending);
            } else {
                assertEquals(expected, new Written(token, version), "student " + id + " lost an acknowledged change");
            }
        }
        inFlight.clear();
        deletesInFlight.clear();
        for (long id : deleted) {
            assertEquals(404, http.get("api/students/" + id).statusCode(), "student " + id + " was deleted, acknowledged");
        }
        long seen = 0;
        for (int page = 0; ; page++) {
            HttpResponse<String> response = http.get("api/students?size=100&page=" + page);
            assertEquals(200, response.statusCode(), response.body());
            var students = Http.array(response);
            if (students.isEmpty()) {
                break;
            }
            for (var student : students) {
                tokenOf(student.asJsonObject());
                long id = student.asJsonObject().getJsonNumber("id").longValue();
                assertFalse(deleted.contains(id), "the list shows student " + id + ", deleted");
                seen++;
            }
        }
        assertTrue(seen >= acknowledged.size(), seen + " students listed, " + acknowledged.size() + " acknowledged");
    }

    /* The token every field of a stored student carries; fails on a half-written or invented row. */
    private String tokenOf(JsonObject student) {
        String token = student.getString("firstName").substring(1);
        assertEquals("F" + token, student.getString("firstName"));
        assertEquals("L" + token, student.getString("lastName"), "half-written row " + student);
        assertEquals("S" + token, student.getString("subject"), "half-written row " + student);
        assertTrue(sent.contains(token), "a row nobody sent: " + student);
        return token;
    }
}
