package org.studentregistry.migrations.cli;

import org.studentregistry.migrations.SchemaMigrator;
import org.studentregistry.migrations.SchemaMigrator.MigrationOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "migrate", aliases = "upgrade", mixinStandardHelpOptions = true,
        description = "Applies pending migrations (the upgrade), each in its own transaction.")
class MigrateCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--target", paramLabel = "VERSION", description = "Stop at this version (default: the newest).")
    String target;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        MigrationOutcome outcome = new SchemaMigrator(database.open(), target).migrate();
        spec.commandLine().getOut().println(outcome.applied() == 0
                ? "Schema is up to date at version " + outcome.toVersion() + "."
                : "Applied " + outcome.applied() + " migration(s): schema is now at version " + outcome.toVersion()
                + ".");
        return 0;
    }
}
