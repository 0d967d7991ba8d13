package org.studentregistry.web.database;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.studentregistry.domain.shared.DataSourceName;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.sql.Connection;

/**
 * The registry's data source, for the code that works on connections rather than through JPA (the migrations, the
 * readiness check): the one the persistence unit uses too ({@link DataSourceName}).
 *
 * <p>The WAR's own pool, {@code java:app/jdbc/registry}, is a pool of the server's over {@link DriverDataSource},
 * which connects where {@link DatabaseSettings} says (by default an embedded Derby database named {@code registry},
 * created on first use). A data source defined on the server and named in {@code registry.db.resource} replaces it.
 */
@DataSourceDefinition(
        name = DataSourceName.APPLICATION_POOL,
        className = "org.studentregistry.web.database.DriverDataSource",
        // Said explicitly: otherwise the pool's connections ran scans under repeatable-read row locks.
        isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
        minPoolSize = 2,
        maxPoolSize = 32,
        initialPoolSize = 2)
@ApplicationScoped
public class RegistryDataSource {

    @Resource(lookup = DataSourceName.APPLICATION_POOL)
    private DataSource applicationPool;

    private DataSource inUse;

    @PostConstruct
    void choose() {
        inUse = DataSourceName.serverPool().map(RegistryDataSource::lookUp).orElse(applicationPool);
    }

    @Produces
    DataSource dataSource() {
        return inUse;
    }

    private static DataSource lookUp(String name) {
        try {
            return (DataSource) new InitialContext().lookup(name);
        } catch (NamingException | ClassCastException e) {
            throw new IllegalStateException(DataSourceName.notOnServer(name), e);
        }
    }
}
