package org.studentregistry.migrations;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.studentregistry.domain.shared.VersionedEntity;
import org.studentregistry.migrations.SchemaMigrator.Vendor;
import org.studentregistry.migrations.testing.OnEachDatabase;
import org.studentregistry.migrations.testing.TestDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A drafted migration, applied, makes the schema agree with the entities, and its undo script brings the
 * difference back: shown on a schema from which parts the entities need were removed, in each database's dialect.
 */
class MigrationDraftTest {

    private static final ProviderSchema ENTITIES = ProviderSchema.ofPackage(VersionedEntity.class, "org.studentregistry.domain");

    @TempDir
    Path folder;

    @BeforeEach
    void migrate(TestDatabase db) {
        new SchemaMigrator(db.dataSource()).migrate();
    }

    private static void execute(TestDatabase db, String script) throws SQLException {
        db.execute(new SqlScript("draft", script).statements().toArray(String[]::new));
    }

    private static List<SchemaDifference> differences(TestDatabase db) throws SQLException {
        return SchemaCheck.compare(ENTITIES, db.dataSource());
    }

    @OnEachDatabase
    void theDraftMakesTheSchemaAgreeAndItsUndoRestoresTheDifference(TestDatabase db) throws Exception {
        execute(db, "DROP TABLE book; ALTER TABLE users DROP CONSTRAINT uq_users_email;"
                + db.dialect(" ALTER TABLE student ALTER COLUMN subject NULL",
                " ALTER TABLE student ALTER COLUMN subject DROP NOT NULL"));
        List<SchemaDifference> before = differences(db);
        assertEquals(3, before.size(), before.toString());

        MigrationDraft draft = new MigrationDraft("5", "Restore books & e-mail uniqueness!", before, db.vendor());
        List<Path> written = draft.writeTo(folder);

        assertEquals(List.of(folder.resolve("V5__restore_books_e_mail_uniqueness.sql"),
                folder.resolve("U5__restore_books_e_mail_uniqueness.sql")), written);
        SchemaSnapshot broken = snapshot(db);
        execute(db, Files.readString(written.get(0)));
        assertEquals(List.of(), differences(db));
        // Judged apart from the check that drafted it: the tables, columns and unique constraints are now those
        // the real migrations make on a fresh database, as JDBC's metadata reports them.
        assertEquals(columnsAndUniqueIndexes(migratedFresh(db.vendor())), columnsAndUniqueIndexes(snapshot(db)));
        execute(db, Files.readString(written.get(1)));
        assertEquals(before.stream().map(SchemaDifference::describe).toList(),
                differences(db).stream().map(SchemaDifference::describe).toList());
        assertEquals(broken, snapshot(db), "the undo script brings back exactly the schema it started from");
    }

    private static SchemaSnapshot snapshot(TestDatabase db) throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            return SchemaSnapshot.of(c);
        }
    }

    private static SchemaSnapshot migratedFresh(Vendor vendor) throws SQLException {
        try (TestDatabase fresh = TestDatabase.create(vendor)) {
            new SchemaMigrator(fresh.dataSource()).migrate();
            return snapshot(fresh);
        }
    }

    /*
     * What the entities declare: columns with their type, size, nullability and how the database computes them
     * (generated columns and identities), and unique constraints. The descending indexes that serve list orders are
     * the migrations' own; so are literal defaults (version's 0, roles' ''), which the application never relies on.
     */
    private static Map<String, List<String>> columnsAndUniqueIndexes(SchemaSnapshot snapshot) {
        Map<String, List<String>> declared = new TreeMap<>();
        snapshot.tables().forEach((table, parts) -> declared.put(table, parts.stream()
                .filter(part -> part.startsWith("column ") || part.startsWith("unique index "))
                .map(part -> part.replaceAll(" default=(-?\\d+|'[^']*'(::[a-z ]+)?|(?i:true|false))$", " default=null"))
                .toList()));
        return declared;
    }

    @OnEachDatabase
    void whatCannotBeDecidedIsACommentedWarningNotADrop(TestDatabase db) throws Exception {
        execute(db, "ALTER TABLE student ADD COLUMN nick VARCHAR(20); CREATE TABLE legacy (id INT NOT NULL PRIMARY KEY)");

        MigrationDraft draft = new MigrationDraft("5", "tidy", differences(db), db.vendor());

        String upgrade = draft.upgrade();
        assertTrue(upgrade.contains("-- WARNING: no entity maps student.nick. If it was renamed"), upgrade);
        assertTrue(upgrade.contains("-- WARNING: no entity maps table legacy"), upgrade);
        assertEquals(List.of(), new SqlScript("V5", upgrade).statements(), "nothing is dropped without a person");
    }
}
