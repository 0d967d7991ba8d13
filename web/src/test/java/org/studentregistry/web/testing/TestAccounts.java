package org.studentregistry.web.testing;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The accounts and tokens the tests use, made the documented way: the server under test starts with its first
 * admin in the {@code registry.admin} settings; the tests sign in on the sign-in page and issue API tokens on the
 * tokens page, and make other accounts through the API with an admin's token.
 */
public final class TestAccounts {

    /** The first admin the servers under test start with (web/pom.xml). */
    public static final String ADMIN = System.getProperty("it.admin.username");
    public static final String ADMIN_PASSWORD = System.getProperty("it.admin.password");

    /* One admin token per server (and database) under test: issuing one costs a sign-in and a page. */
    private static final Map<URI, String> ADMIN_TOKENS = new ConcurrentHashMap<>();

    private TestAccounts() {
    }

    /**
     * The settings a test server starts with: its first admin, a low hash iteration count (signing in is slow on
     * purpose), and lock-outs of seconds rather than minutes.
     */
    public static List<String> serverOptions() {
        return List.of("-Dregistry.admin.username=" + ADMIN, "-Dregistry.admin.password=" + ADMIN_PASSWORD,
                "-Dregistry.password.iterations=1024", "-Dregistry.signin.lock-seconds=5");
    }

    /** A new session signed in on the sign-in page; fails the test if the sign-in is refused. */
    public static Http signIn(Http anonymous, String username, String password) {
        Http session = anonymous.anonymous().withCookies();
        HttpResponse<String> answer = trySignIn(session, username, password);
        assertEquals(302, answer.statusCode(), "signed in as " + username + ": " + answer.body());
        return session;
    }

    /** Submits the sign-in form in the given session; the answer is a redirect on success, the form again if not. */
    public static HttpResponse<String> trySignIn(Http session, String username, String password) {
        return FacesForm.submit(session, "sign-in", "signin", "submit",
                Map.of("username", username, "password", password));
    }

    /** Presses the sign-out button of the session's pages (a same-origin POST); the answer redirects to sign-in. */
    public static HttpResponse<String> signOut(Http session) {
        return session.send(session.request("sign-out")
                .header("Sec-Fetch-Site", "same-origin").POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** The admin, signed in on the pages and carrying an admin token for the API. */
    public static Http admin(Http anonymous) {
        return signIn(anonymous, ADMIN, ADMIN_PASSWORD).withToken(adminToken(anonymous));
    }

    /** An admin token for the server, issued once per server and database on the tokens page. */
    public static String adminToken(Http anonymous) {
        URI server = anonymous.uri("/");
        String token = ADMIN_TOKENS.get(server);
        if (token != null && anonymous.withToken(token).get("api/tokens?size=1").statusCode() == 200) {
            return token;
        }
        token = issueToken(signIn(anonymous, ADMIN, ADMIN_PASSWORD), "tests " + System.nanoTime(), "admin");
        ADMIN_TOKENS.put(server, token);
        return token;
    }

    /** Issues a token with the given role on the tokens page, as an admin signed in there; returns its secret. */
    public static String issueToken(Http signedInAdmin, String name, String role) {
        HttpResponse<String> issued = FacesForm.submit(signedInAdmin, "tokens/new", "token", "issue",
                Map.of("name", name, "role", role, "days", "30"));
        assertEquals(200, issued.statusCode(), issued.body());
        return FacesForm.match("id=\"token-secret\"[^>]*>\\s*([^<\\s]+)\\s*<", issued.body());
    }

    /** Makes an account with a password and roles through the API, as the admin; returns its id. */
    public static long account(Http admin, String username, String password, String... roles) {
        JsonArrayBuilder roleIds = Json.createArrayBuilder();
        for (String role : roles) {
            roleIds.add(role);
        }
        HttpResponse<String> created = admin.post("api/users", Json.createObjectBuilder()
                .add("username", username).add("email", username + "@example.org")
                .add("password", password).add("roles", roleIds).build().toString());
        assertEquals(201, created.statusCode(), created.body());
        return Http.object(created).getJsonNumber("id").longValue();
    }

    /** Whether a response is the redirect to the sign-in page that an anonymous visitor of a page gets. */
    public static boolean isSignInRedirect(HttpResponse<String> response) {
        return response.statusCode() == 302
                && response.headers().firstValue("Location").orElse("").contains("/sign-in");
    }

}
