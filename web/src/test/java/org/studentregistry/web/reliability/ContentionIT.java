package org.studentregistry.web.reliability;

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

/**
 * Many clients update the same student at once, each from the version it read: exactly one update per version wins,
 * every other one is refused (409 for a stale version in the body, 412 or 409 for a stale If-Match), and the winner's
 * change is what is stored, so no acknowledged update is ever lost.
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

                CountDownLatch start = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int client = 0; client < CLIENTS; client++) {
                    String subject = "Round" + round + "Client" + client;
                    // Half the clients send the version in the body, half as If-Match.
                    boolean inBody = client % 2 == 0;
                    Callable<HttpResponse<String>> update = () -> {
                        start.await();
                        return inBody
                                ? http.put("api/students/" + id, body(subject, version))
                                : http.put("api/students/" + id, Http.student("Contended", "Student", subject),
                                "If-Match", etag);
                    };
                    answers.add(clients.submit(update));
                }
                start.countDown();

                String winner = null;
                int refused = 0;
                for (int client = 0; client < CLIENTS; client++) {
                    HttpResponse<String> answer = answers.get(client).get();
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

    private static String body(String subject, long version) {
        return Json.createObjectBuilder().add("firstName", "Contended").add("lastName", "Student")
                .add("subject", subject).add("version", version).build().toString();
    }
}
