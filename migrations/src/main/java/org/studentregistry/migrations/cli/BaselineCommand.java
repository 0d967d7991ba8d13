package org.studentregistry.migrations.cli;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.studentregistry.migrations.SchemaMigrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.sql.SQLException;
import java.util.concurrent.Callable;

@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Marks an existing schema that Flyway has not managed yet as version 1, so that later migrations apply on top.")
class BaselineCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    /*
     * A baseline says the schema already is what version 1 makes. Said of an empty database, the next migrate skipped
     * making the student table and failed at the first script that needs it, leaving the schema half built; said of a
     * database whose migrations are recorded, Flyway refused with a link to its vendor's help pages. Both are refused
     * here with what to do instead.
     */
    @Override
    public Integer call() throws SQLException {
        Flyway flyway = database.migrations();
        MigrationInfo current = flyway.info().current();
        if (current != null) {
            throw new UsageError("Nothing to baseline: this database's migrations are recorded already (version "
                    + current.getVersion() + "). Run migrate to apply newer ones.");
        }
        if (SchemaMigrator.tables(flyway.getConfiguration().getDataSource()).stream()
                .noneMatch(SchemaMigrator.FIRST_TABLE::equalsIgnoreCase)) {
            throw new UsageError("Nothing to baseline: the database has no " + SchemaMigrator.FIRST_TABLE
                    + " table, which version 1 makes. Run migrate, which builds the whole schema; baseline is for a"
                    + " schema that was made before its migrations were recorded.");
        }
        var result = flyway.baseline();
        spec.commandLine().getOut().println(result.successfullyBaselined
                ? "Baselined at version " + result.baselineVersion + "." : "Not baselined.");
        return 0;
    }
}
