package org.studentregistry.migrations.cli;

import org.flywaydb.core.api.MigrationInfo;
import org.studentregistry.domain.shared.VersionedEntity;
import org.studentregistry.migrations.MigrationDraft;
import org.studentregistry.migrations.ProviderSchema;
import org.studentregistry.migrations.SchemaCheck;
import org.studentregistry.migrations.SchemaDifference;
import org.studentregistry.migrations.SchemaMigrator;
import org.studentregistry.migrations.ScratchDatabase;
import org.studentregistry.migrations.SchemaMigrator.Vendor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Writes the next V script, and its U script, with the DDL that makes the schema the migrations"
                + " build match the entities (tables, columns, nullability, lengths, unique constraints, indexes).",
                "What it cannot decide (a rename looks like a drop and an add) it writes as a commented warning.",
                "When the DDL differs between Derby and PostgreSQL, it writes a pair for each into the vendor folders"
                        + " beside the folder (../vendor/derby, ../vendor/postgresql).",
                "The differences are found in a scratch database: in memory (Derby), or with --url on PostgreSQL a"
                        + " schema of its own in that database, dropped after; the database's own schema is not read"
                        + " or changed."})
class GenerateCommand implements Callable<Integer> {

    @Option(names = {"-m", "--message"}, required = true, paramLabel = "TEXT",
            description = "What the migration does, e.g. \"add email to student\"; it names the files.")
    String message;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where the scripts go (default: ${DEFAULT-VALUE}, from the project's top folder).")
    Path folder = Path.of("migrations", "src", "main", "resources", "db", "migration");

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (spec.commandLine().getParseResult().hasMatchedOption("--db")) {
            throw new UsageError("generate reads no database folder: it builds the migrations in memory (Derby), or"
                    + " with --url in a scratch schema of that PostgreSQL database.");
        }
        if (!Files.isDirectory(folder)) {
            throw new UsageError("There is no folder " + folder.toAbsolutePath()
                    + ": run this from the project's top folder, or give --dir.");
        }
        // The schema the migrations build, on a scratch database, whatever state any real database is in.
        List<SchemaDifference> differences;
        String version;
        try (ScratchDatabase scratch = database.isEmbedded()
                ? ScratchDatabase.inMemoryDerby() : ScratchDatabase.beside(database.open())) {
            new SchemaMigrator(scratch.dataSource()).migrate();
            differences = SchemaCheck.compare(ProviderSchema.ofPackage(VersionedEntity.class, CheckCommand.DOMAIN_PACKAGE),
                    scratch.dataSource());
            version = nextVersion(scratch.dataSource());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (differences.isEmpty()) {
            out.println("Nothing to generate: the migrations already build the schema the entities expect.");
            return 0;
        }
        for (Path written : write(version, differences)) {
            out.println("Wrote " + written);
        }
        out.println("Review both, then: ./registry-db sql, ./registry-db migrate.");
        return 0;
    }

    /*
     * The differences were found on one vendor; the migrations build the same schema on the other (the drift check
     * runs on both), so the same differences are drafted in each dialect. One pair in the common folder when the two
     * read the same, else a pair in each vendor's folder.
     */
    private List<Path> write(String version, List<SchemaDifference> differences) throws Exception {
        MigrationDraft derby = new MigrationDraft(version, message, differences, Vendor.DERBY);
        MigrationDraft postgresql = new MigrationDraft(version, message, differences, Vendor.POSTGRESQL);
        if (derby.upgrade().equals(postgresql.upgrade()) && derby.downgrade().equals(postgresql.downgrade())) {
            return derby.writeTo(folder);
        }
        List<Path> written = new ArrayList<>();
        for (MigrationDraft draft : List.of(derby, postgresql)) {
            Path vendorFolder = folder.resolveSibling("vendor").resolve(draft.vendor().folder());
            written.addAll(draft.writeTo(Files.createDirectories(vendorFolder)));
        }
        return written;
    }

    /** One more than the highest major version of the scripts: 4.1 and 4 both lead to 5. */
    private static String nextVersion(DataSource migrated) {
        BigInteger highest = BigInteger.ZERO;
        for (MigrationInfo migration : SchemaMigrator.configure(migrated).info().all()) {
            String major = migration.getVersion().getVersion().split("\\.")[0];
            highest = highest.max(new BigInteger(major));
        }
        return highest.add(BigInteger.ONE).toString();
    }
}
