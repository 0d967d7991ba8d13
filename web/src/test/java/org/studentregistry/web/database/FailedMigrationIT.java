package org.studentregistry.web.database;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.studentregistry.web.testing.ApplicationDatabase;
import org.studentregistry.web.testing.Deployments;
import org.studentregistry.web.testing.Http;

import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real WAR with one more migration that fails half way: the application stays deployed, reports itself not
 * ready with the reason, and the schema is left as the earlier migrations made it (read from the database itself).
 */
// The test database first: it must be serving before Arquillian starts Payara Micro with its address.
@ExtendWith({ApplicationDatabase.class, ArquillianExtension.class})
class FailedMigrationIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.registryWar().addAsResource(new StringAsset(
                "CREATE TABLE half_done (id INT NOT NULL PRIMARY KEY);\n"
                        + "INSERT INTO no_such_table VALUES (1);\n"), "db/migration/V9999__fails_half_way.sql");
    }

    @ArquillianResource
    private URL base;

    @Test
    void aFailedMigrationLeavesTheApplicationNotReadySayingWhereTheReasonIs() {
        HttpResponse<String> ready = new Http(base).get("/health/ready");

        assertEquals(503, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"DOWN\""), ready.body());
        assertTrue(ready.body().contains("not applied: the server's log says why"), ready.body());
        // The check is public: the script's SQL and the database's message stay in the log.
        assertFalse(ready.body().toLowerCase(Locale.ROOT).contains("no_such_table"), ready.body());
    }

    @Test
    void theSchemaStaysAsTheEarlierMigrationsLeftIt() throws Exception {
        HttpResponse<String> students = new Http(base).get("api/students");

        // The application still answers (here: an anonymous caller is asked for a token), on the earlier schema.
        assertEquals(401, students.statusCode(), students.body());
        // The failed script's first statement ran; its transaction was rolled back, so its table is not there,
        // and Flyway's history has no successful 9999, as the database itself says.
        assertFalse(ApplicationDatabase.tableExists("half_done"), "the half-applied migration's table is left over");
        assertTrue(ApplicationDatabase.tableExists("student"));
        try (Connection c = ApplicationDatabase.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\""
                     + " WHERE \"version\" = '9999' AND \"success\" = TRUE")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "9999 is recorded as applied");
        }
    }
}
