package org.studentregistry.migrations.cli;

import org.flywaydb.core.api.MigrationInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "current", mixinStandardHelpOptions = true,
        description = "Prints just the current schema version (\"none\" for an empty schema).")
class CurrentCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        MigrationInfo current = database.migrations().info().current();
        spec.commandLine().getOut().println(current == null ? "none" : current.getVersion().getVersion());
        return 0;
    }
}
