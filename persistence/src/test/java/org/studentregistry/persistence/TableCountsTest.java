package org.studentregistry.persistence;

import org.junit.jupiter.api.Test;

import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TableCountsTest {

    private static final LongSupplier MUST_NOT_COUNT = () -> {
        throw new AssertionError("counted again although a fresh count is kept");
    };

    @Test
    void aCountIsTakenOnceAndThenMovedByCommittedChanges() {
        TableCounts counts = new TableCounts();

        assertEquals(5, counts.get("student", () -> 5));
        counts.changed("student", 1);
        counts.changed("student", 1);
        counts.changed("student", -1);

        assertEquals(6, counts.get("student", MUST_NOT_COUNT));
    }

    @Test
    void changesToATableNotYetCountedAreLeftToTheFirstCount() {
        TableCounts counts = new TableCounts();
        counts.changed("book", 3);

        assertEquals(10, counts.get("book", () -> 10));
    }

    @Test
    void tablesAreCountedSeparately() {
        TableCounts counts = new TableCounts();
        counts.get("student", () -> 1);

        assertEquals(2, counts.get("users", () -> 2));
        assertEquals(1, counts.get("student", MUST_NOT_COUNT));
    }
}
