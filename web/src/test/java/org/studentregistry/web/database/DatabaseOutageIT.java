package org.studentregistry.web.database;

import org.apache.derby.drda.NetworkServerControl;
import org.junit.jupiter.api.Test;
import org.studentregistry.web.testing.Http;
import org.studentregistry.web.testing.PostgresDatabases;
import org.studentregistry.web.testing.ServerProcess;
import org.studentregistry.web.testing.TestAccounts;

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
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.studentregistry.web.testing.Http.object;
import static org.studentregistry.web.testing.Http.student;

/**
 * The database dies under load (SIGKILL) and comes back: while it is away the application says so (readiness DOWN, 503
 * with Retry-After as problem details on the API and as a page for people, never a bare 500), and when it returns
 * the application serves again by itself, without a restart, with every write it acknowledged stored. A write whose
 * commit the crash cut is answered 503 too, with a problem type that says it may have been stored. On a Derby
 * network server (its process killed) and on PostgreSQL (stopped at once, without a checkpoint, as a crash). A
 * user who signs out meanwhile is signed out.
 */
class DatabaseOutageIT {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final int WRITERS = 4;

    /** A database the test can take away, as a crash does, and bring back. */
    private interface Database extends AutoCloseable {
        String url();

        String user();

        String password();

        void crash() throws Exception;

        void restart() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    @Test
    void onADerbyNetworkServerRequestsAre503WhileItIsAwayAndEveryAcknowledgedWriteIsThereAfter() throws Exception {
        Path home = Path.of("target", "database-outage", UUID.randomUUID().toString()).toAbsolutePath();
        Files.createDirectories(home);
        int port = freePort();
        Process[] process = {start(port, home)};
        outageUnderLoad(home, new Database() {
            public String url() {
                return "jdbc:derby://127.0.0.1:" + port + "/registry";
            }

            public String user() {
                return null;
            }

            public String password() {
                return null;
            }

            public void crash() throws InterruptedException {
                process[0].destroyForcibly().waitFor();
            }

            public void restart() throws Exception {
                process[0] = start(port, home);
            }

            public void close() throws InterruptedException {
                crash();
            }
        });
    }

    @Test
    void onPostgreSqlRequestsAre503WhileItIsAwayAndEveryAcknowledgedWriteIsThereAfter() throws Exception {
        PostgresDatabases postgres = PostgresDatabases.required();
        Path home = Path.of("target", "database-outage", UUID.randomUUID().toString()).toAbsolutePath();
        Files.createDirectories(home);
        String url = postgres.freshSchema("outage");
        outageUnderLoad(home, new Database() {
            public String url() {
                return url;
            }

            public String user() {
                return postgres.user();
            }

            public String password() {
                return postgres.password();
            }

            private boolean away;

            public void crash() throws Exception {
                postgresServer("halt");
                away = true;
            }

            public void restart() throws Exception {
                postgresServer("resume");
                away = false;
            }

            /* The server is the other tests' too: a test that failed while it was away brings it back. */
            @Override
            public void close() throws Exception {
                if (away) {
                    restart();
                }
            }
        });
    }

    /* Stops (immediately, as a crash) or starts the tests' PostgreSQL server, by the script that started it. */
    private static void postgresServer(String command) throws Exception {
        Process control = new ProcessBuilder("bash", Path.of("..", ".ci", "postgres").toString(), command)
                .redirectErrorStream(true).start();
        String output = new String(control.getInputStream().readAllBytes());
        assertEquals(0, control.waitFor(), ".ci/postgres " + command + ": " + output);
    }

    private static void outageUnderLoad(Path home, Database database) throws Exception {
        String url = database.url();
        try (database; ServerProcess server = ServerProcess.onDatabase(
                url + (url.startsWith("jdbc:derby:") ? ";create=true" : ""), database.user(), database.password(),
                home.resolve("node"))) {
            server.start();
            Http http = server.http();
            Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
            List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger inDoubt = new AtomicInteger();
            // Several writers, so that the crash also cuts commits in flight, whose outcome no one can know.
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                Http writer = server.http();
                String name = "W" + w + "-";
                writers.add(new Thread(() -> {
                    for (int i = 0; writing.get(); i++) {
                        HttpResponse<String> created = writer.post("api/students", student(name + i, "Outage", "Load"));
                        if (created.statusCode() == 201) {
                            acknowledged.add(object(created).getJsonNumber("id").longValue());
                        } else if (!isProblemToRetry(created)) {
                            unexpected.add(created.statusCode() + " " + created.headers().map() + " " + created.body());
                        } else if (created.body().contains(":commit-in-doubt\"")) {
                            inDoubt.incrementAndGet();
                        }
                    }
                }));
            }
            writers.forEach(Thread::start);
            awaitAcknowledged(acknowledged, 20);
            Http leaving = TestAccounts.signIn(server.anonymous(), TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);

            database.crash();
            awaitStatus(server.anonymous(), "/health/ready", 503);
            HttpResponse<String> read = http.get("api/students");
            assertProblemToRetry(read);
            HttpResponse<String> page = http.get("students");
            assertEquals(503, page.statusCode(), page.body());
            assertTrue(page.body().contains("id=\"unavailable\""), page.body());
            int acknowledgedWhileAway = acknowledged.size();
            // Signing out needs no database: the session ends here, and other nodes end theirs when it is idle.
            HttpResponse<String> signedOut = TestAccounts.signOut(leaving);
            assertEquals(302, signedOut.statusCode(), signedOut.body());
            assertTrue(signedOut.headers().firstValue("Location").orElse("").contains("sign-in?signedOut=true"));

            database.restart();
            awaitStatus(server.anonymous(), "/health/ready", 200);
            awaitStatus(http, "api/students", 200);
            awaitAcknowledged(acknowledged, acknowledgedWhileAway + 20);
            writing.set(false);
            for (Thread writer : writers) {
                writer.join(WITHIN.toMillis());
            }

            System.out.printf("database outage: %d writes acknowledged, %d answered as cut in their commit%n",
                    acknowledged.size(), inDoubt.get());
            assertTrue(TestAccounts.isSignInRedirect(leaving.get("students")), "still signed out");
            assertTrue(storedIds(database).containsAll(acknowledged), "every acknowledged write is stored");
            assertEquals(List.of(), unexpected, "a write is acknowledged, or refused as a 503 to retry (saying so"
                    + " when its commit was cut and it may be stored), never a 500");
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

    private static Set<Long> storedIds(Database database) throws Exception {
        Set<Long> ids = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(),
                database.password());
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
