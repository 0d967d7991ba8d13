package org.studentregistry.service;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;

/**
 * Runs a service call again when the database rolled its transaction back over a lock conflict: a deadlock (two
 * changes that take the same rows in opposite orders, as two books whose authors change crosswise do with their
 * authors' counts on PostgreSQL), a serialization failure, or a database giving up on a lock: Derby (as it does at
 * once when concurrent first inserts compile the row-count triggers), or PostgreSQL when the operator set a
 * {@code lock_timeout}. Such a transaction changed nothing, so running it again is safe; it runs after a short pause
 * that grows, so that the writers it met are done. The fourth conflict in a row (SQL states 40001, PostgreSQL's
 * 40P01 and 55P03, Derby's 40XL1 and 40XL2), or one that came after long waits, is a {@link WriteConflictException}.
 *
 * <p>It wraps the transaction ({@code @Transactional}'s interceptors come at {@code PLATFORM_BEFORE + 200}): a call
 * that joined a caller's transaction is not run again, since that transaction can only roll back.
 */
@RetriedOnLockConflict
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class LockConflictRetry {

    private static final Logger LOG = Logger.getLogger(LockConflictRetry.class.getName());
    private static final int ATTEMPTS = 4;
    /*
     * A conflict later than this after the first attempt is not tried again: PostgreSQL finds a deadlock after a
     * second, but Derby gives up on a lock only after a minute (derby.locks.waitTimeout), and a change that waited
     * that long would wait again.
     */
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private static final Set<String> LOCK_CONFLICTS = Set.of("40001", "40P01", "55P03", "40XL1", "40XL2");

    @Resource
    TransactionSynchronizationRegistry transactions;

    @AroundInvoke
    public Object retry(InvocationContext call) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                return call.proceed();
            } catch (RuntimeException e) {
                if (!isLockConflict(e) || transactions.getTransactionStatus() != Status.STATUS_NO_TRANSACTION) {
                    throw e;
                }
                if (attempt == ATTEMPTS || System.nanoTime() > deadline) {
                    throw new WriteConflictException(e);
                }
                int tried = attempt;
                LOG.fine(() -> call.getMethod().getName() + " met a lock conflict, attempt " + tried + ": " + e);
                pause(Duration.ofMillis(ThreadLocalRandom.current().nextLong(5, 25) * attempt), e);
            }
        }
    }

    private static void pause(Duration pause, RuntimeException conflict) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw conflict;
        }
    }

    static boolean isLockConflict(Throwable failure) {
        return Causes.of(failure).anyMatch(t -> t instanceof SQLException sql
                && LOCK_CONFLICTS.contains(String.valueOf(sql.getSQLState())));
    }
}
