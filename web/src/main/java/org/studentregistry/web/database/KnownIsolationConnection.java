package org.studentregistry.web.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A connection of {@link DriverDataSource} that knows its own isolation level, so that the server's pool can ask for
 * it without a round trip to the database every time.
 *
 * <p>The pool asks each time it hands a connection out, because the data source definition names a level (without
 * one, the pool's connections ran scans under repeatable-read row locks). PostgreSQL's driver answers by sending
 * {@code SHOW TRANSACTION ISOLATION LEVEL}: one round trip before every query, two thirds of the JSON page's
 * throughput (bench results T1717 against T1945). The pool's question is also, by accident, the only check that a
 * connection still works (no portable setting turns the pool's own validation on): after the database restarts,
 * the failing question is what makes the pool drop the connections the restart closed, and the application
 * recover without a restart of its own.
 *
 * <p>So the answer comes from memory while the connection was proven alive a moment ago, and from the database
 * otherwise: a busy connection makes one round trip per {@link #TRUSTED_FOR}, and an idle one is checked when it is
 * next handed out, as connection pools that validate on borrow commonly allow (HikariCP skips its check within
 * 500 ms of a connection's last use, for the same reason). The level changes only through
 * {@link Connection#setTransactionIsolation}, which updates the memory; nothing in the application changes it by SQL.
 */
final class KnownIsolationConnection implements InvocationHandler {

    /** How long a successful answer from the database stands for the connection being alive. */
    static final Duration TRUSTED_FOR = Duration.ofMillis(500);

    private static final long TRUSTED_FOR_NANOS = TRUSTED_FOR.toNanos();

    private final Connection connection;
    private volatile int isolation;
    private volatile long provenAliveAt;

    private KnownIsolationConnection(Connection connection) {
        this.connection = connection;
    }

    static Connection of(Connection connection) throws SQLException {
        KnownIsolationConnection known = new KnownIsolationConnection(connection);
        try {
            known.askTheDatabase();
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return (Connection) Proxy.newProxyInstance(KnownIsolationConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, known);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
        switch (method.getName()) {
            case "getTransactionIsolation":
                if (arguments == null) {
                    return System.nanoTime() - provenAliveAt < TRUSTED_FOR_NANOS ? isolation : askTheDatabase();
                }
                break;
            case "setTransactionIsolation":
                connection.setTransactionIsolation((Integer) arguments[0]);
                isolation = (Integer) arguments[0];
                return null;
            case "equals":
                return proxy == arguments[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            case "toString":
                return "KnownIsolationConnection[" + connection + "]";
            default:
                break;
        }
        try {
            return method.invoke(connection, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private int askTheDatabase() throws SQLException {
        int level = connection.getTransactionIsolation();
        isolation = level;
        provenAliveAt = System.nanoTime();
        return level;
    }
}
