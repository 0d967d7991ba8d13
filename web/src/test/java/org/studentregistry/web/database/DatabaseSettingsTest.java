package org.studentregistry.web.database;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** How the data source finds its database on any server, from system properties (the environment is the fallback). */
class DatabaseSettingsTest {

    @BeforeEach
    void noDatabaseInTheEnvironment() {
        assumeTrue(System.getenv("REGISTRY_DB_URL") == null && System.getenv("REGISTRY_DB_PATH") == null,
                "REGISTRY_DB_URL or REGISTRY_DB_PATH is set in this environment; the defaults cannot be seen");
    }

    @AfterEach
    void forget() {
        for (String name : List.of(DatabaseSettings.URL, DatabaseSettings.PATH, DatabaseSettings.USER,
                DatabaseSettings.PASSWORD)) {
            System.clearProperty(name);
        }
    }

    @Test
    void withoutSettingsTheDatabaseIsTheEmbeddedRegistry() {
        DatabaseSettings settings = DatabaseSettings.fromEnvironment();
        assertEquals("jdbc:derby:registry;create=true", settings.url());
        assertNull(settings.user());
    }

    @Test
    void aPathMovesTheEmbeddedDatabaseAndAUrlReplacesIt() {
        System.setProperty(DatabaseSettings.PATH, "/var/lib/registry");
        assertEquals("jdbc:derby:/var/lib/registry;create=true", DatabaseSettings.fromEnvironment().url());

        System.setProperty(DatabaseSettings.URL, " jdbc:derby://127.0.0.1:1527/registry ");
        assertEquals("jdbc:derby://127.0.0.1:1527/registry", DatabaseSettings.fromEnvironment().url());
    }

    @Test
    void aBlankSettingCountsAsUnset() {
        System.setProperty(DatabaseSettings.URL, "  ");
        assertEquals("jdbc:derby:registry;create=true", DatabaseSettings.fromEnvironment().url());
    }

    @Test
    void thePasswordIsNeverPartOfWhatIsWrittenOut() {
        System.setProperty(DatabaseSettings.URL, "jdbc:derby://127.0.0.1:1527/registry");
        System.setProperty(DatabaseSettings.USER, "registrar");
        System.setProperty(DatabaseSettings.PASSWORD, "s3cret-value");

        DatabaseSettings settings = DatabaseSettings.fromEnvironment();
        assertEquals("s3cret-value", settings.password());
        assertEquals("jdbc:derby://127.0.0.1:1527/registry as registrar", settings.toString());
        assertFalse(settings.toString().contains("s3cret"));
    }
}
