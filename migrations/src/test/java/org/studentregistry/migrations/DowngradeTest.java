package org.studentregistry.migrations;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a downgrade says it would drop, read from its undo scripts before anything runs. */
class DowngradeTest {

    private static final List<String> SCRIPTS = List.of("classpath:db/data-at-risk");

    @Test
    void dataAtRiskNamesEachTableAndColumnWithWhatItHoldsInEitherSpellingOfDrop() throws SQLException {
        EmbeddedDataSource db = new EmbeddedDataSource();
        db.setDatabaseName("memory:data-at-risk");
        db.setCreateDatabase("create");
        SchemaMigrator.configure(db, SCRIPTS, null).migrate();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO kept (id, note, code) VALUES (1, 'a', NULL), (2, NULL, NULL), (3, 'c', NULL)");
            s.execute("INSERT INTO gone (id) VALUES (1)");
        }
        Downgrade downgrade = new Downgrade(db, SCRIPTS);

        List<String> atRisk = downgrade.dataAtRisk(downgrade.planSteps(1));

        // The constraint loses nothing, nor the column that holds nothing; the values count, not the rows.
        assertEquals(List.of("kept.note (2 values, by U1)", "gone (1 row, by U1)"), atRisk);
    }
}
