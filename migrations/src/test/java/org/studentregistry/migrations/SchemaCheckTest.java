package org.studentregistry.migrations;

import org.studentregistry.domain.shared.VersionedEntity;
import org.studentregistry.migrations.testing.OnEachDatabase;
import org.studentregistry.migrations.testing.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The entities and the migrations agree, on each database: this test is the build's guard that an entity is never
 * changed without the migration that changes the schema with it, for Derby and for PostgreSQL. The other tests show
 * that each kind of disagreement is found.
 */
class SchemaCheckTest {

    private static final ProviderSchema ENTITIES = ProviderSchema.ofPackage(VersionedEntity.class, "org.studentregistry.domain");

    private static List<String> differencesAfter(TestDatabase db, String... ddl) throws SQLException {
        new SchemaMigrator(db.dataSource()).migrate();
        db.execute(ddl);
        return SchemaCheck.differences(ENTITIES, db.dataSource());
    }

    @OnEachDatabase
    void theEntitiesAndTheMigratedSchemaAgree(TestDatabase db) throws SQLException {
        assertEquals(Set.of("API_TOKEN", "BOOK", "STUDENT", "USERS"), ENTITIES.beside(db.dataSource()).tables().keySet());
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

    @OnEachDatabase
    void aPrimaryKeyDroppedByHandIsFound(TestDatabase db) throws SQLException {
        List<String> differences = differencesAfter(db, "ALTER TABLE book DROP CONSTRAINT pk_book");

        assertEquals(List.of("primary key of book is none in the database, (id) in the entity"), differences);
    }

    @OnEachDatabase
    void anIdTheDatabaseDoesNotGenerateIsFound(TestDatabase db) throws SQLException {
        // The entities' ids are GenerationType.IDENTITY: without an identity column every insert would fail.
        List<String> differences = differencesAfter(db, "DROP TABLE api_token", """
                CREATE TABLE api_token (id BIGINT NOT NULL, name VARCHAR(100) NOT NULL, role VARCHAR(20) NOT NULL,
                    secret_hash VARCHAR(64) NOT NULL, expires_at TIMESTAMP NOT NULL, last_used_at TIMESTAMP,
                    created_by VARCHAR(50) NOT NULL, version BIGINT NOT NULL, created_at TIMESTAMP NOT NULL,
                    updated_at TIMESTAMP NOT NULL, CONSTRAINT pk_api_token PRIMARY KEY (id))""",
                "CREATE INDEX ix_api_token_name ON api_token (name, id)");

        assertEquals(List.of("column api_token.id is BIGINT NOT NULL in the database,"
                + " BIGINT GENERATED BY DEFAULT AS IDENTITY NOT NULL in the entity"), differences);
    }

    @OnEachDatabase
    void theEnumAndTheConvertedColumnAreComparedAsTheProviderMapsThem(TestDatabase db) throws SQLException {
        List<String> differences = differencesAfter(db,
                "ALTER TABLE api_token ALTER COLUMN role SET DATA TYPE VARCHAR(40)",
                "ALTER TABLE users ALTER COLUMN roles SET DATA TYPE VARCHAR(200)");

        assertEquals(List.of(
                "column api_token.role is VARCHAR(40) NOT NULL in the database, VARCHAR(20) NOT NULL in the entity",
                "column users.roles is VARCHAR(200) NOT NULL in the database, VARCHAR(100) NOT NULL in the entity"),
                differences);
    }

    @OnEachDatabase
    void theScratchSchemaIsDroppedAndTheMigratedOneLeftAsItWas(TestDatabase db) throws SQLException {
        new SchemaMigrator(db.dataSource()).migrate();
        SchemaSnapshot before = snapshot(db);
        List<String> schemasBefore = schemas(db);

        SchemaCheck.differences(ENTITIES, db.dataSource());

        assertEquals(before, snapshot(db));
        assertEquals(schemasBefore, schemas(db));
    }

    private static SchemaSnapshot snapshot(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            return SchemaSnapshot.of(c);
        }
    }

    private static List<String> schemas(TestDatabase db) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); ResultSet rs = c.getMetaData().getSchemas()) {
            while (rs.next()) {
                schemas.add(rs.getString("TABLE_SCHEM"));
            }
        }
        return schemas;
    }
}
