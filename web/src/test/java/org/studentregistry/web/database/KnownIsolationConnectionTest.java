package org.studentregistry.web.database;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The pool's question for a connection's isolation level: answered from memory, yet still a check that it works. */
class KnownIsolationConnectionTest {

    private Connection driverConnection;

    @BeforeEach
    void connect() throws SQLException {
        driverConnection = DriverManager.getConnection("jdbc:derby:memory:known-isolation;create=true");
        driverConnection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }

    @AfterEach
    void close() throws SQLException {
        if (!driverConnection.isClosed()) {
            driverConnection.close();
        }
    }

    @Test
    void aConnectionThatStoppedWorkingFailsThePoolsQuestionOnceItsLastAnswerIsOld() throws Exception {
        Connection connection = KnownIsolationConnection.of(driverConnection);
        driverConnection.close();

        assertEquals(Connection.TRANSACTION_READ_COMMITTED, connection.getTransactionIsolation(),
                "just proven alive: the answer comes from memory, without asking the database");
        Thread.sleep(KnownIsolationConnection.TRUSTED_FOR.toMillis() + 100);
        assertThrows(SQLException.class, connection::getTransactionIsolation,
                "no longer proven alive: the database is asked, and the closed connection fails");
    }

    @Test
    void aLevelSetThroughTheConnectionIsTheLevelItAnswers() throws SQLException {
        Connection connection = KnownIsolationConnection.of(driverConnection);

        connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);

        assertEquals(Connection.TRANSACTION_SERIALIZABLE, connection.getTransactionIsolation());
        assertEquals(Connection.TRANSACTION_SERIALIZABLE, driverConnection.getTransactionIsolation());
    }

    @Test
    void everythingElseIsTheDriversConnection() throws SQLException {
        Connection connection = KnownIsolationConnection.of(driverConnection);

        assertSame(driverConnection, connection.unwrap(driverConnection.getClass()));
        connection.setAutoCommit(false);
        assertFalse(driverConnection.getAutoCommit());
        SQLException failure = assertThrows(SQLException.class,
                () -> connection.createStatement().executeQuery("SELECT * FROM no_such_table"));
        assertEquals("42X05", failure.getSQLState(), "the driver's own exception, not a reflective wrapper");
    }

    @Test
    void aConnectionWhoseFirstAnswerFailsIsClosedNotLeaked() {
        // No open Derby connection fails this question, so a stand-in for a driver's connection that does.
        AtomicBoolean closed = new AtomicBoolean();
        Connection failing = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                    switch (method.getName()) {
                        case "getTransactionIsolation":
                            throw new SQLException("connection reset", "08006");
                        case "close":
                            closed.set(true);
                            return null;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });

        SQLException failure = assertThrows(SQLException.class, () -> KnownIsolationConnection.of(failing));
        assertEquals("08006", failure.getSQLState());
        assertTrue(closed.get(), "the driver's connection is closed when it cannot be handed on");
    }
}
