package org.studentregistry.web.database;

import org.apache.derby.drda.NetworkServerControl;
import org.junit.jupiter.api.Test;
import org.studentregistry.web.testing.Http;
import org.studentregistry.web.testing.ServerProcess;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.studentregistry.web.testing.Http.object;
import static org.studentregistry.web.testing.Http.student;

/**
 * The database dies under load (SIGKILL) and comes back: while it is away the application says so (readiness DOWN, 503
 * with Retry-After as problem details on the API and as a page for people, never a bare 500), and when it returns
 * the application serves again by itself, without a restart, with every write it acknowledged stored.
 */
class DatabaseOutageIT {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    @Test
    void whileTheDatabaseIsAwayRequestsAre503AndAfterItReturnsEveryAcknowledgedWriteIsThere() throws Exception {
        Path home = Path.of("target", "database-outage", UUID.randomUUID().toString()).toAbsolutePath();
        Files.createDirectories(home);
        int port = freePort();
        String url = "jdbc:derby://127.0.0.1:" + port + "/registry";
        Process database = start(port, home);
        try (ServerProcess server = ServerProcess.onDatabase(url + ";create=true", null, null,
                home.resolve("node"))) {
            server.start();
            Http http = server.http();
            Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
            List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean writing = new AtomicBoolean(true);
            Thread writer = new Thread(() -> {
                for (int i = 0; writing.get(); i++) {
                    HttpResponse<String> created = http.post("api/students", student("W" + i, "Outage", "Load"));
                    if (created.statusCode() == 201) {
                        acknowledged.add(object(created).getJsonNumber("id").longValue());
                    } else if (!isProblemToRetry(created)) {
                        unexpected.add(created.statusCode() + " " + created.headers().map() + " " + created.body());
                    }
                }
            });
            writer.start();
            awaitAcknowledged(acknowledged, 20);

            database.destroyForcibly().waitFor();
            awaitStatus(server.anonymous(), "/health/ready", 503);
            HttpResponse<String> read = http.get("api/students");
            assertProblemToRetry(read);
            HttpResponse<String> page = http.get("students");
            assertEquals(503, page.statusCode(), page.body());
            assertTrue(page.body().contains("id=\"unavailable\""), page.body());
            int acknowledgedWhileAway = acknowledged.size();

            database = start(port, home);
            awaitStatus(server.anonymous(), "/health/ready", 200);
            awaitStatus(http, "api/students", 200);
            awaitAcknowledged(acknowledged, acknowledgedWhileAway + 20);
            writing.set(false);
            writer.join(WITHIN.toMillis());

            assertTrue(storedIds(url).containsAll(acknowledged), "every acknowledged write is stored");
            assertEquals(List.of(), unexpected, "a write is acknowledged or refused as a 503 to retry");
        } finally {
            database.destroyForcibly().waitFor();
        }
    }

    private static void assertProblemToRetry(HttpResponse<String> response) {
        assertTrue(isProblemToRetry(response), response.statusCode() + " " + response.headers().map() + " "
                + response.body());
    }

    private static boolean isProblemToRetry(HttpResponse<String> response) {
        return response.statusCode() == 503
                && response.headers().firstValue("Content-Type").orElse("").equals("application/problem+json")
                && response.headers().firstValue("Retry-After").isPresent();
    }

    /*
     * The database in a process of its own, so that killing it is what a crash of the database server is; the
     * Derby engine of the tests' JVM, which serves the other suites, is left alone.
     */
    private static Process start(int port, Path home) throws Exception {
        Process process = new ProcessBuilder(ServerProcess.jdkTool("java"), "-Xmx256m",
                "-cp", System.getProperty("derby.server.classpath"), "-Dderby.system.home=" + home,
                "org.apache.derby.drda.NetworkServerControl", "start", "-h", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("network-server.log").toFile()))
                .start();
        NetworkServerControl control = new NetworkServerControl(InetAddress.getByName("127.0.0.1"), port);
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (true) {
            try {
                control.ping();
                return process;
            } catch (Exception notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }

    private static void awaitStatus(Http http, String path, int status) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = http.get(path).statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " answered " + last + ", not " + status + ", for " + WITHIN);
    }

    private static void awaitAcknowledged(Set<Long> acknowledged, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (acknowledged.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + acknowledged.size() + " writes acknowledged in " + WITHIN);
            }
            Thread.sleep(50);
        }
    }

    private static Set<Long> storedIds(String url) throws Exception {
        Set<Long> ids = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement select = connection.prepareStatement(
                     "SELECT id FROM student WHERE last_name = 'Outage'");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
