package org.studentregistry.migrations.cli;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;
import org.studentregistry.domain.user.PasswordPolicy;
import org.studentregistry.domain.user.Role;
import org.studentregistry.domain.user.RolesConverter;
import org.studentregistry.domain.user.User;
import org.studentregistry.migrations.SchemaMigrator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.annotation.ElementType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Creates an admin account straight in the database: the way to the first one on a new installation, and to another
 * when no admin can sign in. The username and email are checked with the {@link User} entity's own rules, the
 * password with {@link PasswordPolicy}, and the password is stored only as the hash the application verifies.
 *
 * <p>The password is never an argument, which any user of the machine could read in the process list: it is asked
 * twice on the terminal without echo, or read from the first line of a file or of standard input.
 */
@Command(name = "create-admin", mixinStandardHelpOptions = true,
        description = "Creates an admin account (migrating the schema first). The password is asked twice on the"
                + " terminal, or read from the first line of --password-file or of standard input (--password-stdin);"
                + " it is never an argument.")
class CreateAdminCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--username", required = true, paramLabel = "NAME",
            description = "3 to 50 of a-z, A-Z, 0-9, '.', '_' or '-'; unique whatever its case.")
    String username;

    @Option(names = "--email", required = true, paramLabel = "ADDRESS", description = "Unique whatever its case.")
    String email;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    PasswordSource passwordSource;

    static class PasswordSource {
        @Option(names = "--password-file", paramLabel = "FILE",
                description = "Read the password from the first line of this file (UTF-8).")
        Path file;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input (UTF-8).")
        boolean stdin;
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ((database.password != null || database.passwordFile != null) && database.isEmbedded()) {
            throw new UsageError("--password is the database's password, for --url, as is --db-password-file. The"
                    + " admin's password is asked for on the terminal, or read with --password-file FILE or"
                    + " --password-stdin.");
        }
        User admin = new User(username, email);
        admin.setRoles(EnumSet.of(Role.ADMIN));
        validate(admin);

        DataSource dataSource = database.open();
        String password = readPassword();
        PasswordPolicy.problemWith(password).ifPresent(problem -> {
            throw new UsageError(problem);
        });

        new SchemaMigrator(dataSource).migrate();
        try (Connection connection = dataSource.getConnection()) {
            refuseTaken(connection, admin);
            insert(connection, admin, hash(password));
        }
        spec.commandLine().getOut().println("Created admin " + admin.getUsername() + ". Sign in at /sign-in.");
        return 0;
    }

    /** The entity's Bean Validation constraints, as the application checks them; every problem in one message. */
    private static void validate(User user) {
        // Everything is reachable: the entity is new, nothing is loaded lazily, and no JPA provider need be asked.
        try (ValidatorFactory factory = Validation.byDefaultProvider().configure()
                .traversableResolver(new EverythingReachable()).buildValidatorFactory()) {
            String problems = factory.getValidator().validate(user).stream()
                    .sorted(Comparator.comparing((ConstraintViolation<User> v) -> v.getPropertyPath().toString())
                            .thenComparing(ConstraintViolation::getMessage))
                    .map(ConstraintViolation::getMessage)
                    .distinct()
                    .collect(Collectors.joining(" "));
            if (!problems.isEmpty()) {
                throw new UsageError(problems);
            }
        }
    }

    private static final class EverythingReachable implements TraversableResolver {
        @Override
        public boolean isReachable(Object bean, jakarta.validation.Path.Node property, Class<?> rootBeanType,
                                   jakarta.validation.Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, jakarta.validation.Path.Node property, Class<?> rootBeanType,
                                    jakarta.validation.Path path, ElementType type) {
            return true;
        }
    }

    private String readPassword() {
        if (passwordSource != null && passwordSource.file != null) {
            Path file = passwordSource.file;
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                return reader.readLine();
            } catch (IOException e) {
                throw new UsageError("Cannot read the password from " + file + ": " + e.getMessage());
            }
        }
        if (passwordSource != null && passwordSource.stdin) {
            try {
                // Not closed: it would close standard input.
                return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                throw new UsageError("Cannot read the password from standard input: " + e.getMessage());
            }
        }
        Console console = System.console();
        if (console == null) {
            throw new UsageError("There is no terminal to ask for the password on: give --password-file FILE or"
                    + " --password-stdin.");
        }
        char[] first = console.readPassword("Password for %s: ", username);
        char[] second = first == null ? null : console.readPassword("The same password again: ");
        try {
            if (first == null || second == null) {
                throw new UsageError("No password was given.");
            }
            if (!Arrays.equals(first, second)) {
                throw new UsageError("The two passwords differ.");
            }
            return new String(first);
        } finally {
            if (first != null) {
                Arrays.fill(first, '\0');
            }
            if (second != null) {
                Arrays.fill(second, '\0');
            }
        }
    }

    /** The hash in the form the application's Pbkdf2PasswordHash verifies, with the same parameters. */
    private static String hash(String password) {
        Pbkdf2PasswordHashImpl hash = new Pbkdf2PasswordHashImpl();
        hash.initialize(PasswordPolicy.hashParameters());
        char[] characters = password.toCharArray();
        try {
            return hash.generate(characters);
        } finally {
            Arrays.fill(characters, '\0');
        }
    }

    /* Compared as the database's unique constraints compare: on the columns it lower-cases itself. */
    private static void refuseTaken(Connection connection, User user) throws SQLException {
        if (exists(connection, "SELECT 1 FROM users WHERE username_key = LOWER(?)", user.getUsername())) {
            throw usernameTaken(user);
        }
        if (exists(connection, "SELECT 1 FROM users WHERE email_key = LOWER(?)", user.getEmail())) {
            throw emailTaken(user);
        }
    }

    private static boolean exists(Connection connection, String sql, String value) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, value);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void insert(Connection connection, User user, String passwordHash) throws SQLException {
        // Millisecond precision, as the entities write their timestamps.
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO users (username, email,"
                + " password_hash, roles, enabled, version, created_at, updated_at) VALUES (?, ?, ?, ?, TRUE, 1, ?, ?)")) {
            insert.setString(1, user.getUsername());
            insert.setString(2, user.getEmail());
            insert.setString(3, passwordHash);
            insert.setString(4, new RolesConverter().convertToDatabaseColumn(user.getRoles()));
            insert.setTimestamp(5, now);
            insert.setTimestamp(6, now);
            insert.executeUpdate();
        } catch (SQLException e) {
            // Taken between the check and the insert (SQLState 23505, a unique key): the constraint's name says which.
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            String message = String.valueOf(e.getMessage()).toUpperCase(Locale.ROOT);
            if (message.contains("UQ_USERS_USERNAME")) {
                throw usernameTaken(user);
            }
            if (message.contains("UQ_USERS_EMAIL")) {
                throw emailTaken(user);
            }
            throw e;
        }
    }

    private static UsageError usernameTaken(User user) {
        return new UsageError("Username " + user.getUsername() + " is already taken.");
    }

    private static UsageError emailTaken(User user) {
        return new UsageError("Email " + user.getEmail() + " is already registered.");
    }
}
