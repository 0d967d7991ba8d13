package org.studentregistry.web.testing;

import org.apache.derby.drda.NetworkServerControl;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The database of the application under test, which the tests read too, so that "stored" means what is in the
 * database, not what the application's caches answer.
 *
 * <p>For the Payara Micro that Arquillian starts, a Derby network server in the test's own JVM serves it: as a JUnit
 * extension, registered before Arquillian's, this starts that server once per JVM, before the first Payara Micro
 * starts, and adds {@code -Dregistry.db.url=...} (and the test accounts' settings, {@link TestAccounts}) to the
 * options Arquillian starts Payara Micro with ({@code payara.cmdOptions}). For a server the build started ({@link RunningServer}), {@code registry.db.url}
 * names the database it was given, as the tests reach it.
 */
public final class ApplicationDatabase implements BeforeAllCallback {

    private static final String NAME = "registry";
    private static NetworkServerControl server;
    private static String url;
    private static PostgresDatabases postgres;

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    /** The JDBC URL of the application's database: Derby's network client, on loopback. */
    public static synchronized String start() {
        if (url != null) {
            return url;
        }
        if (RunningServer.url().isPresent()) {
            url = System.getProperty("registry.db.url", "");
            if (url.isBlank()) {
                throw new IllegalStateException("registry.db.url must name the database of " + RunningServer.name());
            }
            return url;
        }
        if ("postgresql".equals(System.getProperty("registry.test.database"))) {
            return startOnPostgres();
        }
        try {
            Path home = Path.of(System.getProperty("derby.system.home", "target/it-derby-server")).toAbsolutePath();
            Files.createDirectories(home);
            System.setProperty("derby.system.home", home.toString());
            int port = freePort();
            NetworkServerControl control = new NetworkServerControl(InetAddress.getByName("127.0.0.1"), port);
            control.start(new PrintWriter(Files.newBufferedWriter(home.resolve("network-server.log")), true));
            awaitPing(control);
            server = control;
            Runtime.getRuntime().addShutdownHook(new Thread(ApplicationDatabase::stop));
            String served = "jdbc:derby://127.0.0.1:" + port + "/" + NAME;
            String options = System.getProperty("payara.cmdOptions", "");
            System.setProperty("payara.cmdOptions", (options + " -Dregistry.db.url=" + served + ";create=true "
                    + String.join(" ", TestAccounts.serverOptions())).strip());
            url = served;
            return url;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the Derby network server for the tests", e);
        }
    }

    /*
     * The same suites on PostgreSQL: a fresh schema on the configured server, given to Payara Micro as its database
     * (the password as a system property: these are a throwaway server's test credentials).
     */
    private static String startOnPostgres() {
        PostgresDatabases server = PostgresDatabases.required();
        String served = server.freshSchema("it");
        String options = System.getProperty("payara.cmdOptions", "");
        System.setProperty("payara.cmdOptions", (options + " -Dregistry.db.url=" + served
                + (server.user() == null ? "" : " -Dregistry.db.user=" + server.user()
                + " -Dregistry.db.password=" + server.password())
                + " " + String.join(" ", TestAccounts.serverOptions())).strip());
        postgres = server;
        url = served;
        return url;
    }

    /** A connection to the application's database; close it after use. */
    public static Connection connect() throws SQLException {
        String database = start();
        return postgres == null ? DriverManager.getConnection(database)
                : DriverManager.getConnection(database, postgres.user(), postgres.password());
    }

    /** The rows of a table now, as committed. */
    public static long count(String table) {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every column of one row, by lower-case column name, as stored; empty when there is no such row. */
    public static Map<String, Object> row(String table, long id) {
        try (Connection c = connect();
             PreparedStatement s = c.prepareStatement("SELECT * FROM " + table + " WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                Map<String, Object> row = new LinkedHashMap<>();
                if (rs.next()) {
                    ResultSetMetaData meta = rs.getMetaData();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnName(i).toLowerCase(Locale.ROOT), rs.getObject(i));
                    }
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the application's schema has this table. */
    public static boolean tableExists(String table) {
        try (Connection c = connect();
             ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), c.getMetaData().storesUpperCaseIdentifiers()
                     ? table.toUpperCase(Locale.ROOT) : table.toLowerCase(Locale.ROOT), null)) {
            return rs.next();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitPing(NetworkServerControl control) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try {
                control.ping();
                return;
            } catch (Exception notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(100);
            }
        }
    }

    private static void stop() {
        try {
            server.shutdown();
        } catch (Exception ignored) {
            // the JVM is ending anyway
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
