package org.studentregistry.web.database;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;

/**
 * The application's data source, {@code java:app/jdbc/registry}: a pool of the server's over {@link DriverDataSource},
 * which connects where {@link DatabaseSettings} says (by default an embedded Derby database named {@code registry},
 * created on first use).
 */
@DataSourceDefinition(
        name = RegistryDataSource.JNDI_NAME,
        className = "org.studentregistry.web.database.DriverDataSource",
        // Said explicitly: otherwise the pool's connections ran scans under repeatable-read row locks.
        isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
        minPoolSize = 2,
        maxPoolSize = 32,
        initialPoolSize = 2)
@ApplicationScoped
public class RegistryDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/registry";
}
