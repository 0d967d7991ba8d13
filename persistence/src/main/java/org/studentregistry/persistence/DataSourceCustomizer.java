package org.studentregistry.persistence;

import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;
import org.eclipse.persistence.sessions.server.ServerSession;
import org.studentregistry.domain.shared.DataSourceName;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Points the persistence unit at the server's data source when {@link DataSourceName#serverPool()} names one;
 * otherwise leaves it on the WAR's own, as {@code persistence.xml} says.
 *
 * <p>{@code <jta-data-source>} is a fixed name, and JPA has no portable way to change it at deployment. EclipseLink,
 * the provider of the servers the WAR is tested on, calls a session customizer after it has set up the unit's
 * connections and before it opens any, so the name can be changed here. On a server with another provider this
 * class is never loaded and the unit stays on the WAR's own pool.
 */
public class DataSourceCustomizer implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        DataSourceName.serverPool().ifPresent(name -> {
            requireOnServer(name);
            DatasourceLogin writes = (DatasourceLogin) session.getDatasourceLogin();
            writes.setConnector(new JNDIConnector(name));
            // The server passes a non-transactional view of the unit's data source for reads outside a
            // transaction; the named one serves them too (outside a transaction, the server enlists nothing).
            if (session instanceof ServerSession server) {
                DatasourceLogin reads = (DatasourceLogin) server.getReadConnectionPool().getLogin();
                if (reads != writes) {
                    reads.setConnector(new JNDIConnector(name));
                }
            }
        });
    }

    /*
     * Fails the deployment at once, saying which setting named what. EclipseLink would otherwise fail it too, but
     * with only "Cannot acquire data source", which does not say where the name came from.
     */
    private static void requireOnServer(String name) {
        try {
            new InitialContext().lookup(name);
        } catch (NamingException e) {
            throw new IllegalStateException(DataSourceName.notOnServer(name), e);
        }
    }
}
