package org.studentregistry.migrations.cli;

import org.apache.derby.drda.NetworkServerControl;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * Serves an embedded database over Derby's network protocol on 127.0.0.1, so that the application
 * ({@code REGISTRY_DB_URL}) and {@code registry-db --url} can use it at the same time: embedded Derby lets only one
 * process open a database.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the database to other processes on 127.0.0.1 (Derby network server) until stopped.")
class ServeCommand implements Callable<Integer> {

    @Option(names = "--db", paramLabel = "DIR",
            description = "Embedded Derby database directory (default: ${DEFAULT-VALUE}, as the application uses it).")
    Path database = DatabaseOptions.DEFAULT_DATABASE;

    @Option(names = "--port", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port = NetworkServerControl.DEFAULT_PORTNUMBER;

    @Spec
    CommandSpec spec;

    /** Released when the server is to stop; a test (or the shutdown hook on Ctrl-C) releases it. */
    final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        Path directory = database.toAbsolutePath().normalize();
        PrintWriter out = spec.commandLine().getOut();
        NetworkServerControl server = new NetworkServerControl(InetAddress.getLoopbackAddress(), port);
        server.start(null);
        awaitStarted(server);
        // By its absolute path: a database name in a network URL is otherwise resolved against the server's home.
        out.println("Serving " + directory + " as " + url(port, directory) + " (Ctrl-C stops)");
        out.flush();
        Thread hook = new Thread(stop::countDown);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stop.await();
        } finally {
            server.shutdown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running already.
            }
        }
        return 0;
    }

    static String url(int port, Path directory) {
        return "jdbc:derby://127.0.0.1:" + port + "/" + directory + ";create=true";
    }

    private static void awaitStarted(NetworkServerControl server) throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                server.ping();
                return;
            } catch (Exception notYet) {
                Thread.sleep(100);
            }
        }
        server.ping();
    }
}
