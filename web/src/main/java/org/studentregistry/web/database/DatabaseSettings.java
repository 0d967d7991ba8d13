package org.studentregistry.web.database;

import java.util.Locale;

/**
 * Where the registry's database is and whom to connect as, read the same way on every server: a system property
 * of the server's JVM, or else the environment variable of the same name in upper case with underscores
 * ({@code registry.db.url} or {@code REGISTRY_DB_URL}). These are the default sources of MicroProfile Config too,
 * so a server that has it sees the same values; one that does not still works.
 *
 * <ul>
 *   <li>{@code registry.db.url}: a JDBC URL, for any database whose driver the WAR carries (Derby embedded, or a
 *       Derby network server: {@code jdbc:derby://127.0.0.1:1527/registry;create=true}).</li>
 *   <li>{@code registry.db.path}: without a URL, the directory of the embedded Derby database; relative names are
 *       resolved by Derby against {@code derby.system.home}. Default {@code registry}.</li>
 *   <li>{@code registry.db.user}, {@code registry.db.password}: credentials, when the database asks for them.</li>
 * </ul>
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

    /** A system property, else its environment variable; blank counts as unset. */
    static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_'));
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return url + (user == null ? "" : " as " + user);
    }
}
