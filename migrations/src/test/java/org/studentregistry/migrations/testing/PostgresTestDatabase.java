package org.studentregistry.migrations.testing;

import org.postgresql.ds.PGSimpleDataSource;
import org.studentregistry.migrations.SchemaMigrator.Vendor;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A fresh schema in the PostgreSQL database of the settings, which every connection starts in (the JDBC driver's
 * {@code currentSchema}), so that the registry's tables, Flyway's history and the trigger functions of one test
 * are apart from every other's. Dropped with everything in it.
 */
final class PostgresTestDatabase extends TestDatabase {

    private final PostgresSettings settings;
    private final String schema = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private final PGSimpleDataSource dataSource;

    PostgresTestDatabase(PostgresSettings settings) {
        this.settings = settings;
        try (Connection c = connect(settings.url()).getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a schema in " + settings.url() + ": " + e.getMessage(), e);
        }
        dataSource = connect(url());
    }

    private PGSimpleDataSource connect(String url) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url);
        source.setUser(settings.user());
        source.setPassword(settings.password());
        return source;
    }

    /** The settings' URL, starting every connection in this test's schema. */
    private String url() {
        return settings.url() + (settings.url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    public Vendor vendor() {
        return Vendor.POSTGRESQL;
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public List<String> commandLine() {
        List<String> options = new ArrayList<>(List.of("--url", url()));
        if (settings.user() != null) {
            options.addAll(List.of("--user", settings.user()));
        }
        if (settings.password() != null) {
            options.addAll(List.of("--db-password-file", passwordFile().toString()));
        }
        return options;
    }

    /* Readable by this user only, and removed when the JVM ends. */
    private Path passwordFile() {
        try {
            Path file = Files.createTempFile("registry-test-password", ".txt",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            file.toFile().deleteOnExit();
            return Files.writeString(file, settings.password() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try (Connection c = connect(settings.url()).getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop schema " + schema + ": " + e.getMessage(), e);
        }
    }
}
