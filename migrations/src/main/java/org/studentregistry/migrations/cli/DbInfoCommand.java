package org.studentregistry.migrations.cli;

import org.studentregistry.migrations.SchemaMigrator;
import org.studentregistry.migrations.SchemaMigrator.Vendor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "db-info", mixinStandardHelpOptions = true,
        description = "Where the database is, its size on disk, the database version, each table with its row count,"
                + " and the current schema version.")
class DbInfoCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DataSource dataSource = database.open();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Database:       " + database.describe());
        if (database.isEmbedded()) {
            out.printf("Size on disk:   %,d bytes%n", sizeOf(database.directory()));
        }
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            if (Vendor.of(connection) == Vendor.POSTGRESQL) {
                out.printf("Size on disk:   %,d bytes (the whole database)%n",
                        longValue(connection, "SELECT pg_database_size(current_database())"));
                out.println("Schema:         " + connection.getSchema());
            }
            out.println("Engine:         " + meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
            out.println("Schema version: " + String.valueOf(new SchemaMigrator(dataSource).currentVersion())
                    .replace("null", "none"));
            out.println("Tables:");
            for (String table : SchemaMigrator.tables(dataSource)) {
                out.printf("  %-24s %,12d rows%n", table.toLowerCase(), longValue(connection,
                        "SELECT COUNT(*) FROM \"" + table + "\""));
            }
        }
        return 0;
    }

    private static long longValue(Connection connection, String query) throws Exception {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long sizeOf(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
