package org.studentregistry.web.database;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.studentregistry.web.testing.Deployments;
import org.studentregistry.web.testing.Http;

import java.net.URL;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real WAR with one more migration that fails half way: the application stays deployed, reports itself not
 * ready with the reason, and the schema is left as the earlier migrations made it.
 */
@ExtendWith(ArquillianExtension.class)
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
    void aFailedMigrationLeavesTheApplicationNotReadyWithTheReason() {
        HttpResponse<String> ready = new Http(base).get("/health/ready");

        assertEquals(503, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"DOWN\""), ready.body());
        assertTrue(ready.body().contains("9999"), "names the failed migration: " + ready.body());
    }

    @Test
    void theSchemaStaysAsTheEarlierMigrationsLeftIt() {
        HttpResponse<String> students = new Http(base).get("api/students");

        assertEquals(200, students.statusCode(), students.body());
    }
}
