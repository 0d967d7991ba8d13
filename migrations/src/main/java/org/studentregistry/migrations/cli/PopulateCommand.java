package org.studentregistry.migrations.cli;

import org.studentregistry.migrations.SampleData;
import org.studentregistry.migrations.SchemaMigrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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
        requireRoom();
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

    /*
     * A mistyped count must not fill the disk: --students 99999999999 wrote the import file until no room was left.
     * When the database is a folder on this machine, the room its new rows and the bulk import's file take is
     * checked before anything is written. (A database server's disk is the server's to guard.)
     */
    private void requireRoom() throws IOException {
        Optional<Path> folder = database.localDirectory();
        if (folder.isEmpty()) {
            return;
        }
        double rows = (double) students + users + books;
        double stored = rows * SampleData.STORED_BYTES_PER_ROW;
        double importFile = rows * SampleData.IMPORT_FILE_BYTES_PER_ROW;
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        FileStore databaseDisk = Files.getFileStore(nearestExisting(folder.get()));
        FileStore temporaryDisk = Files.getFileStore(temporary);
        if (databaseDisk.equals(temporaryDisk)) {
            requireRoom(stored + importFile, databaseDisk, folder.get() + " (the database and the import file)");
        } else {
            requireRoom(stored, databaseDisk, folder.get().toString());
            requireRoom(importFile, temporaryDisk, temporary + " (the import file)");
        }
    }

    private void requireRoom(double needed, FileStore disk, String where) throws IOException {
        long free = disk.getUsableSpace();
        if (needed > free) {
            throw new UsageError(String.format("%,d students, %,d users and %,d books need about %s on the disk of %s,"
                    + " and %s is free there. Nothing was added.", students, users, books, size(needed), where,
                    size(free)));
        }
    }

    /* A database folder that --create is yet to make is on the disk of its nearest existing parent. */
    private static Path nearestExisting(Path folder) {
        Path existing = folder;
        while (!Files.exists(existing) && existing.getParent() != null) {
            existing = existing.getParent();
        }
        return existing;
    }

    private static String size(double bytes) {
        String[] units = {"bytes", "kB", "MB", "GB", "TB", "PB", "EB"};
        int unit = 0;
        while (bytes >= 1000 && unit < units.length - 1) {
            bytes /= 1000;
            unit++;
        }
        return String.format("%.1f %s", bytes, units[unit]);
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
