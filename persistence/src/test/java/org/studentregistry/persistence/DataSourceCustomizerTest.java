package org.studentregistry.persistence;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.server.ServerSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studentregistry.domain.shared.DataSourceName;

import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.spi.InitialContextFactory;
import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The persistence unit's connections, as a server sets them up (a data source for transactional work, its
 * non-transactional view for reads outside a transaction), before and after {@link DataSourceCustomizer}. The
 * server's names are those of {@link ServerNames}.
 */
class DataSourceCustomizerTest {

    @BeforeEach
    void onAServer() {
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, ServerNames.class.getName());
    }

    @AfterEach
    void forgetTheSettings() {
        System.clearProperty(DataSourceName.SERVER_POOL_SETTING);
        System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
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

    @Test
    void aNameTheServerDoesNotHaveFailsTheDeploymentNamingTheSetting() {
        System.setProperty(DataSourceName.SERVER_POOL_SETTING, "jdbc/missing");

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> new DataSourceCustomizer().customize(asTheServerSetsItUp()));

        assertTrue(failure.getMessage().contains("jdbc/missing")
                && failure.getMessage().contains(DataSourceName.SERVER_POOL_SETTING), failure.getMessage());
    }

    /** A server's naming service that holds one data source, {@code jdbc/registry}. */
    public static class ServerNames implements InitialContextFactory {

        private static final Set<String> NAMES = Set.of("jdbc/registry");

        @Override
        public Context getInitialContext(Hashtable<?, ?> environment) {
            return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[]{Context.class},
                    (proxy, method, arguments) -> switch (method.getName()) {
                        case "lookup" -> {
                            if (!NAMES.contains(String.valueOf(arguments[0]))) {
                                throw new NameNotFoundException(arguments[0] + " not found");
                            }
                            yield new Object();
                        }
                        case "close" -> null;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
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
