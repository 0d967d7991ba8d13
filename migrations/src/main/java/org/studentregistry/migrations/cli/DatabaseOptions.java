package org.studentregistry.migrations.cli;

import org.apache.derby.drda.NetworkServerControl;
import org.apache.derby.jdbc.ClientDataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;
import org.studentregistry.migrations.SchemaMigrator;
import picocli.CommandLine.Option;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Which database a command works on: an embedded Derby database by its directory (the default is the one
 * {@code mvn -Prun package} uses), or any JDBC URL (a Derby network server, or a PostgreSQL database).
 *
 * <p>The password for a URL is never needed as an argument, which any user of the machine could read in the process
 * list: {@code --password} alone asks for it on the terminal, {@code --db-password-file} reads it from a file, and
 * without either it is taken from {@value #PASSWORD_VARIABLE}, the variable the application reads it from too.
 */
public class DatabaseOptions {

    static final Path DEFAULT_DATABASE = Path.of("data", "registry");
    static final String USER_VARIABLE = "REGISTRY_DB_USER";
    static final String PASSWORD_VARIABLE = "REGISTRY_DB_PASSWORD";

    /* Whether this process booted embedded Derby, and so must shut it down before exiting. */
    private static final AtomicBoolean EMBEDDED_BOOTED = new AtomicBoolean();

    /* Whether whoever started the JVM said where Derby keeps derby.log (its file, or its home): then it stays there. */
    private static final boolean DERBY_LOG_CHOSEN =
            System.getProperty("derby.stream.error.file") != null || System.getProperty("derby.system.home") != null;

    @Option(names = "--db", paramLabel = "DIR",
            description = "Embedded Derby database directory (default: ${DEFAULT-VALUE}, as the application uses it).")
    Path database = DEFAULT_DATABASE;

    @Option(names = "--url", paramLabel = "JDBC_URL",
            description = "A JDBC URL instead, e.g. jdbc:derby://localhost:1527/registry for a Derby network server,"
                    + " or jdbc:postgresql://127.0.0.1:5432/registry.")
    String url;

    @Option(names = "--user", defaultValue = "${env:" + USER_VARIABLE + "}",
            description = "User for --url (default: $" + USER_VARIABLE + ").")
    String user;

    @Option(names = "--password", interactive = true, arity = "0..1",
            description = "Password for --url, asked for on the terminal when given without a value (a value here"
                    + " shows in the process list). Without --password or --db-password-file: $" + PASSWORD_VARIABLE
                    + ".")
    String password;

    @Option(names = "--db-password-file", paramLabel = "FILE",
            description = "Password for --url, read from the first line of FILE (UTF-8).")
    Path passwordFile;

    @Option(names = "--create", description = "Create the embedded database if it does not exist yet.")
    boolean create;

    /** Where the database is, in words. */
    String describe() {
        return url != null ? url : database.toAbsolutePath().normalize().toString();
    }

    boolean isEmbedded() {
        return url == null;
    }

    Path directory() {
        return database.toAbsolutePath().normalize();
    }

    /* jdbc:derby:DIR (or memory:NAME) opens the database in this process; jdbc:derby://HOST/... asks a server. */
    private boolean isEmbeddedByUrl() {
        return url.startsWith("jdbc:derby:") && !url.startsWith("jdbc:derby://");
    }

    /** The folder of an embedded database on this machine's disk, by --db or by URL; empty for a server's. */
    Optional<Path> localDirectory() {
        if (isEmbedded()) {
            return Optional.of(directory());
        }
        if (isEmbeddedByUrl()) {
            String name = url.substring("jdbc:derby:".length()).split(";", 2)[0];
            return name.startsWith("memory:") ? Optional.empty()
                    : Optional.of(Path.of(name).toAbsolutePath().normalize());
        }
        return Optional.empty();
    }

    /** A data source for the database, after checking it can be opened; a clear error if it cannot. */
    DataSource open() {
        DataSource dataSource = isEmbedded() ? embedded() : byUrl();
        try (Connection ignored = dataSource.getConnection()) {
            return dataSource;
        } catch (SQLException e) {
            throw new UsageError(explain(e));
        }
    }

    /** Flyway over the opened database and the application's migrations. */
    Flyway migrations() {
        return SchemaMigrator.configure(open());
    }

    /** True once, after a command opened an embedded database: then it is for the caller to shut Derby down. */
    static boolean takeEmbeddedBooted() {
        return EMBEDDED_BOOTED.getAndSet(false);
    }

    private DataSource embedded() {
        EMBEDDED_BOOTED.set(true);
        Path directory = directory();
        if (!create && !Files.isDirectory(directory.resolve("seg0"))) {
            throw new UsageError("There is no Derby database at " + directory
                    + ". Give the right --db, or add --create to make a new one.");
        }
        if (create) {
            try {
                Files.createDirectories(directory.getParent());
            } catch (IOException e) {
                throw new UsageError("Cannot make the folder of " + directory + ": " + e.getMessage());
            }
        }
        keepDerbyLogBeside(directory);
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(directory.toString());
        if (create) {
            dataSource.setCreateDatabase("create");
        }
        return dataSource;
    }

    private DataSource byUrl() {
        if (isEmbeddedByUrl()) {
            return embeddedByUrl();
        }
        if (url.startsWith("jdbc:derby://")) {
            ClientDataSource client = new ClientDataSource();
            String rest = url.substring("jdbc:derby://".length());
            String hostPort = rest.substring(0, rest.indexOf('/'));
            client.setServerName(hostPort.split(":")[0]);
            if (hostPort.contains(":")) {
                client.setPortNumber(Integer.parseInt(hostPort.split(":")[1]));
            }
            String[] nameAndAttributes = rest.substring(rest.indexOf('/') + 1).split(";", 2);
            client.setDatabaseName(nameAndAttributes[0]);
            if (nameAndAttributes.length > 1) {
                client.setConnectionAttributes(nameAndAttributes[1]);
            }
            if (user != null) {
                client.setUser(user);
                client.setPassword(password());
            }
            return client;
        }
        return new UrlDataSource(url, user, password());
    }

    /*
     * An embedded Derby database given by URL (a directory, or memory:NAME) is opened like --db, through Derby's
     * data source rather than DriverManager, from which Derby's driver is gone once an earlier command in this process
     * shut Derby down; and it is shut down again at the end, so that the next process opens it without recovery.
     */
    private DataSource embeddedByUrl() {
        EMBEDDED_BOOTED.set(true);
        String[] nameAndAttributes = url.substring("jdbc:derby:".length()).split(";", 2);
        localDirectory().ifPresent(DatabaseOptions::keepDerbyLogBeside);
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(nameAndAttributes[0]);
        if (nameAndAttributes.length > 1) {
            dataSource.setConnectionAttributes(nameAndAttributes[1]);
        }
        if (user != null) {
            dataSource.setUser(user);
            dataSource.setPassword(password());
        }
        return dataSource;
    }

    /*
     * Derby writes derby.log into the working directory unless told otherwise, so a command run anywhere left one
     * there. It goes beside the database instead, where the application keeps it too (in derby.system.home, the
     * database's parent folder: data/derby.log beside data/registry). A command adds to it rather than starting it
     * afresh, as Derby would, so that it never erases what the application's last run wrote there. Derby reads both
     * each time it boots.
     */
    private static void keepDerbyLogBeside(Path database) {
        Path folder = database.getParent();
        if (!DERBY_LOG_CHOSEN && folder != null && Files.isDirectory(folder)) {
            System.setProperty("derby.stream.error.file", folder.resolve("derby.log").toString());
            System.setProperty("derby.infolog.append", "true");
        }
    }

    /** The password for the URL, from the first of its sources that gives one; null when none does. */
    private String password() {
        if (password != null) {
            return password;
        }
        if (passwordFile != null) {
            try (BufferedReader reader = Files.newBufferedReader(passwordFile, StandardCharsets.UTF_8)) {
                return reader.readLine();
            } catch (IOException e) {
                throw new UsageError("Cannot read the database's password from " + passwordFile + ": " + e.getMessage());
            }
        }
        return System.getenv(PASSWORD_VARIABLE);
    }

    private String explain(SQLException e) {
        if (bootedElsewhere(e, 0)) {
            // The way the README gives: the WAR has no Derby network server of its own to switch on.
            Path folder = localDirectory().orElse(directory());
            return "The database at " + describe() + " is in use by a running application (embedded Derby"
                    + " lets one process open it at a time). Stop the application first; or, to use it from both,"
                    + " stop it once, serve the database with registry-db serve --db " + folder + ", and give the"
                    + " application (REGISTRY_DB_URL) and this command (--url) the URL it prints, "
                    + ServeCommand.url(NetworkServerControl.DEFAULT_PORTNUMBER, folder) + ".";
        }
        return "Cannot open the database at " + describe() + ": " + e.getMessage();
    }

    /** Whether Derby said, anywhere among the causes, that another process has booted the database (XSDB6). */
    private static boolean bootedElsewhere(Throwable t, int depth) {
        if (t == null || depth > 20) {
            return false;
        }
        if (t instanceof SQLException sql) {
            if ("XSDB6".equals(sql.getSQLState())) {
                return true;
            }
            if (bootedElsewhere(sql.getNextException(), depth + 1)) {
                return true;
            }
        }
        return bootedElsewhere(t.getCause(), depth + 1);
    }

    /** A plain data source over {@link DriverManager}, for any JDBC URL. */
    private record UrlDataSource(String url, String user, String password) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        @Override
        public Connection getConnection(String username, String pass) throws SQLException {
            return DriverManager.getConnection(url, username, pass);
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
