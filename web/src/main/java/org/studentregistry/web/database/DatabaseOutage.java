package org.studentregistry.web.database;

import jakarta.resource.spi.ResourceAllocationException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.SystemException;
import org.studentregistry.service.Causes;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means that the database cannot be reached just now (stopped, restarting, or the network to it
 * down), rather than a fault of the request or of the application. Such a request is answered 503 with
 * {@code Retry-After}, not 500: it changed nothing, and the same request is expected to succeed once the database
 * is back, which the server's pool notices by itself (readiness says DOWN meanwhile).
 */
public final class DatabaseOutage {

    /** What {@code Retry-After} suggests: about as long as a database takes to restart. */
    public static final int RETRY_AFTER_SECONDS = 5;

    public static final String MESSAGE = "The registry cannot reach its database just now, so nothing was read or"
            + " changed. Try again in a few seconds.";

    public static final String IN_DOUBT_MESSAGE = "The database went away while this change was being committed, so"
            + " it may or may not have been stored. Once the registry answers again, read the record (or the list)"
            + " before sending the change again.";

    private DatabaseOutage() {
    }

    /**
     * Whether a transaction's commit failed without saying whether it took effect: the connection broke while the
     * database committed (JTA's {@code SystemException}), or the outcome is heuristic. Unlike every other failure,
     * such a write may have been stored, so it must not be answered as "nothing changed".
     */
    public static boolean isCommitInDoubt(Throwable failure) {
        return Causes.of(failure).anyMatch(t -> t instanceof SystemException || t instanceof HeuristicMixedException
                || t instanceof HeuristicRollbackException);
    }

    public static boolean isCause(Throwable failure) {
        return Causes.of(failure).anyMatch(DatabaseOutage::isConnectionFailure);
    }

    private static boolean isConnectionFailure(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException) {
            return true;
        }
        // The server's pool could not hand out a working connection, so the request never reached the database.
        // Payara says so when it finds a pooled connection closed as it starts the transaction on it, and names no
        // SQL state: the database's own error is lost in the wrapping.
        if (t instanceof ResourceAllocationException) {
            return true;
        }
        // SQLSTATE class 08 is "connection exception" in every database; PostgreSQL says 57P01 to 57P03 while it
        // shuts down or starts.
        return t instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"));
    }
}
