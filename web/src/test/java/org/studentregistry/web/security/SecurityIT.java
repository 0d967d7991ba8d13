package org.studentregistry.web.security;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.studentregistry.web.testing.ApplicationDatabase;
import org.studentregistry.web.testing.DeployedApplicationTest;
import org.studentregistry.web.testing.FacesForm;
import org.studentregistry.web.testing.Http;
import org.studentregistry.web.testing.RunningServer;
import org.studentregistry.web.testing.ServerOutput;
import org.studentregistry.web.testing.TestAccounts;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sign-in, sessions, tokens and the web's usual defences, as a browser or an integrating system meets them.
 * What each role may reach is {@link AccessMatrixIT}'s.
 */
class SecurityIT extends DeployedApplicationTest {

    private static final String PASSWORD = "security-password-1";

    @Test
    void theSessionIdChangesAtSignInAndTheOldOneIsNotSignedIn() {
        Http browser = anonymous.withCookies();
        HttpResponse<String> form = browser.get("sign-in");
        String before = sessionCookie(form);
        assertFalse(before.isEmpty(), "the sign-in form has a session: " + form.headers().map());

        HttpResponse<String> signedIn = FacesForm.post(browser, form.body(), "signin", "submit",
                Map.of("username", TestAccounts.ADMIN, "password", TestAccounts.ADMIN_PASSWORD));
        assertEquals(302, signedIn.statusCode());
        String after = sessionCookie(signedIn);
        assertFalse(after.isEmpty(), "a new session cookie is set at sign-in");
        assertNotEquals(before, after);

        HttpResponse<String> withOldId = anonymous.get("students", "Cookie", "JSESSIONID=" + before);
        assertTrue(TestAccounts.isSignInRedirect(withOldId), "the old id signs no one in: " + withOldId.statusCode());
        assertEquals(200, browser.get("students").statusCode());
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        String cookie = anonymous.get("sign-in").headers().firstValue("Set-Cookie").orElse("");
        assertTrue(cookie.startsWith("JSESSIONID="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        if (RunningServer.url().isEmpty()) {
            // GlassFish 7.0 has no way to mark its session cookie SameSite (see the README's "Runs on").
            assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
        }
        assertFalse(cookie.contains("Secure"), "not Secure over plain HTTP: " + cookie);
    }

    @Test
    void afterSignInTheUserLandsOnThePageAskedForButNeverOnAnotherSite() {
        HttpResponse<String> asked = anonymous.get("students?page=0&sort=lastName,asc");
        assertTrue(TestAccounts.isSignInRedirect(asked));
        String signInPage = asked.headers().firstValue("Location").orElseThrow();
        assertEquals("/students?page=0&sort=lastName,asc", landing(signInPage.substring(signInPage.indexOf("sign-in"))));

        for (String elsewhere : List.of("https://evil.example/", "//evil.example/x", "/\\evil.example",
                "javascript:alert(1)", "/sign-in", "/./..//evil.example", "/students/%2E%2E/..//evil.example")) {
            assertEquals("/", landing("sign-in?next=" + URLEncoder.encode(elsewhere, StandardCharsets.UTF_8)),
                    elsewhere);
        }
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswerAndRepeatedFailuresLockTheAccountForAWhile() throws Exception {
        String username = unique("lock");
        TestAccounts.account(http, username, PASSWORD, "viewer");
        String wrongPassword = failedSignIn(username, "not-the-password");
        String unknownUser = failedSignIn(unique("nobody"), "not-the-password");
        assertTrue(wrongPassword.contains("Wrong username or password."), wrongPassword);
        assertEquals(wrongPassword, unknownUser);

        for (int i = 2; i <= 5; i++) {
            failedSignIn(username, "not-the-password");
        }
        HttpResponse<String> locked = TestAccounts.trySignIn(anonymous.withCookies(), username, PASSWORD);
        assertEquals(200, locked.statusCode(), "even the right password is refused while locked");
        assertTrue(locked.body().contains("Too many failed sign-ins"), locked.body());

        Thread.sleep(Duration.ofSeconds(6).toMillis()); // the servers under test lock for 5 s
        TestAccounts.signIn(anonymous, username, PASSWORD);
    }

    @Test
    void aForgedCrossSitePostChangesNothing() {
        String last = unique("Forged");
        long before = ApplicationDatabase.count("student");
        Http victim = TestAccounts.signIn(anonymous, TestAccounts.ADMIN, TestAccounts.ADMIN_PASSWORD);
        victim.get("students/new");
        // Another site can make the browser post the form with the victim's cookie, but cannot read the view state.
        String body = "student=student&student%3AfirstName=Eve&student%3AlastName=" + last
                + "&student%3Asubject=Forgery&student%3Asave=Save&jakarta.faces.ViewState=stateless";
        HttpResponse<String> forged = victim.send(victim.request("students/new")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example").header("Sec-Fetch-Site", "cross-site")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertEquals(400, forged.statusCode(), "refused, not saved and redirected");
        assertTrue(forged.body().contains("id=\"expired\""), "the page-expired page");
        assertEquals(before, ApplicationDatabase.count("student"));
        assertEquals(0, Http.array(http.get("api/students?q=" + last)).size());

        HttpResponse<String> signOut = victim.send(victim.request("sign-out")
                .header("Sec-Fetch-Site", "cross-site").POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(403, signOut.statusCode());
        assertEquals(200, victim.get("students").statusCode(), "still signed in after a forged sign-out");
    }

    @Test
    void signingOutEndsEverySessionOfTheAccountAndNoOneElses() {
        String username = unique("leaver");
        TestAccounts.account(http, username, PASSWORD, "viewer");
        Http browser = TestAccounts.signIn(anonymous, username, PASSWORD);
        Http otherBrowser = TestAccounts.signIn(anonymous, username, PASSWORD);
        Http someoneElse = TestAccounts.signIn(anonymous, viewer(), PASSWORD);

        HttpResponse<String> out = TestAccounts.signOut(browser);
        assertEquals(302, out.statusCode());
        assertTrue(out.headers().firstValue("Location").orElse("").contains("sign-in?signedOut=true"));
        assertTrue(TestAccounts.isSignInRedirect(browser.get("students")));
        assertTrue(TestAccounts.isSignInRedirect(otherBrowser.get("students")), "the account's other session ended");
        assertEquals(200, someoneElse.get("students").statusCode(), "another account's session goes on");
        assertEquals(200, TestAccounts.signIn(anonymous, username, PASSWORD).get("students").statusCode(),
                "and the account signs in again");
    }

    @Test
    void aSessionThatEndedSendsTheUserToSignInWithTheReason() {
        HttpResponse<String> stale = anonymous.get("students", "Cookie", "JSESSIONID=0123456789abcdef");
        String location = stale.headers().firstValue("Location").orElse("");
        assertTrue(location.contains("ended=true"), location);
        String page = anonymous.get(location.substring(location.indexOf("sign-in"))).body();
        assertTrue(page.contains("Your session ended after 30 minutes"), page);
    }

    @Test
    void aDisabledAccountIsSignedOutAndARoleChangeCountsAtOnce() {
        String username = unique("change");
        long id = TestAccounts.account(http, username, PASSWORD, "viewer");
        Http user = TestAccounts.signIn(anonymous, username, PASSWORD);
        assertEquals(403, user.get("students/new").statusCode());

        JsonObject account = Http.object(http.get("api/users/" + id));
        assertEquals(200, http.put("api/users/" + id, Json.createObjectBuilder(account)
                .add("roles", Json.createArrayBuilder().add("registrar")).build().toString()).statusCode());
        assertEquals(200, user.get("students/new").statusCode(), "the new role counts on the next page");

        account = Http.object(http.get("api/users/" + id));
        assertEquals(200, http.put("api/users/" + id, Json.createObjectBuilder(account)
                .add("enabled", false).build().toString()).statusCode());
        assertTrue(TestAccounts.isSignInRedirect(user.get("students")), "a disabled account is signed out");
        assertEquals(200, TestAccounts.trySignIn(anonymous.withCookies(), username, PASSWORD).statusCode(),
                "and cannot sign in again");
    }

    @Test
    void aTokenWorksUntilItExpiresOrIsRevokedAndNeverMakesASession() throws Exception {
        JsonObject issued = Http.object(http.post("api/tokens", Json.createObjectBuilder()
                .add("name", unique("system")).add("role", "registrar")
                .add("expiresAt", Instant.now().plusSeconds(4).toString()).build().toString()));
        String token = issued.getString("token");
        Http system = anonymous.withToken(token);

        HttpResponse<String> read = system.get("api/students?size=1");
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(read.headers().allValues("Set-Cookie").isEmpty(), "no session for an API request");
        assertEquals(201, system.post("api/students", Http.student("Tok", unique("En"), "Api")).statusCode());
        JsonObject listed = Http.object(http.get("api/tokens/" + issued.getJsonNumber("id")));
        assertFalse(listed.isNull("lastUsedAt"), "the last use is recorded: " + listed);
        assertFalse(listed.containsKey("token"), "the secret is shown only when issued: " + listed);

        Thread.sleep(Duration.ofSeconds(5).toMillis());
        HttpResponse<String> expired = system.get("api/students?size=1");
        assertEquals(401, expired.statusCode());
        assertTrue(expired.headers().firstValue("WWW-Authenticate").orElse("").contains("invalid_token"));

        String other = Http.object(http.post("api/tokens", Json.createObjectBuilder()
                .add("name", unique("revoked")).add("role", "viewer").build().toString())).getString("token");
        assertEquals(200, anonymous.withToken(other).get("api/students?size=1").statusCode());
        long otherId = Long.parseLong(other.split("_")[1]);
        assertEquals(204, http.delete("api/tokens/" + otherId).statusCode());
        assertEquals(401, anonymous.withToken(other).get("api/students?size=1").statusCode(),
                "revoked from the next request on");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        Map<String, HttpResponse<String>> answers = Map.of(
                "page", http.get("students"),
                "sign-in redirect", anonymous.get("students"),
                "not-found page", http.get("no-such-page"),
                "forbidden page", TestAccounts.signIn(anonymous, viewer(), PASSWORD).get("users"),
                "api", http.get("api/students?size=1"),
                "api 401", anonymous.get("api/students"),
                "api 404", http.get("api/students/999999999"),
                "hello", anonymous.get("hello"));
        answers.forEach((what, answer) -> {
            String csp = answer.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'")
                    && !csp.contains("unsafe-inline"), what + ": " + csp);
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(""), what);
            assertEquals("same-origin", answer.headers().firstValue("Referrer-Policy").orElse(""), what);
            assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""), what);
            assertTrue(answer.headers().firstValue("Strict-Transport-Security").isEmpty(), what + ": HSTS over HTTP");
            String server = answer.headers().firstValue("Server").orElse("") + " "
                    + answer.headers().firstValue("X-Powered-By").orElse("");
            assertFalse(server.matches(".*\\d.*"), what + ": names a server version: " + server);
        });
        assertEquals("application/problem+json",
                answers.get("api 401").headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void pagesShowOnlyTheActionsTheUserMayTake() {
        assertEquals(201, http.post("api/students", Http.student("Shown", "Rows", "Roles")).statusCode());
        Http viewer = TestAccounts.signIn(anonymous, viewer(), PASSWORD);
        String list = viewer.get("students?q=Rows").body();
        assertTrue(list.contains("<td>Rows</td>"), "a viewer reads the list");
        assertFalse(list.contains("id=\"add-student\""), "no add button for a viewer");
        assertFalse(list.contains("class=\"edit\"") || list.contains("class=\"delete\""), "no row actions");
        assertFalse(list.contains("/users\""), "no users link for a viewer");
        assertTrue(list.contains("id=\"signed-in-as\"") && list.contains(">" + viewer() + "</a>"), "signed in as");

        String adminList = http.get("students?q=Rows").body();
        assertTrue(adminList.contains("id=\"add-student\""));
        assertTrue(adminList.contains("class=\"edit\"") && adminList.contains("class=\"delete\""));
        assertTrue(adminList.contains("/users\""));
    }

    @Test
    void aUserChangesTheirOwnPasswordGivingTheCurrentOne() {
        String username = unique("own");
        TestAccounts.account(http, username, PASSWORD, "viewer");
        Http user = TestAccounts.signIn(anonymous, username, PASSWORD);

        String refused = FacesForm.submit(user, "account/password", "account", "change", Map.of(
                "current", "not my password", "password", "my new password 1", "confirmation", "my new password 1"))
                .body();
        assertTrue(refused.contains("This is not your current password."), refused);
        HttpResponse<String> changed = FacesForm.submit(user, "account/password", "account", "change", Map.of(
                "current", PASSWORD, "password", "my new password 1", "confirmation", "my new password 1"));
        assertEquals(302, changed.statusCode(), changed.body());

        assertEquals(200, TestAccounts.trySignIn(anonymous.withCookies(), username, PASSWORD).statusCode(),
                "the old password no longer signs in");
        TestAccounts.signIn(anonymous, username, "my new password 1");
    }

    @Test
    void theSetupPageIsClosedOnceThereIsAnAdmin() {
        Http browser = anonymous.withCookies();
        String page = browser.get("setup?code=guess").body();
        assertTrue(page.contains("id=\"setup-done\""), page);
        assertFalse(page.contains("id=\"setup\""), "no form to post to");
    }

    @Test
    void signInsFailuresAndTokensAreLoggedWithoutSecrets() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(RunningServer.url().isEmpty(),
                RunningServer.name() + " keeps its log to itself");
        String username = unique("logged");
        try (ServerOutput log = ServerOutput.capture()) {
            TestAccounts.account(http, username, PASSWORD, "viewer");
            failedSignIn(username, "wrong-secret-value");
            TestAccounts.signIn(anonymous, username, PASSWORD);
            String token = Http.object(http.post("api/tokens", Json.createObjectBuilder()
                    .add("name", "logged " + username).add("role", "viewer").build().toString())).getString("token");
            anonymous.withToken(token).get("api/students?size=1");
            String seen = log.awaitContaining("Signed in: " + username, Duration.ofSeconds(10));
            assertTrue(seen.contains("Sign-in failed for '" + username + "'"), seen);
            assertFalse(seen.contains("wrong-secret-value"));
            assertFalse(seen.contains(PASSWORD));
            assertFalse(seen.contains(token.substring(token.lastIndexOf('_') + 1)));
        }
    }

    private static String viewerName;

    /** A viewer account made once for the class. */
    private String viewer() {
        if (viewerName == null) {
            viewerName = unique("viewer");
            TestAccounts.account(http, viewerName, PASSWORD, "viewer");
        }
        return viewerName;
    }

    /** Signs in with a wrong password in a session of its own; returns the page's message. */
    private String failedSignIn(String username, String password) {
        HttpResponse<String> answer = TestAccounts.trySignIn(anonymous.withCookies(), username, password);
        assertEquals(200, answer.statusCode(), "the form again");
        return answer.body().replaceAll("(?s).*<main>", "").replaceAll("(?s)<form.*", "").strip();
    }

    /** Where signing in as the admin on this sign-in address leads, relative to the application. */
    private String landing(String signInAddress) {
        Http browser = anonymous.withCookies();
        HttpResponse<String> form = browser.get(signInAddress);
        HttpResponse<String> signedIn = FacesForm.post(browser, form.body(), "signin", "submit",
                Map.of("username", TestAccounts.ADMIN, "password", TestAccounts.ADMIN_PASSWORD));
        assertEquals(302, signedIn.statusCode(), signInAddress);
        String location = signedIn.headers().firstValue("Location").orElseThrow();
        String application = anonymous.uri("").toString();
        return location.substring(application.length() - 1);
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .map(cookie -> cookie.substring("JSESSIONID=".length(), cookie.indexOf(';')))
                .findFirst().orElse("");
    }
}
