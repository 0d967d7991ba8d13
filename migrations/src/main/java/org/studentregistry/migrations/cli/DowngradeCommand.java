package org.studentregistry.migrations.cli;

import org.studentregistry.migrations.Downgrade;
import org.studentregistry.migrations.Downgrade.Step;
import org.studentregistry.migrations.SchemaMigrator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import javax.sql.DataSource;
import java.io.Console;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "downgrade", mixinStandardHelpOptions = true,
        description = {"Undoes applied migrations, newest first, with their U<version>__*.sql scripts, each in its"
                + " own transaction; a later migrate applies them again.",
                "Refuses, changing nothing, when an undo script is missing or the target is unknown; asks before"
                        + " dropping data unless --yes."})
class DowngradeCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @ArgGroup(multiplicity = "1")
    Target target;

    static class Target {
        @Option(names = "--target", paramLabel = "VERSION", required = true,
                description = "Undo every migration newer than this version (0 for all).")
        String version;

        @Option(names = "--steps", paramLabel = "N", required = true, description = "Undo the newest N migrations.")
        Integer steps;
    }

    @Option(names = "--yes", description = "Do not ask before dropping data.")
    boolean yes;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DataSource dataSource = database.open();
        Downgrade downgrade = new Downgrade(dataSource);
        List<Step> plan = target.version != null ? downgrade.planToVersion(target.version)
                : downgrade.planSteps(target.steps);
        PrintWriter out = spec.commandLine().getOut();
        if (plan.isEmpty()) {
            out.println("Nothing to undo: the schema is at or below version " + target.version + ".");
            return 0;
        }
        List<String> atRisk = downgrade.dataAtRisk(plan);
        if (!atRisk.isEmpty() && !yes && !confirmed(atRisk)) {
            spec.commandLine().getErr().println("registry-db: not downgraded; this data would be dropped: "
                    + String.join(", ", atRisk) + ". Run again with --yes to drop them.");
            return 1;
        }
        downgrade.run(plan, step -> out.println("Undid version " + step.version() + " (" + step.description()
                + ") with " + step.undo().name()));
        out.println("Schema is now at version " + new SchemaMigrator(dataSource).currentVersion() + ".");
        return 0;
    }

    private boolean confirmed(List<String> atRisk) {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        String answer = console.readLine("This drops data: %s. Continue? [y/N] ", String.join(", ", atRisk));
        return answer != null && answer.strip().equalsIgnoreCase("y");
    }
}
