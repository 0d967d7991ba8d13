package org.studentregistry.migrations.cli;

import org.flywaydb.core.api.FlywayException;
import org.studentregistry.migrations.Downgrade;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code registry-db}: see where the schema stands, move it forward or back, load sample data, and create an admin
 * account.
 */
@Command(name = "registry-db", mixinStandardHelpOptions = true, version = "registry-db 1.0",
        description = "The Student Registry's schema and data on the command line, using the same migrations as the"
                + " application.",
        subcommands = {InfoCommand.class, CurrentCommand.class, MigrateCommand.class, DowngradeCommand.class,
                ValidateCommand.class, CheckCommand.class, GenerateCommand.class, BaselineCommand.class, RepairCommand.class, SqlCommand.class,
                PopulateCommand.class, DbInfoCommand.class, ServeCommand.class, CreateAdminCommand.class,
                CommandLine.HelpCommand.class})
public class RegistryDb {

    /* Held, so that the level set on it is not lost with a collected logger. Flyway's progress lines are noise here:
       each command says what it did, and failures arrive as exceptions. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");
    /* Likewise Hibernate Validator's version line, when create-admin checks the entity. */
    private static final Logger VALIDATOR_LOG = Logger.getLogger("org.hibernate.validator");

    public static void main(String[] args) {
        int status = run(args);
        System.exit(status);
    }

    /** Runs one command line and returns its exit status: 0 done, 1 refused or failed, 2 wrong usage. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** The same, writing to the given output and error streams. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        FLYWAY_LOG.setLevel(Level.SEVERE);
        VALIDATOR_LOG.setLevel(Level.WARNING);
        CommandLine commandLine = new CommandLine(new RegistryDb()).setOut(out).setErr(err);
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            cl.getErr().println("registry-db: " + message(e));
            return 1;
        });
        try {
            return commandLine.execute(args);
        } finally {
            if (DatabaseOptions.takeEmbeddedBooted()) {
                shutdownEmbeddedDerby();
            }
        }
    }

    private static String message(Exception e) {
        if (e instanceof UsageError || e instanceof Downgrade.DowngradeRefused) {
            return e.getMessage();
        }
        if (e instanceof FlywayException) {
            return e.getMessage().strip() + "\nNothing more was changed: a failed migration is rolled back.";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** Closes embedded databases cleanly, so that the next process opens them without recovery. */
    private static void shutdownEmbeddedDerby() {
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true").close();
        } catch (SQLException expected) {
            // XJ015 is Derby's way of saying it shut down; anything else means it was not running.
        }
    }
}
