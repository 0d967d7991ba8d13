package org.studentregistry.web.security;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.studentregistry.web.testing.FacesForm;
import org.studentregistry.web.testing.Http;
import org.studentregistry.web.testing.ServerProcess;
import org.studentregistry.web.testing.TestAccounts;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
}
