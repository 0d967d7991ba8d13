package org.studentregistry.migrations.cli;

import org.studentregistry.domain.shared.VersionedEntity;
import org.studentregistry.migrations.ProviderSchema;
import org.studentregistry.migrations.SchemaCheck;
import org.studentregistry.migrations.SchemaDifference;
import org.studentregistry.migrations.SchemaShape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Exits non-zero, listing the differences, when the JPA entities and the migrated schema"
                + " disagree: tables, columns, types and lengths, nullability, identity and generated columns,"
                + " primary keys, unique constraints, declared indexes.",
                "What the entities expect is what the JPA provider (EclipseLink) creates for them, in a scratch"
                        + " database of the same kind, dropped after: an in-memory Derby database, or on PostgreSQL a"
                        + " schema of its own in the same database (so the user needs the right to create one)."})
class CheckCommand implements Callable<Integer> {

    static final String DOMAIN_PACKAGE = "org.studentregistry.domain";

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DataSource migrated = database.open();
        SchemaShape expected = ProviderSchema.ofPackage(VersionedEntity.class, DOMAIN_PACKAGE).beside(migrated);
        List<String> differences;
        try (Connection connection = migrated.getConnection()) {
            differences = SchemaCheck.compare(expected, SchemaShape.read(connection)).stream()
                    .map(SchemaDifference::describe).toList();
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
