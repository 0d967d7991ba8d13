package org.studentregistry.service;

import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import org.studentregistry.persistence.testing.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LockConflictRetryTest {

    private static RuntimeException failure(String sqlState) {
        return new PersistenceException("wrapped", new SQLException("the database's words", sqlState));
    }

    @Test
    void deadlocksSerializationFailuresAndLockTimeoutsAreLockConflicts() {
        assertTrue(LockConflictRetry.isLockConflict(failure("40P01")));
        assertTrue(LockConflictRetry.isLockConflict(failure("40001")));
        assertTrue(LockConflictRetry.isLockConflict(failure("55P03")));
        assertTrue(LockConflictRetry.isLockConflict(failure("40XL1")));
        assertTrue(LockConflictRetry.isLockConflict(failure("40XL2")));
    }

    /*
     * What each database says when a write waits longer for a lock than it is let: Derby after
     * derby.locks.waitTimeout, PostgreSQL after the lock_timeout an operator may set (by default it waits forever).
     */
    @Test
    void aWriteThatWaitedTooLongForALockIsALockConflictOnEitherDatabase() throws SQLException {
        try (TestDatabase db = new TestDatabase();
             Connection holder = db.dataSource().getConnection();
             Connection writer = db.dataSource().getConnection();
             Statement holding = holder.createStatement();
             Statement writing = writer.createStatement()) {
            boolean postgres = writer.getMetaData().getDatabaseProductName().equals("PostgreSQL");
            holder.setAutoCommit(false);
            holding.execute("LOCK TABLE users IN EXCLUSIVE MODE");
            if (postgres) {
                writing.execute("SET lock_timeout = '200ms'");
            } else {
                writing.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '1')");
            }
            try {
                SQLException waitedTooLong = assertThrows(SQLException.class,
                        () -> writing.executeUpdate("UPDATE users SET version = version WHERE id = -1"));
                assertTrue(LockConflictRetry.isLockConflict(new PersistenceException(waitedTooLong)),
                        waitedTooLong.getSQLState() + " " + waitedTooLong.getMessage());
            } finally {
                holder.rollback();
                if (!postgres) {
                    writing.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', NULL)");
                }
            }
        }
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(LockConflictRetry.isLockConflict(failure("23505")));
        assertFalse(LockConflictRetry.isLockConflict(failure(null)));
        assertFalse(LockConflictRetry.isLockConflict(new IllegalStateException("no database in it")));
    }
}
