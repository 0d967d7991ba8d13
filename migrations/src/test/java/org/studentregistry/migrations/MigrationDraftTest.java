package org.studentregistry.migrations;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.studentregistry.domain.shared.VersionedEntity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A drafted migration, applied, makes the schema agree with the entities, and its undo script brings the
 * difference back: shown on a schema from which parts the entities need were removed.
 */
class MigrationDraftTest {

    private static final EntitySchema ENTITIES = EntitySchema.ofPackage(VersionedEntity.class, "org.studentregistry.domain");

    @TempDir
    Path folder;

    private final EmbeddedDataSource dataSource = InMemoryDerby.create("draft");

    @BeforeEach
    void migrate() {
        new SchemaMigrator(dataSource).migrate();
    }

    @AfterEach
    void drop() {
        InMemoryDerby.drop(dataSource);
    }

    private void execute(String script) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : new SqlScript("draft", script).statements()) {
                s.execute(statement);
            }
        }
    }

    private List<SchemaDifference> differences() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return SchemaCheck.compare(ENTITIES, c);
        }
    }

    @Test
    void theDraftMakesTheSchemaAgreeAndItsUndoRestoresTheDifference() throws Exception {
        execute("DROP TABLE book; ALTER TABLE users DROP CONSTRAINT uq_users_email;"
                + " ALTER TABLE student ALTER COLUMN subject NULL");
        List<SchemaDifference> before = differences();
        assertEquals(3, before.size(), before.toString());

        MigrationDraft draft = new MigrationDraft("5", "Restore books & e-mail uniqueness!", before);
        List<Path> written = draft.writeTo(folder);

        assertEquals(List.of(folder.resolve("V5__restore_books_e_mail_uniqueness.sql"),
                folder.resolve("U5__restore_books_e_mail_uniqueness.sql")), written);
        SchemaSnapshot broken = snapshot(dataSource);
        execute(Files.readString(written.get(0)));
        assertEquals(List.of(), differences());
        // Judged apart from the check that drafted it: the tables, columns and unique constraints are now those
        // the real migrations make on a fresh database, as JDBC's metadata reports them.
        assertEquals(columnsAndUniqueIndexes(migratedFresh()), columnsAndUniqueIndexes(snapshot(dataSource)));
        execute(Files.readString(written.get(1)));
        assertEquals(before.stream().map(SchemaDifference::describe).toList(),
                differences().stream().map(SchemaDifference::describe).toList());
        assertEquals(broken, snapshot(dataSource), "the undo script brings back exactly the schema it started from");
    }

    private static SchemaSnapshot snapshot(EmbeddedDataSource database) throws SQLException {
        try (Connection c = database.getConnection()) {
            return SchemaSnapshot.of(c);
        }
    }

    private static SchemaSnapshot migratedFresh() throws SQLException {
        EmbeddedDataSource fresh = InMemoryDerby.create("draft-reference");
        try {
            new SchemaMigrator(fresh).migrate();
            return snapshot(fresh);
        } finally {
            InMemoryDerby.drop(fresh);
        }
    }

    /*
     * What the entities declare: columns with their type, size, nullability and how the database computes them
     * (generated columns and identities), and unique constraints. The descending indexes that serve list orders are
     * the migrations' own; so are literal defaults (version's 0), which the application never relies on.
     */
    private static Map<String, List<String>> columnsAndUniqueIndexes(SchemaSnapshot snapshot) {
        Map<String, List<String>> declared = new TreeMap<>();
        snapshot.tables().forEach((table, parts) -> declared.put(table, parts.stream()
                .filter(part -> part.startsWith("column ") || part.startsWith("unique index "))
                .map(part -> part.replaceAll(" default=(?!GENERATED).*$", "")).toList()));
        return declared;
    }

    @Test
    void whatCannotBeDecidedIsACommentedWarningNotADrop() throws Exception {
        execute("ALTER TABLE student ADD COLUMN nick VARCHAR(20); CREATE TABLE legacy (id INT NOT NULL PRIMARY KEY)");

        MigrationDraft draft = new MigrationDraft("5", "tidy", differences());

        String upgrade = draft.upgrade();
        assertTrue(upgrade.contains("-- WARNING: no entity maps student.nick. If it was renamed"), upgrade);
        assertTrue(upgrade.contains("-- WARNING: no entity maps table legacy"), upgrade);
        assertEquals(List.of(), new SqlScript("V5", upgrade).statements(), "nothing is dropped without a person");
    }
}
