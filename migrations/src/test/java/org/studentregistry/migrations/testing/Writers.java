package org.studentregistry.migrations.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Writers to one database at the same time, each on a connection of its own, for tests of what they keep exact. */
public final class Writers {

    /* Deadlock or serialization failure (SQL standard, PostgreSQL's deadlock), Derby's lock timeouts. */
    private static final Set<String> CONTENDED = Set.of("40XL1", "40001", "40P01");

    /** The work of one writer, given its number and its statement. */
    public interface Work {
        void run(int writer, Writer statement) throws Exception;
    }

    /** What a writer runs its SQL with. */
    public interface Writer {
        void execute(String sql) throws SQLException, InterruptedException;
    }

    private Writers() {
    }

    /** Runs the work of {@code writers} writers at once and waits (two minutes at most) for all of them. */
    public static void atOnce(TestDatabase db, int writers, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<Void>> all = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                all.add(() -> {
                    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                        work.run(writer, sql -> executeRetried(s, sql));
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(all, 2, TimeUnit.MINUTES)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /*
     * Derby refuses a statement now and then when writers contend: for its identity values (40XL1 from its sequence
     * updater, with or without the triggers), and, as a deadlock (40001), when several statements fire a trigger
     * whose stored statement Derby must compile again (after Derby invalidated it; migrating compiles them once, see
     * DerbyTriggerPlans) and each records that in its catalog. Either way the statement is rolled back whole, so it
     * is tried again after a pause, as a writer of the application would have to. Any other failure (a duplicate
     * key, say) fails the test.
     */
    private static void executeRetried(Statement statement, String sql) throws SQLException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                statement.execute(sql);
                return;
            } catch (SQLException e) {
                if (!CONTENDED.contains(e.getSQLState()) || attempt == 50) {
                    throw e;
                }
                Thread.sleep(attempt);
            }
        }
    }
}
