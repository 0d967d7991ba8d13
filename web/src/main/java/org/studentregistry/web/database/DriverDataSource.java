package org.studentregistry.web.database;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * The connections of the registry's database, opened by whichever JDBC driver in the application accepts the
 * configured URL ({@link DatabaseSettings}). The server pools them: this class only opens one when the pool asks.
 *
 * <p>It exists because {@code @DataSourceDefinition} takes fixed strings, and each server has its own way (or none)
 * to put configuration into them ({@code ${MPCONFIG=..}} is Payara's alone). A data source class of our own,
 * named in the definition, reads the configuration itself and so behaves the same on every Jakarta EE server. Its
 * connections answer the pool's question for their isolation level from memory ({@link KnownIsolationConnection}).
 */
public class DriverDataSource implements DataSource {

    private final DatabaseSettings settings = DatabaseSettings.fromEnvironment();
    private final Driver driver = driverFor(settings.url());
    private PrintWriter logWriter;
    private int loginTimeout;

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(settings.user(), settings.password());
    }

    /**
     * A blank user counts as none given, as when a server passes the data source definition's empty default
     * ({@code user=""}, GlassFish does): Derby's network client refuses an empty user id ("User id length (0) is
     * outside the range of 1 to 255"), so the settings' user, or the driver's own default, applies instead.
     */
    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        boolean userGiven = user != null && !user.isBlank();
        String effectiveUser = userGiven ? user : settings.user();
        String effectivePassword = userGiven ? password : settings.password();
        Properties properties = new Properties();
        if (effectiveUser != null) {
            properties.setProperty("user", effectiveUser);
        }
        if (effectivePassword != null) {
            properties.setProperty("password", effectivePassword);
        }
        return KnownIsolationConnection.of(driver.connect(settings.url(), properties));
    }

    private static Driver driverFor(String url) {
        for (Driver candidate : ServiceLoader.load(Driver.class, DriverDataSource.class.getClassLoader())) {
            try {
                if (candidate.acceptsURL(url)) {
                    return candidate;
                }
            } catch (SQLException e) {
                // A driver that cannot even judge the URL is not the one.
            }
        }
        throw new IllegalStateException("No JDBC driver in the application accepts the database URL " + url
                + " (set by " + DatabaseSettings.URL + "); the application carries the drivers of Derby (embedded"
                + " and network client) and PostgreSQL.");
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("The driver logs through its own means.");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
