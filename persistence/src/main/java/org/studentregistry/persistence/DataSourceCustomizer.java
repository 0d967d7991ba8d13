package org.studentregistry.persistence;

import org.eclipse.persistence.sessions.DatasourceLogin;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;
import org.eclipse.persistence.sessions.server.ServerSession;
import org.studentregistry.domain.shared.DataSourceName;

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
}
