package org.studentregistry.migrations.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "repair", mixinStandardHelpOptions = true,
        description = "Removes failed migrations from the history and realigns checksums with the scripts, as Flyway's repair does.")
class RepairCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var result = database.migrations().repair();
        spec.commandLine().getOut().println("Repaired: " + result.migrationsRemoved.size() + " removed, "
                + result.migrationsAligned.size() + " realigned.");
        return 0;
    }
}
