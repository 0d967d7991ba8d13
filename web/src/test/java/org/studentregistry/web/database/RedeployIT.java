package org.studentregistry.web.database;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.studentregistry.web.testing.Http;
import org.studentregistry.web.testing.TestAccounts;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.studentregistry.web.testing.Http.object;
import static org.studentregistry.web.testing.Http.student;

/**
 * A redeploy in the same server, as a development loop does it: Payara Micro reloads an exploded application when
 * its {@code .reload} file is touched. The embedded database must be shut down on undeploy, or the new deployment
 * cannot boot it again (Derby's XSDB6) and the data would be out of reach.
 */
class RedeployIT {

    @TempDir
    Path temp;

    private Process server;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void theApplicationComesBackWithItsDataAfterARedeploy() throws Exception {
        Path exploded = unzip(Path.of(System.getProperty("registry.war", "target/student-registry.war")),
                temp.resolve("student-registry"));
        Path log = temp.resolve("server.log");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dderby.system.home=" + temp.resolve("derby"), "-Xmx512m", "-Dhazelcast.socket.bind.any=false"));
        command.addAll(TestAccounts.serverOptions());
        command.addAll(List.of("-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                "--deploy", exploded.toString(), "--contextroot", "/", "--port", String.valueOf(port), "--nocluster",
                "--interfaces", "127.0.0.1", "--prebootcommandfile", System.getProperty("payara.loopbackCommands")));
        server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Http anonymous = new Http(URI.create("http://127.0.0.1:" + port + "/").toURL());
        awaitReady(anonymous);
        Http http = TestAccounts.admin(anonymous);
        HttpResponse<String> created = http.post("api/students", student("Ada", "Lovelace", "Mathematics"));
        assertEquals(201, created.statusCode(), created.body());
        long id = object(created).getJsonNumber("id").longValue();

        Files.writeString(exploded.resolve(".reload"), "");
        await(() -> Files.readString(log).contains("Embedded Derby shut down cleanly"), "the undeploy shuts Derby down");
        await(() -> Files.readString(log).split("Embedded Derby shut down cleanly", 2)[1].contains("(up to date)"),
                "the new deployment boots the database again");
        awaitReady(http);

        assertEquals("Lovelace", object(http.get("api/students/" + id)).getString("lastName"));
        assertFalse(Files.readString(log).contains("XSDB6"), "no second boot of a booted database");
    }

    private static void awaitReady(Http http) throws Exception {
        await(() -> {
            try {
                return http.get("/health/ready").statusCode() == 200;
            } catch (RuntimeException notYet) {
                return false;
            }
        }, "the application is ready");
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void await(Condition condition, String what) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(250);
        }
    }

    private static Path unzip(Path war, Path target) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(war))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path file = target.resolve(entry.getName()).normalize();
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(zip, file);
                }
            }
        }
        return target;
    }
}
