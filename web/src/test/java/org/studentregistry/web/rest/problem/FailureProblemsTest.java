package org.studentregistry.web.rest.problem;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;
import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAException;
import java.sql.SQLNonTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the API answers for a failure no other mapper knows: above all, never "nothing changed" when it may have. */
class FailureProblemsTest {

    private static final SQLNonTransientConnectionException CONNECTION_LOST =
            new SQLNonTransientConnectionException("A communications error has been detected: Connection reset.",
                    "08006");

    @Test
    void aCommitCutByTheDatabaseGoingAwayIsA503ThatSaysTheChangeMayBeStored() {
        XAException xa = new XAException("commit failed");
        xa.initCause(CONNECTION_LOST);
        SystemException commit = new SystemException();
        commit.initCause(xa);

        Problem problem = HttpExceptionMappers.Unexpected.problemFor(
                new TransactionalException("encountered exception during commit", commit));

        assertEquals(503, problem.status());
        assertEquals("urn:student-registry:problem:commit-in-doubt", problem.type());
        assertTrue(problem.detail().contains("may or may not have been stored"), problem.detail());
    }

    @Test
    void aRolledBackWriteWhileTheDatabaseIsAwayIsA503ThatSaysNothingChanged() {
        RollbackException rolledBack = new RollbackException();
        rolledBack.initCause(new PersistenceException(CONNECTION_LOST));

        Problem problem = HttpExceptionMappers.Unexpected.problemFor(
                new TransactionalException("encountered exception during commit", rolledBack));

        assertEquals(503, problem.status());
        assertEquals("about:blank", problem.type());
        assertTrue(problem.detail().contains("nothing was read or changed"), problem.detail());
    }

    @Test
    void anyOtherFailureIsA500WithAnIncidentToQuote() {
        Problem problem = HttpExceptionMappers.Unexpected.problemFor(new IllegalStateException("a bug"));

        assertEquals(500, problem.status());
        assertTrue(problem.detail().matches("The server failed to answer this request. Incident [0-9a-f-]{36} was"
                + " logged."), problem.detail());
    }
}
