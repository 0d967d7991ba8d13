package org.studentregistry.migrations.cli;

import org.flywaydb.core.api.MigrationInfo;
import org.studentregistry.migrations.Downgrade;
import org.studentregistry.migrations.SchemaMigrator;
import org.studentregistry.migrations.SqlScript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "The dry run: prints the SQL that migrate (or, with --downgrade, downgrade) would run, without"
                + " running it.")
class SqlCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--target", paramLabel = "VERSION",
            description = "Up to this version (migrate), or back to it (downgrade).")
    String target;

    @Option(names = "--downgrade", description = "Print what downgrade would run instead.")
    boolean downgrade;

    @Option(names = "--steps", paramLabel = "N", description = "With --downgrade: the newest N migrations.")
    Integer steps;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DataSource dataSource = database.open();
        PrintWriter out = spec.commandLine().getOut();
        if (downgrade) {
            if ((target == null) == (steps == null)) {
                throw new UsageError("With --downgrade, give either --target VERSION or --steps N.");
            }
            Downgrade plan = new Downgrade(dataSource);
            for (Downgrade.Step step : target != null ? plan.planToVersion(target) : plan.planSteps(steps)) {
                print(out, step.undo());
            }
            return 0;
        }
        List<String> locations = SchemaMigrator.locations(dataSource);
        MigrationInfo[] pending = SchemaMigrator.configure(dataSource, locations, target).info().pending();
        if (pending.length == 0) {
            out.println("-- Nothing to migrate: the schema is up to date.");
        }
        for (MigrationInfo migration : pending) {
            print(out, SqlScript.find(locations, migration.getScript())
                    .orElseThrow(() -> new UsageError("Script " + migration.getScript() + " is not on the class path.")));
        }
        return 0;
    }

    private static void print(PrintWriter out, SqlScript script) {
        out.println("-- " + script.name() + (script.folder() == null ? "" : " (" + script.folder() + ")"));
        for (String statement : script.statements()) {
            out.println(statement + ";");
        }
        out.println();
    }
}
