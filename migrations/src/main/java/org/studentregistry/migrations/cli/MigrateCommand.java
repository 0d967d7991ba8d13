package org.studentregistry.migrations.cli;

import org.flywaydb.core.api.output.MigrateResult;
import org.studentregistry.migrations.SchemaMigrator;
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
        MigrateResult result = SchemaMigrator.configure(database.open(), target).migrate();
        spec.commandLine().getOut().println(result.migrationsExecuted == 0
                ? "Schema is up to date at version " + result.targetSchemaVersion + "."
                : "Applied " + result.migrationsExecuted + " migration(s): schema is now at version "
                + result.targetSchemaVersion + ".");
        return 0;
    }
}
