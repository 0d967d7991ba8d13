package org.studentregistry.web.database;

import org.studentregistry.domain.shared.Settings;


/**
 * Where the registry's database is and whom to connect as, from the registry's {@link Settings} (a system property
 * such as {@code registry.db.url}, or the environment variable {@code REGISTRY_DB_URL}).
 *
 * <ul>
 *   <li>{@code registry.db.url}: a JDBC URL, for any database whose driver the WAR carries (Derby embedded, or a
 *       Derby network server: {@code jdbc:derby://127.0.0.1:1527/registry;create=true}).</li>
 *   <li>{@code registry.db.path}: without a URL, the directory of the embedded Derby database; relative names are
 *       resolved by Derby against {@code derby.system.home}. Default {@code registry}.</li>
 *   <li>{@code registry.db.user}, {@code registry.db.password}: credentials, when the database asks for them.</li>
 * </ul>
 *
 * <p>None of them is used when {@code registry.db.resource} names a data source of the server's instead
 * ({@link org.studentregistry.domain.shared.DataSourceName}).</p>
 *
 * @param url      the JDBC URL
 * @param user     the user name, or null
 * @param password the password, or null; never part of {@link #toString()}
 */
public record DatabaseSettings(String url, String user, String password) {

    static final String URL = "registry.db.url";
    static final String PATH = "registry.db.path";
    static final String USER = "registry.db.user";
    static final String PASSWORD = "registry.db.password";
    static final String DEFAULT_PATH = "registry";

    public static DatabaseSettings fromEnvironment() {
        String url = setting(URL);
        if (url == null) {
            String path = setting(PATH);
            url = "jdbc:derby:" + (path == null ? DEFAULT_PATH : path) + ";create=true";
        }
        return new DatabaseSettings(url, setting(USER), setting(PASSWORD));
    }

    static String setting(String name) {
        return Settings.get(name).orElse(null);
    }

    @Override
    public String toString() {
        return url + (user == null ? "" : " as " + user);
    }
}
