package org.studentregistry.web.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.studentregistry.domain.shared.Settings;
import org.studentregistry.domain.user.User;
import org.studentregistry.service.user.UserService;
import org.studentregistry.web.database.DatabaseMigration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Makes sure a fresh installation can get its first admin, with no default password anywhere. On a start with no
 * enabled admin:
 * <ul>
 *   <li>if {@code registry.admin.username} and a password ({@code registry.admin.password}, or better
 *       {@code registry.admin.password-file}) are set (system properties or {@code REGISTRY_ADMIN_...} environment
 *       variables), that admin is created, and the log says so, never the password;</li>
 *   <li>otherwise a one-time setup code is made and the log prints the setup link with it; the first admin is
 *       created there, and the code then stops working. It lives in this process only: a restart makes a new one.</li>
 * </ul>
 * {@code registry-db create-admin} does the same from the command line.
 */
@ApplicationScoped
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

    @Inject
    private DatabaseMigration migration;

    @Inject
    private UserService users;

    private volatile String setupCode;

    void ensureOne(@Observes @Initialized(ApplicationScoped.class) @Priority(DatabaseMigration.FIRST + 1)
                   Object applicationStarted) {
        if (migration.failure() != null) {
            return;
        }
        try {
            if (users.hasEnabledAdmin()) {
                return;
            }
            Optional<String> username = Settings.get("registry.admin.username");
            if (username.isPresent()) {
                createFromSettings(username.get());
                return;
            }
            byte[] code = new byte[16];
            new SecureRandom().nextBytes(code);
            setupCode = HexFormat.of().formatHex(code);
            LOG.warning(() -> "No admin account yet. Create the first one at /setup?code=" + setupCode
                    + " on this server (for example http://localhost:8080/setup?code=" + setupCode + "), or with"
                    + " registry-db create-admin. The code works once, and only until this server stops.");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not check for or create the first admin: " + e.getMessage(), e);
        }
    }

    private void createFromSettings(String username) {
        String password = Settings.get("registry.admin.password-file")
                .map(FirstAdmin::firstLine)
                .or(() -> Settings.get("registry.admin.password"))
                .orElseThrow(() -> new IllegalStateException("registry.admin.username is set, but neither"
                        + " registry.admin.password-file nor registry.admin.password"));
        String email = Settings.get("registry.admin.email").orElse(username + "@localhost");
        Optional<User> admin;
        try {
            admin = users.createFirstAdmin(username, email, password);
        } catch (RuntimeException e) {
            // Nodes of a cluster that start together on a fresh database all try; one wins, the others find its admin.
            if (!users.hasEnabledAdmin()) {
                throw e;
            }
            admin = Optional.empty();
        }
        admin.ifPresentOrElse(
                created -> LOG.info(() -> "Created the first admin, " + created.getUsername()
                        + ", from the registry.admin settings"),
                () -> LOG.info("The first admin was created meanwhile by another node on the same database"));
    }

    /**
     * Whether a setup code is waiting to be used: there is no admin yet, none was made from the settings, and none
     * was made since elsewhere (another node, the command line), which ends the code.
     */
    public boolean isWaiting() {
        if (setupCode != null && users.hasEnabledAdmin()) {
            close();
        }
        return setupCode != null;
    }

    /** What became of a setup form sent with a code. */
    public enum Outcome { CREATED, WRONG_CODE, ADMIN_EXISTS }

    /** Creates the first admin if the code is the one logged and there is still no admin; the code then ends. */
    public synchronized Outcome create(String code, String username, String email, String password) {
        String expected = setupCode;
        if (expected == null || code == null || !MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.US_ASCII), code.strip().getBytes(StandardCharsets.US_ASCII))) {
            return Outcome.WRONG_CODE;
        }
        Optional<User> admin = users.createFirstAdmin(username, email, password);
        if (admin.isEmpty()) {
            close();
            return Outcome.ADMIN_EXISTS;
        }
        setupCode = null;
        LOG.info(() -> "Created the first admin, " + admin.get().getUsername() + ", with the setup code");
        return Outcome.CREATED;
    }

    private synchronized void close() {
        if (setupCode != null) {
            setupCode = null;
            LOG.info("An admin was created elsewhere (another node, or registry-db create-admin): the setup code"
                    + " ends unused");
        }
    }

    private static String firstLine(String file) {
        try {
            return Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream().findFirst().orElse("");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read registry.admin.password-file " + file, e);
        }
    }
}
