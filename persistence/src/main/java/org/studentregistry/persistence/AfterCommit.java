package org.studentregistry.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs an action once the current transaction has committed, and not at all if it rolls back; at once where there
 * is no transaction (or no container, as in tests and tools). For what is kept in memory beside the database and
 * must only follow changes that really happened.
 */
@ApplicationScoped
public class AfterCommit {

    @Resource
    private TransactionSynchronizationRegistry transactions;

    public void run(Runnable action) {
        if (transactions == null || transactions.getTransactionKey() == null) {
            action.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
