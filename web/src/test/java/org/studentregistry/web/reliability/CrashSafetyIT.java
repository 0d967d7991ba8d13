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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills the server (SIGKILL) in the middle of concurrent creates and updates, starts it again and checks that every
 * change it acknowledged is stored, that no row is half written, and that the application comes back ready; several
 * times over the same database ({@code -Dcrash.rounds}, 3 by default).
 *
 * <p>Every field of a student written here carries one token ({@code F<token>}, {@code L<token>}, {@code S<token>}),
 * so a row whose fields carry different tokens, or a token never sent, would be a half-written or invented row.
 */
class CrashSafetyIT {

    private static final int ROUNDS = Integer.getInteger("crash.rounds", 3);
    private static final int WRITERS = 6;

    /** What a student holds after a write: the token of its fields and its version. */
    private record Written(String token, long version) {
    }

    /** Acknowledged state by id. */
    private final Map<Long, Written> acknowledged = new ConcurrentHashMap<>();
    /** The update each id had in flight when the server died, which may or may not have committed. */
    private final Map<Long, Written> inFlight = new ConcurrentHashMap<>();
    /** Every token ever sent. */
    private final Set<String> sent = ConcurrentHashMap.newKeySet();
    private final AtomicLong acknowledgedWrites = new AtomicLong();

    @Test
    void everyAcknowledgedChangeSurvivesAKillAndNoRowIsHalfWritten() throws Exception {
        Path database = Path.of("target", "crash-safety", UUID.randomUUID().toString(), "registry");
        try (ServerProcess server = new ServerProcess(database)) {
            for (int round = 1; round <= ROUNDS; round++) {
                server.start();
                checkStoredState(server.http());
                long acknowledgedBefore = acknowledgedWrites.get();
                writeUntilKilled(server);
                long written = acknowledgedWrites.get() - acknowledgedBefore;
                assertTrue(written > 0, "round " + round + " wrote nothing");
                System.out.printf("crash round %d: %d acknowledged writes, then SIGKILL with %d updates in flight%n",
                        round, written, inFlight.size());
            }
            server.start();
            checkStoredState(server.http());
        }
    }

    private void writeUntilKilled(ServerProcess server) throws InterruptedException {
        AtomicBoolean serverUp = new AtomicBoolean(true);
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        for (int i = 0; i < WRITERS; i++) {
            writers.execute(() -> write(server.http(), serverUp));
        }
        Thread.sleep(ThreadLocalRandom.current().nextLong(2000, 4000));
        server.kill();
        serverUp.set(false);
        writers.shutdown();
        assertTrue(writers.awaitTermination(1, TimeUnit.MINUTES), "writers did not notice the server was gone");
    }

    /* Creates students and updates its own ones until a request fails because the server is gone. */
    private void write(Http http, AtomicBoolean serverUp) {
        List<Long> own = new ArrayList<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (serverUp.get()) {
            String token = UUID.randomUUID().toString().replace("-", "");
            sent.add(token);
            boolean create = own.isEmpty() || random.nextBoolean();
            Long id = create ? null : own.get(random.nextInt(own.size()));
            Written before = create ? null : acknowledged.get(id);
            if (!create) {
                inFlight.put(id, new Written(token, before.version() + 1));
            }
            HttpResponse<String> response;
            try {
                response = create
                        ? http.post("api/students", Http.student("F" + token, "L" + token, "S" + token))
                        : http.put("api/students/" + id, body(token, before.version()));
            } catch (UncheckedIOException serverGone) {
                return;
            }
            assertEquals(create ? 201 : 200, response.statusCode(), response.body());
            JsonObject stored = Http.object(response);
            long storedId = stored.getJsonNumber("id").longValue();
            acknowledged.put(storedId, new Written(token, stored.getJsonNumber("version").longValue()));
            acknowledgedWrites.incrementAndGet();
            if (create) {
                own.add(storedId);
            } else {
                inFlight.remove(id);
            }
        }
    }

    private static String body(String token, long version) {
        return Json.createObjectBuilder().add("firstName", "F" + token).add("lastName", "L" + token)
                .add("subject", "S" + token).add("version", version).build().toString();
    }

    private void checkStoredState(Http http) {
        for (Map.Entry<Long, Written> entry : acknowledged.entrySet()) {
            long id = entry.getKey();
            HttpResponse<String> response = http.get("api/students/" + id);
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
