package org.studentregistry.web.database;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;

/**
 * The application's data source, {@code java:app/jdbc/registry}.
 *
 * <p>By default an embedded Derby database named {@code registry}, created on first use. A relative name is
 * resolved by Derby against {@code derby.system.home} (or the working directory when that is unset); set
 * {@code registry.db.path} (system property, or environment variable {@code REGISTRY_DB_PATH}) to an absolute
 * path to put it anywhere. {@code registry.db.datasource} switches the driver, e.g. to Derby's network client.
 */
@DataSourceDefinition(
        name = RegistryDataSource.JNDI_NAME,
        className = "${MPCONFIG=registry.db.datasource:org.apache.derby.jdbc.EmbeddedDataSource}",
        databaseName = "${MPCONFIG=registry.db.path:registry}",
        properties = {"createDatabase=create"},
        // Said explicitly: otherwise the pool's connections ran scans under repeatable-read row locks.
        isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
        minPoolSize = 2,
        maxPoolSize = 32,
        initialPoolSize = 2)
@ApplicationScoped
public class RegistryDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/registry";
}
