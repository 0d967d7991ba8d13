package org.studentregistry.migrations.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks that the applied migrations match the scripts (checksums, order, none missing).")
class ValidateCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        database.migrations().validate();
        spec.commandLine().getOut().println("Applied migrations match the scripts.");
        return 0;
    }
}
