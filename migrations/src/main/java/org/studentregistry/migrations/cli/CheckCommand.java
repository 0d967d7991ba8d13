package org.studentregistry.migrations.cli;

import org.studentregistry.domain.shared.VersionedEntity;
import org.studentregistry.migrations.EntitySchema;
import org.studentregistry.migrations.SchemaCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Exits non-zero, listing the differences, when the JPA entities and the migrated schema"
                + " disagree: tables, columns, types and lengths, nullability, unique constraints, declared indexes.")
class CheckCommand implements Callable<Integer> {

    static final String DOMAIN_PACKAGE = "org.studentregistry.domain";

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        EntitySchema expected = EntitySchema.ofPackage(VersionedEntity.class, DOMAIN_PACKAGE);
        List<String> differences;
        try (Connection connection = database.open().getConnection()) {
            differences = SchemaCheck.differences(expected, connection);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (differences.isEmpty()) {
            out.println("The entities and the schema agree (" + expected.tables().size() + " tables).");
            return 0;
        }
        differences.forEach(difference -> spec.commandLine().getErr().println("  " + difference));
        spec.commandLine().getErr().println(differences.size() + " difference(s) between the entities and the schema."
                + " Write the migration that makes them agree (V<n>__*.sql, with the U<n>__*.sql that undoes it).");
        return 1;
    }
}
