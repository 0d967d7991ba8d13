package org.studentregistry.web.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Payara Micro nodes of the packaged application on one database, clustered, behind nginx: started and stopped by
 * the README's command, {@code ./cluster}, with the test accounts' settings and a database given to it, on ports of
 * their own. Its folder (logs, pid files, nginx's configuration) is under {@code target/cluster}.
 */
public final class Cluster implements AutoCloseable {

    /* The proxy, then per node its HTTP port and its Hazelcast port: CLUSTER_PORT + 0..19 (see ./cluster). */
    private static final int PORTS = 20;

    private final Path script = Path.of(System.getProperty("cluster.script", "../cluster")).toAbsolutePath();
    private final Path dir;
    private final int base;
    private final Map<String, String> environment;
    private int nodes;

    /**
     * A cluster on the database of the JDBC URL, as the user; the password goes in the environment, as the README
     * advises, never on a command line.
     */
    public Cluster(String url, String user, String password, Path dir) {
        this.dir = dir.toAbsolutePath();
        this.base = freePorts();
        this.environment = Map.of("CLUSTER_DIR", this.dir.toString(), "CLUSTER_PORT", String.valueOf(base),
                "REGISTRY_DB_URL", url, "REGISTRY_DB_USER", user, "REGISTRY_DB_PASSWORD", password,
                "REGISTRY_ADMIN_USERNAME", TestAccounts.ADMIN, "REGISTRY_ADMIN_PASSWORD", TestAccounts.ADMIN_PASSWORD,
                "REGISTRY_PASSWORD_ITERATIONS", "1024", "REGISTRY_SIGNIN_LOCK_SECONDS", "5");
    }

    /** Starts the nodes together and the proxy; returns once every node is ready, or fails the test. */
    public void start(int nodes) {
        this.nodes = nodes;
        int exit = run("start", String.valueOf(nodes));
        if (exit != 0) {
            throw new AssertionError("./cluster start " + nodes + " failed (" + exit + "); see " + dir);
        }
    }

    /** Kills node {@code i} at once (SIGKILL): whatever it had in flight is cut, its memory is gone. */
    public void kill(int i) {
        long pid = Long.parseLong(read(dir.resolve("node-" + i + ".pid")).strip());
        ProcessHandle node = ProcessHandle.of(pid)
                .orElseThrow(() -> new AssertionError("node " + i + " is not running"));
        node.destroyForcibly();
        node.onExit().join();
    }

    /** Takes node {@code i} out of the proxy, then stops it the normal way ({@code ./cluster stop-node}). */
    public void stopNode(int i) {
        int exit = run("stop-node", String.valueOf(i));
        if (exit != 0) {
            throw new AssertionError("./cluster stop-node " + i + " failed (" + exit + "); see " + dir);
        }
    }

    /** Starts node {@code i} again and puts it back in the proxy once it is ready ({@code ./cluster start-node}). */
    public void startNode(int i) {
        int exit = run("start-node", String.valueOf(i));
        if (exit != 0) {
            throw new AssertionError("./cluster start-node " + i + " failed (" + exit + "); see " + dir);
        }
    }

    /** The node (from 1) that served the request whose address held {@code mark}, as the proxy logged it. */
    public int nodeThatServed(String mark) {
        Matcher served = Pattern.compile(Pattern.quote(mark) + " [^\\n]* node=127\\.0\\.0\\.1:(\\d+)")
                .matcher(proxyLog());
        if (!served.find()) {
            throw new AssertionError("the proxy logged no request with " + mark);
        }
        return Integer.parseInt(served.group(1)) - base;
    }

    /** The proxy, as a client with no session and no token. */
    public Http proxy() {
        return client(base);
    }

    /** Node {@code i} (from 1) directly, as a client with no session and no token. */
    public Http node(int i) {
        return client(base + i);
    }

    public URI nodeUri(int i) {
        return URI.create("http://127.0.0.1:" + (base + i) + "/");
    }

    public List<Integer> nodes() {
        return IntStream.rangeClosed(1, nodes).boxed().toList();
    }

    /** What node {@code i} has logged since the cluster started. */
    public String log(int i) {
        return read(dir.resolve("node-" + i + ".log"));
    }

    /** Waits until some node has logged {@code text}; fails the test if none has within the time given. */
    public void awaitLog(String text, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (nodes().stream().noneMatch(node -> log(node).contains(text))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no node logged \"" + text + "\" within " + within);
            }
            Thread.sleep(200);
        }
    }

    /** nginx's access log: a line per request, with the node (or nodes, after a retry) that it went to. */
    public String proxyLog() {
        return read(dir.resolve("nginx-access.log"));
    }

    @Override
    public void close() {
        run("stop");
    }

    private int run(String... arguments) {
        try {
            Files.createDirectories(dir);
            List<String> command = new ArrayList<>(List.of("bash", script.toString()));
            command.addAll(List.of(arguments));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            Process process = builder.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("cluster.log").toFile()))
                    .start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("./cluster " + String.join(" ", arguments) + " took over 5 minutes");
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Http client(int port) {
        try {
            return new Http(new URL("http://127.0.0.1:" + port + "/"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /* A block of PORTS free ports on loopback, starting at one the system chose. */
    private static int freePorts() {
        for (int attempt = 0; attempt < 20; attempt++) {
            int first;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                first = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (first + PORTS < 65536 && allFree(first, PORTS)) {
                return first;
            }
        }
        throw new IllegalStateException("no block of " + PORTS + " free ports on 127.0.0.1");
    }

    private static boolean allFree(int first, int count) {
        for (int port = first; port < first + count; port++) {
            try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                // free
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
