package org.studentregistry.web.database;

import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which failures mean "the database is away just now" (a 503 to retry) rather than a fault (a 500 or a 4xx), as the
 * servers wrap them: the causes below are the ones seen in the logs of {@code DatabaseOutageIT}'s runs.
 */
class DatabaseOutageTest {

    @Test
    void aDatabaseThatIsShuttingDownIsAnOutage() {
        SQLException shutdown = new SQLException("terminating connection due to administrator command", "57P01");
        assertTrue(DatabaseOutage.isCause(new PersistenceException(shutdown)));
    }

    @Test
    void aBrokenConnectionIsAnOutage() {
        SQLException broken = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertTrue(DatabaseOutage.isCause(new PersistenceException(broken)));
    }

    @Test
    void aConnectionThePoolCouldNotHandOutIsAnOutageThoughNoSqlStateSaysSo() {
        ResourceAllocationException allocation = new ResourceAllocationException(
                "Error in allocating a connection. Cause: Got exception during XAResource.start",
                new RuntimeException("This connection has been closed."));
        SQLException wrapped = new SQLException("Error in allocating a connection.", (String) null, allocation);
        assertTrue(DatabaseOutage.isCause(new PersistenceException(wrapped)));
    }

    @Test
    void aRefusedStatementIsNotAnOutage() {
        SQLException duplicate = new SQLException("duplicate key value violates unique constraint", "23505");
        assertFalse(DatabaseOutage.isCause(new PersistenceException(duplicate)));
        assertFalse(DatabaseOutage.isCause(new IllegalStateException("a bug")));
    }

    @Test
    void onlyACommitThatBrokeOffIsInDoubt() {
        assertTrue(DatabaseOutage.isCommitInDoubt(new IllegalStateException(new SystemException("commit cut"))));
        assertFalse(DatabaseOutage.isCommitInDoubt(new RollbackException("rolled back")));
    }
}
