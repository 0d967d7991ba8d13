package org.studentregistry.migrations;

import org.studentregistry.domain.shared.VersionedEntity;
import org.studentregistry.migrations.testing.OnEachDatabase;
import org.studentregistry.migrations.testing.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The entities and the migrations agree, on each database: this test is the build's guard that an entity is never
 * changed without the migration that changes the schema with it, for Derby and for PostgreSQL. The other tests show
 * that each kind of disagreement is found.
 */
class SchemaCheckTest {

    private static final EntitySchema ENTITIES = EntitySchema.ofPackage(VersionedEntity.class, "org.studentregistry.domain");

    private static List<String> differencesAfter(TestDatabase db, String... ddl) throws SQLException {
        new SchemaMigrator(db.dataSource()).migrate();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String sql : ddl) {
                s.execute(sql);
            }
            return SchemaCheck.differences(ENTITIES, c);
        }
    }

    @OnEachDatabase
    void theEntitiesAndTheMigratedSchemaAgree(TestDatabase db) throws SQLException {
        assertEquals(4, ENTITIES.tables().size(), ENTITIES.tables().keySet().toString());
        assertEquals(List.of(), differencesAfter(db));
    }

    @OnEachDatabase
    void extraAndMissingColumnsAreFound(TestDatabase db) throws SQLException {
        List<String> differences = differencesAfter(db,
                "ALTER TABLE student ADD COLUMN nickname VARCHAR(40)",
                "ALTER TABLE book DROP COLUMN updated_at");

        assertTrue(differences.contains("extra column student.nickname (no entity maps it)"), differences.toString());
        assertTrue(differences.contains("missing column book.updated_at TIMESTAMP NOT NULL"), differences.toString());
    }

    @OnEachDatabase
    void typesLengthsAndNullabilityAreCompared(TestDatabase db) throws SQLException {
        List<String> differences = differencesAfter(db,
                "ALTER TABLE student ALTER COLUMN subject SET DATA TYPE VARCHAR(120)",
                db.dialect("ALTER TABLE book ALTER COLUMN title NULL", "ALTER TABLE book ALTER COLUMN title DROP NOT NULL"),
                "ALTER TABLE users ALTER COLUMN enabled " + db.dialect("NULL", "DROP NOT NULL"));

        assertTrue(differences.contains(
                "column student.subject is VARCHAR(120) NOT NULL in the database, VARCHAR(100) NOT NULL in the entity"),
                differences.toString());
        assertTrue(differences.contains(
                "column book.title is VARCHAR(200) in the database, VARCHAR(200) NOT NULL in the entity"),
                differences.toString());
        assertTrue(differences.contains("column users.enabled is BOOLEAN in the database, BOOLEAN NOT NULL in the entity"),
                differences.toString());
        assertEquals(3, differences.size(), differences.toString());
    }

    @OnEachDatabase
    void uniqueConstraintsAndTablesAreCompared(TestDatabase db) throws SQLException {
        List<String> differences = differencesAfter(db,
                "ALTER TABLE users DROP CONSTRAINT uq_users_email",
                "CREATE TABLE orphan (id INT NOT NULL PRIMARY KEY)");

        assertTrue(differences.contains("missing unique constraint on users (email_key)"), differences.toString());
        assertTrue(differences.contains("extra table orphan (no entity maps it)"), differences.toString());
    }

    @OnEachDatabase
    void aColumnTheDatabaseMustComputeIsFoundWhenItIsAPlainColumn(TestDatabase db) throws SQLException {
        // A plain author_key would never be filled (the entity does not write it): books by author would find none.
        List<String> differences = differencesAfter(db,
                "ALTER TABLE book DROP COLUMN author_key",
                "ALTER TABLE book ADD COLUMN author_key VARCHAR(100)");

        assertTrue(differences.contains("column book.author_key is VARCHAR(100) in the database,"
                + " VARCHAR(100) GENERATED ALWAYS AS (LOWER(author)) in the entity"), differences.toString());
    }
}
