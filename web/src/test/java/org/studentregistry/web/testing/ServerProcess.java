package org.studentregistry.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application on a Payara Micro in a child process of the test, started the way the README starts it,
 * for what Arquillian cannot do: kill the server in the middle of its work, or watch its memory for minutes.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofMinutes(2);

    private final Path database;
    private final Path logs;
    private final int port;
    private final List<String> settings;
    private final Map<String, String> environment;
    private final String serverCommands;
    private final List<Path> serverLibraries;
    private Process process;
    private int starts;

    /**
     * A server that keeps its embedded database in {@code database} and its logs beside it, started with the test
     * accounts' settings ({@link TestAccounts#serverOptions()}).
     */
    public ServerProcess(Path database) {
        this(database, TestAccounts.serverOptions(), Map.of());
    }

    private ServerProcess(Path database, List<String> settings, Map<String, String> environment) {
        this(database, settings, environment, "", List.of());
    }

    private ServerProcess(Path database, List<String> settings, Map<String, String> environment,
                          String serverCommands, List<Path> serverLibraries) {
        this.database = database.toAbsolutePath();
        this.logs = this.database.resolveSibling(this.database.getFileName() + "-logs");
        this.port = freePort();
        this.settings = settings;
        this.environment = environment;
        this.serverCommands = serverCommands;
        this.serverLibraries = serverLibraries;
    }

    /**
     * A server on a database that others may share (a Derby network server, PostgreSQL), given by its JDBC URL and
     * credentials, with the test accounts' settings; its logs go beside {@code name}. The password goes in the
     * environment, as the README advises, never on the command line.
     */
    public static ServerProcess onDatabase(String url, String user, String password, Path name) {
        return onDatabase(TestAccounts.serverOptions(), url, user, password, name);
    }

    /** A server as a new user starts one ({@link #asInstalled}), on a database that others may share. */
    public static ServerProcess asInstalledOn(String url, String user, String password, Path name) {
        return onDatabase(List.of(), url, user, password, name);
    }

    private static ServerProcess onDatabase(List<String> options, String url, String user, String password,
                                            Path name) {
        List<String> settings = new ArrayList<>(options);
        settings.add("-Dregistry.db.url=" + url);
        Map<String, String> environment = new HashMap<>();
        if (user != null) {
            settings.add("-Dregistry.db.user=" + user);
            environment.put("REGISTRY_DB_PASSWORD", password);
        }
        return new ServerProcess(name, settings, environment);
    }

    /**
     * A server whose administrator defined a data source on it, named {@code jndiName}, by pre-boot commands (with
     * the JDBC driver jar added to the server), and told the application to use it ({@code registry.db.resource}),
     * with the test accounts' settings. The embedded database the WAR's own pool would open is {@code database}.
     */
    public static ServerProcess onServerDataSource(String jndiName, String commands, Path driver,
                                                   Map<String, String> environment, Path database) {
        List<String> settings = new ArrayList<>(TestAccounts.serverOptions());
        settings.add("-Dregistry.db.resource=" + jndiName);
        return new ServerProcess(database, settings, environment, commands, List.of(driver));
    }

    /** A server started as a new user starts one: no settings, so a fresh database has no admin. */
    public static ServerProcess asInstalled(Path database) {
        return new ServerProcess(database, List.of(), Map.of());
    }

    /** What the server has written to its log since its last start. */
    public String log() {
        try {
            return Files.readString(logs.resolve("server-" + starts + ".log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server and returns once it reports ready; fails the test if it does not within two minutes. */
    public void start() {
        launch();
        awaitReady();
    }

    /**
     * Starts the server and returns once Payara Micro says it has started, whether or not the application deployed
     * (ready or not); fails the test if it does not say so within two minutes.
     */
    public void startWhateverDeploys() {
        launch();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (!log().matches("(?s).*Payara Micro .* ready in .*")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the server did not start; see " + logs);
            }
            sleep(200);
        }
    }

    private void launch() {
        try {
            Files.createDirectories(logs);
            // One node as the README runs it (one-node.asadmin), with its HTTP listener on loopback besides.
            Path commands = logs.resolve("one-node-loopback.asadmin");
            Files.writeString(commands, Files.readString(Path.of(System.getProperty("payara.oneNodeCommands")))
                    + Files.readString(Path.of(System.getProperty("payara.loopbackCommands"))) + serverCommands);
            List<String> command = new ArrayList<>(List.of(jdkTool("java"), "@" + System.getProperty("payara.jvmOptions"),
                    "-Dregistry.db.path=" + database,
                    "-jar", System.getProperty("payara.microJar"),
                    "--deploy", System.getProperty("registry.war"), "--contextroot", "/",
                    "--port", String.valueOf(port), "--nohazelcast", "--interfaces", "127.0.0.1",
                    "--prebootcommandfile", commands.toString()));
            for (Path library : serverLibraries) {
                command.addAll(List.of("--addlibs", library.toString()));
            }
            command.addAll(1, settings);
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            process = builder
                    .redirectErrorStream(true)
                    .redirectOutput(logs.resolve("server-" + ++starts + ".log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        // HTTP/1.1: the JDK client's h2c upgrade, tried against a server that is still deploying, once left a
        // connection that answered nothing for the rest of the wait.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        String lastAnswer = "no answer";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the server stopped while starting; see " + logs);
            }
            try {
                HttpResponse<String> ready = client.send(HttpRequest.newBuilder(uri("/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
                lastAnswer = ready.statusCode() + " " + ready.body();
            } catch (IOException notYet) {
                lastAnswer = notYet.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new AssertionError("the server was not ready within " + READY_WITHIN + " (last answer: " + lastAnswer
                + "); see " + logs);
    }

    /** Kills the server at once (SIGKILL): no shutdown hook, no Derby shutdown, whatever was in flight is cut. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** Stops the server the normal way (SIGTERM). */
    public void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            awaitExit();
        }
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public long pid() {
        return process.pid();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A client of this server with no session and no token; its paths are relative to the application. */
    public Http anonymous() {
        try {
            return new Http(new URL("http://127.0.0.1:" + port + "/"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The admin's client of this server: signed in on the pages, with an admin token for the API. */
    public Http http() {
        return TestAccounts.admin(anonymous());
    }

    /** The java of this JDK, or a tool beside it ({@code jcmd}). */
    public static String jdkTool(String name) {
        return ProcessHandle.current().info().command()
                .map(java -> Path.of(java).resolveSibling(name).toString())
                .orElse(name);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
