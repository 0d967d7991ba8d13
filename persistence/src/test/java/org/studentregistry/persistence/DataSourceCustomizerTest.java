package org.studentregistry.persistence;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.server.ServerSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.studentregistry.domain.shared.DataSourceName;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The persistence unit's connections, as a server sets them up (a data source for transactional work, its
 * non-transactional view for reads outside a transaction), before and after {@link DataSourceCustomizer}.
 */
class DataSourceCustomizerTest {

    @AfterEach
    void forgetTheSetting() {
        System.clearProperty(DataSourceName.SERVER_POOL_SETTING);
    }

    @Test
    void withoutANamedDataSourceTheUnitStaysOnTheApplicationsOwn() {
        ServerSession session = asTheServerSetsItUp();

        new DataSourceCustomizer().customize(session);

        assertEquals(DataSourceName.APPLICATION_POOL, dataSourceOf(session.getDatasourceLogin()));
        assertEquals(DataSourceName.APPLICATION_POOL + "__nontx", dataSourceOf(readLogin(session)));
    }

    @Test
    void aNamedDataSourceCarriesTheWritesAndTheReads() {
        System.setProperty(DataSourceName.SERVER_POOL_SETTING, "jdbc/registry");
        ServerSession session = asTheServerSetsItUp();

        new DataSourceCustomizer().customize(session);

        assertEquals("jdbc/registry", dataSourceOf(session.getDatasourceLogin()));
        assertEquals("jdbc/registry", dataSourceOf(readLogin(session)));
    }

    private static ServerSession asTheServerSetsItUp() {
        DatabaseLogin writes = new DatabaseLogin();
        writes.setConnector(new JNDIConnector(DataSourceName.APPLICATION_POOL));
        writes.useExternalTransactionController();
        ServerSession session = new ServerSession(writes);
        DatasourceLogin reads = writes.clone();
        reads.dontUseExternalTransactionController();
        reads.setConnector(new JNDIConnector(DataSourceName.APPLICATION_POOL + "__nontx"));
        session.setReadConnectionPool(reads);
        return session;
    }

    private static DatasourceLogin readLogin(ServerSession session) {
        return (DatasourceLogin) session.getReadConnectionPool().getLogin();
    }

    private static String dataSourceOf(Object login) {
        return ((JNDIConnector) ((DatasourceLogin) login).getConnector()).getName();
    }
}
