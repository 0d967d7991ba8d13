package org.studentregistry.web.database;

import org.junit.jupiter.api.Test;
import org.postgresql.Driver;
import org.studentregistry.web.testing.Http;
import org.studentregistry.web.testing.PostgresDatabases;
import org.studentregistry.web.testing.ServerProcess;
import org.studentregistry.web.testing.TestAccounts;

import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.studentregistry.web.testing.Http.object;
import static org.studentregistry.web.testing.Http.student;

/**
 * A data source the server's administrator defines (here by Payara Micro's pre-boot commands, with PostgreSQL's
 * driver added to the server), named in {@code registry.db.resource}: the application migrates, reads and writes
 * through it, the pool's size bounds the connections it opens, and the WAR's own pool is never opened.
 */
class ServerDataSourceIT {

    // The least the application works with: a migration holds three connections at once (Flyway's).
    private static final int POOL_SIZE = 3;
    private static final int CLIENTS = 8;
    private static final int CREATES_PER_CLIENT = 10;

    @Test
    void aPoolDefinedOnTheServerCarriesEveryQueryWithinItsSize() throws Exception {
        PostgresDatabases server = PostgresDatabases.required();
        String url = server.freshSchema("server_pool");
        String applicationName = "registry-" + UUID.randomUUID();
        // The password stays out of the command file: Payara reads it from the environment.
        String commands = "create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource"
                + " --restype javax.sql.DataSource --isolationlevel read-committed"
                + " --steadypoolsize 1 --maxpoolsize " + POOL_SIZE
                + " --property url=" + escaped(url) + ":user=" + server.user()
                + ":password=${ENV=REGISTRY_TEST_POOL_PASSWORD}:applicationName=" + applicationName
                + " registry-pool\n"
                + "create-jdbc-resource --connectionpoolid registry-pool jdbc/registry\n";
        Path database = Path.of("target", "server-data-source", UUID.randomUUID().toString(), "unused-derby");

        try (ServerProcess node = ServerProcess.onServerDataSource("jdbc/registry", commands, driverJar(),
                Map.of("REGISTRY_TEST_POOL_PASSWORD", server.password()), database);
             Connection watcher = DriverManager.getConnection(server.url(), server.user(), server.password())) {
            node.start();
            assertTrue(node.log().contains("Database: PostgreSQL"), "migrated on the server's data source");
            Http api = node.anonymous().withToken(TestAccounts.adminToken(node.anonymous()));

            AtomicBoolean loading = new AtomicBoolean(true);
            AtomicInteger mostConnections = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
            try {
                Future<?> watching = clients.submit(() -> {
                    while (loading.get()) {
                        mostConnections.accumulateAndGet(connections(watcher, applicationName), Math::max);
                    }
                    return null;
                });
                List<Future<?>> work = new ArrayList<>();
                for (int client = 0; client < CLIENTS; client++) {
                    String lastName = "Client" + client;
                    work.add(clients.submit(() -> createAndReadBack(api, lastName)));
                }
                try {
                    for (Future<?> done : work) {
                        done.get();
                    }
                } finally {
                    loading.set(false);
                }
                watching.get();
            } finally {
                clients.shutdownNow();
            }

            int most = mostConnections.get();
            assertTrue(most >= 1 && most <= POOL_SIZE,
                    "connections of the server's pool seen under load: " + most + " (its size: " + POOL_SIZE + ")");
            assertEquals(CLIENTS * CREATES_PER_CLIENT, rows(url, server, "student"), "every create is in its schema");
        }
        assertFalse(Files.exists(database), "the WAR's own pool opened its embedded database at " + database);
    }

    @Test
    void aDataSourceTheServerDoesNotHaveStopsTheDeploymentAndTheLogSaysWhich() throws Exception {
        Path database = Path.of("target", "server-data-source", UUID.randomUUID().toString(), "unused-derby");
        try (ServerProcess node = ServerProcess.onServerDataSource("jdbc/misspelled", "", driverJar(), Map.of(),
                database)) {
            node.startWhateverDeploys();

            assertTrue(node.log().contains("No data source named jdbc/misspelled on this server, as "
                    + "registry.db.resource asks"), "the log names the data source and the setting");
            assertEquals(404, node.anonymous().get("api/students").statusCode(), "nothing deployed");
            assertNotEquals(200, node.anonymous().get("health/ready").statusCode());
        }
        assertFalse(Files.exists(database), "the WAR's own pool opened its embedded database at " + database);
    }

    private static Void createAndReadBack(Http api, String lastName) {
        for (int i = 0; i < CREATES_PER_CLIENT; i++) {
            HttpResponse<String> created = api.post("api/students", student("F" + i, lastName, "Pooled"));
            assertEquals(201, created.statusCode(), created.body());
            long id = object(created).getJsonNumber("id").longValue();
            HttpResponse<String> read = api.get("api/students/" + id);
            assertEquals(200, read.statusCode(), read.body());
            assertEquals(lastName, object(read).getString("lastName"));
        }
        return null;
    }

    private static int connections(Connection watcher, String applicationName) throws SQLException {
        try (PreparedStatement count = watcher.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
            count.setString(1, applicationName);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private static int rows(String url, PostgresDatabases server, String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, server.user(), server.password());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
            result.next();
            return result.getInt(1);
        }
    }

    /** A value in asadmin's {@code --property} list, where ':' and '=' separate the properties. */
    private static String escaped(String value) {
        return value.replace(":", "\\:").replace("=", "\\=");
    }

    private static Path driverJar() throws URISyntaxException {
        return Path.of(Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
