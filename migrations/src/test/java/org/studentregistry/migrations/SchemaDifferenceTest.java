package org.studentregistry.migrations;

import org.junit.jupiter.api.Test;
import org.studentregistry.migrations.SchemaMigrator.Vendor;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The DDL of a difference, in each database's dialect. */
class SchemaDifferenceTest {

    @Test
    void aLargeObjectFoundOnDerbyIsDraftedInPostgreSQLsOwnNames() {
        // generate compares on Derby and drafts for both databases.
        SchemaDifference notes = new SchemaDifference.MissingColumn("STUDENT", "NOTES", "CLOB");
        SchemaDifference photo = new SchemaDifference.MissingColumn("STUDENT", "PHOTO", "BLOB(1048576)");

        assertEquals(List.of("ALTER TABLE student ADD COLUMN notes TEXT"), notes.forward(Vendor.POSTGRESQL));
        assertEquals(List.of("ALTER TABLE student ADD COLUMN photo BYTEA"), photo.forward(Vendor.POSTGRESQL));
        assertEquals(List.of("ALTER TABLE student ADD COLUMN notes CLOB"), notes.forward(Vendor.DERBY));
    }

    @Test
    void aMissingPrimaryKeyIsAddedAndItsUndoDropsIt() {
        SchemaDifference key = new SchemaDifference.PrimaryKeyChanged("BOOK", "", "ID");

        assertEquals(List.of("ALTER TABLE book ADD CONSTRAINT pk_book PRIMARY KEY (id)"), key.forward(Vendor.DERBY));
        assertEquals(List.of("ALTER TABLE book DROP CONSTRAINT pk_book"), key.backward(Vendor.POSTGRESQL));
    }
}
