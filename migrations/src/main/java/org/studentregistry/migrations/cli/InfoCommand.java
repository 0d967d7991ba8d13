package org.studentregistry.migrations.cli;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.studentregistry.migrations.Downgrade;
import org.studentregistry.migrations.SchemaMigrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "info", aliases = "history", mixinStandardHelpOptions = true,
        description = "Every migration with its version, description, state (applied, pending, failed, undone),"
                + " applied date and checksum, then the current version.")
class InfoCommand implements Callable<Integer> {

    private static final DateTimeFormatter APPLIED_ON =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DataSource dataSource = database.open();
        Flyway flyway = SchemaMigrator.configure(dataSource);
        Map<String, String> undone = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String[] row : Downgrade.undone(connection)) {
                undone.put(row[0], row[1]);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Database: " + database.describe());
        String format = "%-8s %-32s %-10s %-20s %s%n";
        out.printf(format, "Version", "Description", "State", "Applied on", "Checksum");
        MigrationInfoService info = flyway.info();
        for (MigrationInfo migration : info.all()) {
            String version = migration.getVersion() == null ? "" : migration.getVersion().getVersion();
            out.printf(format, version, migration.getDescription(), state(migration, undone),
                    migration.getInstalledOn() == null ? "" : APPLIED_ON.format(migration.getInstalledOn().toInstant()),
                    migration.getChecksum() == null ? "" : migration.getChecksum());
        }
        MigrationInfo current = info.current();
        out.println("Current version: " + (current == null ? "none (empty schema)" : current.getVersion()));
        return 0;
    }

    private static String state(MigrationInfo migration, Map<String, String> undone) {
        return switch (migration.getState()) {
            case SUCCESS, BASELINE -> "applied";
            case PENDING -> migration.getVersion() != null && undone.containsKey(migration.getVersion().getVersion())
                    ? "undone" : "pending";
            case FAILED -> "failed";
            default -> migration.getState().getDisplayName().toLowerCase();
        };
    }

}
