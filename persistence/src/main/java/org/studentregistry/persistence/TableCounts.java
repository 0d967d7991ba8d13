package org.studentregistry.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The number of rows of each table, kept in memory so that an unfiltered list does not count the whole table on
 * every request (Derby has no stored row count: {@code COUNT(*)} reads a whole index).
 *
 * <p>A count is taken from the database on first use, then moved by each insert and delete this application
 * commits, and taken again after {@value #RECOUNT_SECONDS} seconds, so that changes made by other processes (the
 * command line, another instance) show within that time. One caller counts while the others wait for the first
 * count or go on with the kept one (see {@link KeptValues}): counting a million rows takes most of a second.
 */
@ApplicationScoped
public class TableCounts {

    static final long RECOUNT_SECONDS = 30;

    private final KeptValues<String, Counted> counts = new KeptValues<>(64);

    private final LongSupplier nanoClock;

    private AfterCommit afterCommit = new AfterCommit();

    private record Counted(AtomicLong rows, long countedAt) {
    }

    public TableCounts() {
        this(System::nanoTime);
    }

    TableCounts(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** A table's row count, counted with {@code counter} when none is kept or the kept one is stale. */
    public long get(String table, LongSupplier counter) {
        return counts.get(table, this::isStale, () -> new Counted(new AtomicLong(counter.getAsLong()),
                nanoClock.getAsLong())).rows().get();
    }

    private boolean isStale(Counted counted) {
        return nanoClock.getAsLong() - counted.countedAt() >= TimeUnit.SECONDS.toNanos(RECOUNT_SECONDS);
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
        Counted counted = counts.kept(table);
        if (counted != null) {
            counted.rows().addAndGet(delta);
        }
    }
}
