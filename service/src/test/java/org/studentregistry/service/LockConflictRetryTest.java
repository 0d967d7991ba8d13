package org.studentregistry.service;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LockConflictRetryTest {

    private static RuntimeException failure(String sqlState) {
        return new PersistenceException("wrapped", new SQLException("the database's words", sqlState));
    }

    @Test
    void deadlocksSerializationFailuresAndDerbysLockTimeoutsAreLockConflicts() {
        assertTrue(LockConflictRetry.isLockConflict(failure("40P01")));
        assertTrue(LockConflictRetry.isLockConflict(failure("40001")));
        assertTrue(LockConflictRetry.isLockConflict(failure("40XL1")));
        assertTrue(LockConflictRetry.isLockConflict(failure("40XL2")));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(LockConflictRetry.isLockConflict(failure("23505")));
        assertFalse(LockConflictRetry.isLockConflict(failure(null)));
        assertFalse(LockConflictRetry.isLockConflict(new IllegalStateException("no database in it")));
    }
}
