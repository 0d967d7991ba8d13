package org.studentregistry.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/* Every wait here is bounded, and the whole test too: a count that never comes fails instead of hanging the build. */
@Timeout(30)
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

    @Test
    void aCountIsTakenAgainOnceItIsStale() {
        AtomicLong clock = new AtomicLong();
        TableCounts counts = new TableCounts(clock::get);
        counts.get("student", () -> 5);

        clock.addAndGet(TimeUnit.SECONDS.toNanos(TableCounts.RECOUNT_SECONDS) - 1);
        assertEquals(5, counts.get("student", MUST_NOT_COUNT));

        clock.addAndGet(1);
        assertEquals(7, counts.get("student", () -> 7));
        assertEquals(7, counts.get("student", MUST_NOT_COUNT));
    }

    @Test
    void whileOneCallerCountsAStaleTableAgainTheOthersGetTheKeptCount() throws Exception {
        AtomicLong clock = new AtomicLong();
        TableCounts counts = new TableCounts(clock::get);
        counts.get("student", () -> 5);
        clock.addAndGet(TimeUnit.SECONDS.toNanos(TableCounts.RECOUNT_SECONDS));

        CountDownLatch counting = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        CompletableFuture<Long> recount = CompletableFuture.supplyAsync(() -> counts.get("student", () -> {
            counting.countDown();
            await(mayFinish);
            return 9;
        }));
        assertTrue(counting.await(10, TimeUnit.SECONDS));

        assertEquals(5, counts.get("student", MUST_NOT_COUNT));

        mayFinish.countDown();
        assertEquals(9, recount.get(10, TimeUnit.SECONDS));
        assertEquals(9, counts.get("student", MUST_NOT_COUNT));
    }

    @Test
    void callersWaitForTheFirstCountInsteadOfCountingTooThen() throws Exception {
        TableCounts counts = new TableCounts();
        CountDownLatch counting = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> counts.get("student", () -> {
            counting.countDown();
            await(mayFinish);
            return 4;
        }));
        assertTrue(counting.await(10, TimeUnit.SECONDS));

        CompletableFuture<Long> second = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                second.complete(counts.get("student", MUST_NOT_COUNT));
            } catch (Throwable e) {
                second.completeExceptionally(e);
            }
        });
        caller.start();
        awaitWaiting(caller);
        mayFinish.countDown();

        assertEquals(4, first.get(10, TimeUnit.SECONDS));
        assertEquals(4, second.get(10, TimeUnit.SECONDS));
    }

    /** Waits, at most ten seconds, until the thread is parked waiting; a thread that never waits fails the test. */
    private static void awaitWaiting(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.WAITING) {
            assertTrue(thread.isAlive(), "the caller finished without waiting for the first count");
            assertTrue(System.nanoTime() < deadline, "the caller did not wait within ten seconds: " + thread.getState());
            Thread.sleep(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
