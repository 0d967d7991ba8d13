package org.studentregistry.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The number of rows of each table, kept in memory so that an unfiltered list does not count the whole table on
 * every request (Derby has no stored row count: {@code COUNT(*)} reads a whole index).
 *
 * <p>A count is taken from the database on first use, then moved by each insert and delete this application
 * commits, and taken again after {@value #RECOUNT_SECONDS} seconds, so that changes made by other processes (the
 * command line, another instance) show within that time. One caller counts: the others wait for the first count,
 * and go on with the kept one while it is taken again, as counting a million rows takes most of a second.
 */
@ApplicationScoped
public class TableCounts {

    static final long RECOUNT_SECONDS = 30;

    private final ConcurrentMap<String, Counted> counts = new ConcurrentHashMap<>();

    private final ConcurrentMap<String, ReentrantLock> counters = new ConcurrentHashMap<>();

    private final LongSupplier nanoClock;

    private AfterCommit afterCommit = new AfterCommit();

    private record Counted(AtomicLong rows, long countedAt) {
        boolean isFresh(long now) {
            return now - countedAt < TimeUnit.SECONDS.toNanos(RECOUNT_SECONDS);
        }
    }

    public TableCounts() {
        this(System::nanoTime);
    }

    TableCounts(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /**
     * A table's row count, counting it with {@code counter} when no count is kept (callers meanwhile wait for it),
     * or when the kept one is stale and no other caller is counting it already (callers meanwhile get the kept one).
     */
    public long get(String table, LongSupplier counter) {
        long now = nanoClock.getAsLong();
        Counted counted = counts.get(table);
        if (counted != null && counted.isFresh(now)) {
            return counted.rows().get();
        }
        ReentrantLock counting = counters.computeIfAbsent(table, t -> new ReentrantLock());
        if (counted == null) {
            counting.lock();
        } else if (!counting.tryLock()) {
            return counted.rows().get();
        }
        try {
            Counted latest = counts.get(table);
            return latest != counted ? latest.rows().get() : count(table, counter, now);
        } finally {
            counting.unlock();
        }
    }

    private long count(String table, LongSupplier counter, long now) {
        long rows = counter.getAsLong();
        counts.put(table, new Counted(new AtomicLong(rows), now));
        return rows;
    }

    @Inject
    void useAfterCommit(AfterCommit afterCommit) {
        this.afterCommit = afterCommit;
    }

    /** Moves a kept count by {@code delta} rows once the current transaction commits (at once without one). */
    public void changed(String table, long delta) {
        afterCommit.run(() -> add(table, delta));
    }

    private void add(String table, long delta) {
        Counted counted = counts.get(table);
        if (counted != null) {
            counted.rows().addAndGet(delta);
        }
    }
}
