package org.studentregistry.migrations.cli;

import org.apache.derby.jdbc.ClientDataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;
import org.studentregistry.migrations.SchemaMigrator;
import picocli.CommandLine.Option;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Which database a command works on: an embedded Derby database by its directory (the default is the one
 * {@code mvn -Prun package} uses), or any JDBC URL (a Derby network server, or another database Flyway supports).
 */
public class DatabaseOptions {

    static final Path DEFAULT_DATABASE = Path.of("data", "registry");

    /* Whether this process booted embedded Derby, and so must shut it down before exiting. */
    private static final AtomicBoolean EMBEDDED_BOOTED = new AtomicBoolean();

    @Option(names = "--db", paramLabel = "DIR",
            description = "Embedded Derby database directory (default: ${DEFAULT-VALUE}, as the application uses it).")
    Path database = DEFAULT_DATABASE;

    @Option(names = "--url", paramLabel = "JDBC_URL",
            description = "A JDBC URL instead, e.g. jdbc:derby://localhost:1527/registry for a Derby network server.")
    String url;

    @Option(names = "--user", description = "User for --url.")
    String user;

    @Option(names = "--password", description = "Password for --url.", interactive = true, arity = "0..1")
    String password;

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
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(directory.toString());
        if (create) {
            dataSource.setCreateDatabase("create");
        }
        return dataSource;
    }

    private DataSource byUrl() {
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
                client.setPassword(password);
            }
            return client;
        }
        return new UrlDataSource(url, user, password);
    }

    private String explain(SQLException e) {
        if (bootedElsewhere(e, 0)) {
            return "The database at " + describe() + " is in use by a running application (embedded Derby"
                    + " lets one process open it at a time). Stop the application, or run it with the Derby"
                    + " network server (-Dderby.drda.startNetworkServer=true) and use"
                    + " --url jdbc:derby://localhost:1527/" + directory() + ".";
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
