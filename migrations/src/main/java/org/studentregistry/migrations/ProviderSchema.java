package org.studentregistry.migrations;

import jakarta.persistence.spi.PersistenceProvider;
import org.studentregistry.migrations.SchemaMigrator.Vendor;

import javax.sql.DataSource;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The schema the entities expect, as the JPA provider the application runs on says it: the DDL its standard schema
 * generation writes for them on the target's database, run in a {@link ScratchDatabase} beside the target and read
 * back through JDBC, as the migrated schema is. Whatever the provider maps (enums, converters, LOBs, embeddables,
 * relations, identities, constraints and indexes) is in it without this class knowing of it.
 *
 * <p>The provider writes the script and this class runs it, rather than letting the provider create the tables:
 * EclipseLink logs a statement the database refuses and goes on, and a table missing from the scratch schema would
 * then read as a table the migrations have and the entities do not.
 */
public final class ProviderSchema {

    /*
     * Where EclipseLink's DDL differs, by its platform's choice, from what the migrations write for the same mapping.
     * Each is one rewrite of the script, on one database:
     * - Derby: its platform declares a boolean SMALLINT DEFAULT 0, from before Derby had BOOLEAN (10.7). The
     *   migrations write BOOLEAN, which EclipseLink reads and writes as it does SMALLINT.
     * - PostgreSQL: its platform declares every identity column SERIAL, a 32-bit integer, whatever the id's Java
     *   type. Every id is a Long (VersionedEntity), which the migrations give a BIGINT identity column.
     * - PostgreSQL: the entities' definitions of the generated *_key columns are written as Derby takes them;
     *   PostgreSQL 15 computes a generated column only when it is STORED.
     */
    private static final Map<Vendor, List<Rewrite>> REWRITES = Map.of(
            Vendor.DERBY, List.of(new Rewrite("\\bSMALLINT DEFAULT 0\\b", "BOOLEAN")),
            Vendor.POSTGRESQL, List.of(
                    new Rewrite("\\bSERIAL\\b", "BIGINT" + SchemaShape.IDENTITY),
                    new Rewrite("(GENERATED ALWAYS AS \\((?:[^()]|\\([^()]*\\))*\\))(?! STORED)", "$1 STORED")));

    private record Rewrite(Pattern pattern, String replacement) {
        Rewrite(String regex, String replacement) {
            this(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), replacement);
        }

        String apply(String statement) {
            return pattern.matcher(statement).replaceAll(replacement);
        }
    }

    private final EntitiesUnit unit;

    private ProviderSchema(EntitiesUnit unit) {
        this.unit = unit;
    }

    /** The entities of a package and below it, in the class path entry (jar or folder) of {@code anchor}. */
    public static ProviderSchema ofPackage(Class<?> anchor, String packageName) {
        return new ProviderSchema(EntitiesUnit.ofPackage(anchor, packageName));
    }

    /** The schema the entities expect on the target's database, built and read in a scratch database beside it. */
    public SchemaShape beside(DataSource target) throws SQLException {
        try (ScratchDatabase scratch = ScratchDatabase.beside(target)) {
            List<String> script;
            try (Connection c = target.getConnection()) {
                script = script(scratch.vendor(), c.getMetaData());
            }
            try (Connection c = scratch.connect(); Statement s = c.createStatement()) {
                for (String statement : script) {
                    try {
                        s.execute(statement);
                    } catch (SQLException e) {
                        throw new SQLException("The scratch database refused the JPA provider's DDL: " + statement
                                + ": " + e.getMessage(), e.getSQLState(), e);
                    }
                }
                return SchemaShape.read(c);
            }
        }
    }

    /*
     * The provider's create script for the database the metadata describes, as its standard properties ask for it:
     * no connection, no table created. EclipseLink writes one statement a line, without a terminator.
     */
    private List<String> script(Vendor vendor, DatabaseMetaData database) throws SQLException {
        StringWriter script = new StringWriter();
        provider().generateSchema(unit, Map.of(
                "jakarta.persistence.schema-generation.database.action", "none",
                "jakarta.persistence.schema-generation.scripts.action", "create",
                "jakarta.persistence.schema-generation.scripts.create-target", script,
                "jakarta.persistence.database-product-name", database.getDatabaseProductName(),
                "jakarta.persistence.database-major-version", String.valueOf(database.getDatabaseMajorVersion()),
                "jakarta.persistence.database-minor-version", String.valueOf(database.getDatabaseMinorVersion()),
                // EclipseLink's own: its banner and notes would mix with the command's output; its warnings stay.
                "eclipselink.logging.level", "WARNING"));
        return script.toString().lines().filter(line -> !line.isBlank()).map(statement -> {
            String adapted = statement;
            for (Rewrite rewrite : REWRITES.get(vendor)) {
                adapted = rewrite.apply(adapted);
            }
            return adapted;
        }).toList();
    }

    /* EclipseLink, the application's provider: named, not looked up, so that no other on the class path is taken. */
    private static PersistenceProvider provider() {
        return new org.eclipse.persistence.jpa.PersistenceProvider();
    }
}
