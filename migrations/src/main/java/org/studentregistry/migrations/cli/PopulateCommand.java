package org.studentregistry.migrations.cli;

import org.studentregistry.migrations.SampleData;
import org.studentregistry.migrations.SchemaMigrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "populate", mixinStandardHelpOptions = true,
        description = "Loads realistic sample data (the same for the same --seed), migrating the schema first.")
class PopulateCommand implements Callable<Integer> {

    private static final int BAR_WIDTH = 30;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--students", paramLabel = "N", description = "Students to add (default: ${DEFAULT-VALUE}).")
    long students = 100;

    @Option(names = "--users", paramLabel = "N", description = "Users to add (default: ${DEFAULT-VALUE}).")
    long users = 20;

    @Option(names = "--books", paramLabel = "N", description = "Books to add (default: ${DEFAULT-VALUE}).")
    long books = 50;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the random choices (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (students < 0 || users < 0 || books < 0) {
            throw new UsageError("Counts must be 0 or more.");
        }
        DataSource dataSource = database.open();
        new SchemaMigrator(dataSource).migrate();
        PrintWriter out = spec.commandLine().getOut();
        boolean terminal = System.console() != null;
        SampleData.Progress progress = (table, done, total) -> report(out, terminal, table, done, total);
        long started = System.nanoTime();
        SampleData data = new SampleData(dataSource, seed);
        data.students(students, progress);
        data.users(users, progress);
        data.books(books, progress);
        out.printf("Added %,d students, %,d users and %,d books in %.1f s.%n", students, users, books,
                (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private static void report(PrintWriter out, boolean terminal, String table, long done, long total) {
        if (terminal) {
            int filled = (int) (BAR_WIDTH * done / Math.max(1, total));
            out.printf("\r%-8s [%s%s] %3d%% %,d/%,d", table, "#".repeat(filled), " ".repeat(BAR_WIDTH - filled),
                    100 * done / Math.max(1, total), done, total);
            if (done == total) {
                out.println();
            }
            out.flush();
        } else {
            out.printf("%s: %,d of %,d%n", table, done, total);
        }
    }
}
