package org.studentregistry.migrations.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Marks an existing schema that Flyway has not managed yet as version 1, so that later migrations apply on top.")
class BaselineCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var result = database.migrations().baseline();
        spec.commandLine().getOut().println(result.successfullyBaselined
                ? "Baselined at version " + result.baselineVersion + "." : "Not baselined.");
        return 0;
    }
}
