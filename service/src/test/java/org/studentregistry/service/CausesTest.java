package org.studentregistry.service;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class CausesTest {

    @Test
    void aFailureComesFirstThenEachCauseUnderIt() {
        SQLException deadlock = new SQLException("deadlock detected", "40P01");
        IllegalStateException rollback = new IllegalStateException("rolled back", deadlock);
        RuntimeException transaction = new RuntimeException("transaction failed", rollback);

        assertEquals(List.of(transaction, rollback, deadlock), Causes.of(transaction).toList());
    }

    @Test
    void causesThatLoopEndTheWalk() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertFalse(Causes.of(first).anyMatch(SQLException.class::isInstance), "the walk ends, with no match");
    }
}
