package org.studentregistry.domain.shared;

import java.util.Optional;

/**
 * The JNDI name of the data source the registry works on: the WAR's own pool, or one the server's administrator
 * defined and named in {@code registry.db.resource}.
 *
 * <p>The WAR's own pool ({@code @DataSourceDefinition}) is sized by numbers fixed at build time, and no two servers
 * share a way to set them from configuration. A pool defined on the server is sized, and tuned in every other way,
 * by the server's own means; naming one here makes the persistence unit, the migrations and the readiness check all
 * use it instead. The persistence unit follows it through EclipseLink, the provider of the servers the WAR is tested
 * on; on a server with another provider only the migrations and the readiness check would, so it stays unset there.
 * Kept here, beside {@link Settings}, because the persistence and web modules both need it, and the web module may
 * not use the persistence module's classes.
 */
public final class DataSourceName {

    /** The WAR's own pool, defined by the web module. */
    public static final String APPLICATION_POOL = "java:app/jdbc/registry";

    /** The setting that names a data source of the server's, such as {@code jdbc/registry}. */
    public static final String SERVER_POOL_SETTING = "registry.db.resource";

    private DataSourceName() {
    }

    /** The server's data source named by {@value #SERVER_POOL_SETTING}, if one is. */
    public static Optional<String> serverPool() {
        return Settings.get(SERVER_POOL_SETTING);
    }

    /** What to tell the operator when the server has no data source of the name {@value #SERVER_POOL_SETTING} gives. */
    public static String notOnServer(String name) {
        return "No data source named " + name + " on this server, as " + SERVER_POOL_SETTING + " asks: define it on"
                + " the server (see the README, \"A pool of the server's\"), or leave the setting unset to use the"
                + " application's own pool";
    }
}
