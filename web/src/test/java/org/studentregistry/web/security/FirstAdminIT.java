package org.studentregistry.web.security;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.studentregistry.web.testing.FacesForm;
import org.studentregistry.web.testing.Http;
import org.studentregistry.web.testing.PostgresDatabases;
import org.studentregistry.web.testing.ServerProcess;
import org.studentregistry.web.testing.TestAccounts;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new user's first start: the packaged application on a fresh database, with no setting, has no account and no
 * default password; the log prints a one-time setup link, which makes the first admin once, and the admin signs in.
 */
class FirstAdminIT {

    /* One start for the class: what is open does not depend on whether the first admin exists yet. */
    private static ServerProcess server;

    @BeforeAll
    static void startAsInstalled() {
        server = ServerProcess.asInstalled(Path.of("target", "first-admin", UUID.randomUUID().toString(), "registry"));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /*
     * Deployed at "/", as the README runs it, the application shares its security with Payara Micro's health and
     * OpenAPI endpoints (the Arquillian suites deploy it elsewhere, where those endpoints are an application of their
     * own): they stay open to anyone, while the pages are not.
     */
    @Test
    void theProbesAndTheOpenApiDocumentAreOpenToAnyoneAtTheRootAsInstalled() {
        Http anonymous = server.anonymous();
        for (String open : List.of("/hello", "/health", "/health/ready", "/openapi")) {
            assertEquals(200, anonymous.get(open).statusCode(), open + " is open to anyone");
        }
        JsonObject document = Http.object(anonymous.get("/openapi?format=JSON"));
        assertEquals("Student Registry API", document.getJsonObject("info").getString("title"));
        assertTrue(TestAccounts.isSignInRedirect(anonymous.get("/students")), "pages still need a sign-in");
    }

    @Test
    void theFirstAdminComesFromTheOneTimeSetupLinkInTheLog() {
        Http anonymous = server.anonymous();
        assertTrue(TestAccounts.isSignInRedirect(anonymous.get("students")), "closed before any account exists");
        String code = FacesForm.match("/setup\\?code=([0-9a-f]{32})", server.log());

        Http browser = anonymous.withCookies();
        String wrong = FacesForm.submit(browser, "setup", "setup", "create", Map.of("code", "0".repeat(32),
                "username", "root", "email", "root@example.org", "password", "first admin password",
                "confirmation", "first admin password")).body();
        assertTrue(wrong.contains("not the setup code"), wrong);

        HttpResponse<String> created = FacesForm.submit(browser, "setup?code=" + code, "setup", "create",
                Map.of("code", code, "username", "root", "email", "root@example.org",
                        "password", "first admin password", "confirmation", "first admin password"));
        assertEquals(302, created.statusCode(), created.body());
        assertTrue(server.log().contains("Created the first admin, root, with the setup code"));
        assertFalse(server.log().contains("first admin password"), "the password is never logged");

        Http admin = TestAccounts.signIn(anonymous, "root", "first admin password");
        assertEquals(200, admin.get("users").statusCode());
        String again = anonymous.withCookies().get("setup?code=" + code).body();
        assertTrue(again.contains("id=\"setup-done\""), "the link works once: " + again);
    }

    /*
     * On a database that others share, the first admin may come from elsewhere (another node's settings, or
     * registry-db create-admin) while the setup form is open: the form then says so, and makes no second account.
     */
    @Test
    void aSetupFormSentAfterTheCommandLineMadeTheFirstAdminSaysSoAndCreatesNoAccount()
            throws IOException, InterruptedException {
        PostgresDatabases database = PostgresDatabases.required();
        String url = database.freshSchema("setup");
        Path folder = Files.createDirectories(Path.of("target", "first-admin", UUID.randomUUID().toString()));
        try (ServerProcess shared = ServerProcess.asInstalledOn(url, database.user(), database.password(),
                folder.resolve("registry"))) {
            shared.start();
            String code = FacesForm.match("/setup\\?code=([0-9a-f]{32})", shared.log());
            Http browser = shared.anonymous().withCookies();
            String form = browser.get("setup?code=" + code).body();
            assertTrue(form.contains("id=\"setup\""), form);

            Path password = Files.writeString(folder.resolve("password"), "command line password\n");
            ProcessBuilder command = new ProcessBuilder(System.getProperty("registry.db.script"), "create-admin",
                    "--url", url, "--user", database.user(), "--username", "operator",
                    "--email", "operator@example.org", "--password-file", password.toString())
                    .redirectErrorStream(true).redirectOutput(folder.resolve("registry-db.log").toFile());
            command.environment().put("REGISTRY_DB_PASSWORD", database.password());
            Process createAdmin = command.start();
            assertTrue(createAdmin.waitFor(2, TimeUnit.MINUTES), "registry-db create-admin ended");
            assertEquals(0, createAdmin.exitValue(), Files.readString(folder.resolve("registry-db.log")));

            HttpResponse<String> sent = FacesForm.post(browser, form, "setup", "create", Map.of("code", code,
                    "username", "latecomer", "email", "latecomer@example.org",
                    "password", "first admin password", "confirmation", "first admin password"));
            assertEquals(200, sent.statusCode(), sent.body());
            assertTrue(sent.body().contains("id=\"setup-done\""), sent.body());
            assertTrue(shared.log().contains("the setup code ends unused"), shared.log());
            Http operator = TestAccounts.signIn(shared.anonymous(), "operator", "command line password");
            String accounts = operator.get("users").body();
            assertTrue(accounts.contains("operator") && !accounts.contains("latecomer"), accounts);
        }
    }
}
