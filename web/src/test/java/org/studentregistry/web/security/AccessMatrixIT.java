package org.studentregistry.web.security;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.studentregistry.web.security.AccessRules.Caller;
import org.studentregistry.web.security.AccessRules.Rule;
import org.studentregistry.web.testing.DeployedApplicationTest;
import org.studentregistry.web.testing.Http;
import org.studentregistry.web.testing.RunningServer;
import org.studentregistry.web.testing.TestAccounts;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every page and endpoint against every caller, from the one table of {@link AccessRules}: anonymous, a viewer, a
 * registrar and an admin, each signed in on the pages and carrying a token of its role for the API
 * ({@link AccessRulesTest} checks that the table names every page and endpoint).
 */
class AccessMatrixIT extends DeployedApplicationTest {

    private static final String PASSWORD = "matrix-password-1";

    @Test
    void everyCallerGetsExactlyWhatTheTableSaysOnEveryPageAndEndpoint() {
        Map<Caller, Http> callers = new EnumMap<>(Caller.class);
        callers.put(Caller.ANONYMOUS, anonymous);
        callers.put(Caller.VIEWER, caller("viewer"));
        callers.put(Caller.REGISTRAR, caller("registrar"));
        callers.put(Caller.ADMIN, http);

        List<String> wrong = new ArrayList<>();
        for (Rule rule : AccessRules.RULES) {
            for (Caller caller : Caller.values()) {
                HttpResponse<String> answer = send(callers.get(caller), rule);
                int expected = rule.expectedFor(caller);
                if (answer.statusCode() != expected) {
                    wrong.add(rule.route() + " as " + caller + ": " + answer.statusCode() + ", not " + expected);
                } else if (expected == AccessRules.SIGN_IN && !TestAccounts.isSignInRedirect(answer)) {
                    wrong.add(rule.route() + " as " + caller + ": redirected elsewhere than to sign in");
                } else if (rule.isApi() && (expected == 401 || expected == 403)
                        && !answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                    wrong.add(rule.route() + " as " + caller + ": " + expected + " is not problem details");
                } else if (rule.isApi() && expected == 401
                        && !answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer")) {
                    wrong.add(rule.route() + " as " + caller + ": 401 without WWW-Authenticate: Bearer");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theOpenApiDocumentDeclaresTheBearerSchemeAndEachOperationsRole() {
        assumeTrue(RunningServer.hasMicroProfile(), RunningServer.name() + " serves no OpenAPI document");
        JsonObject document = Http.object(anonymous.get("/openapi?format=JSON"));
        JsonObject scheme = document.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("bearer");
        assertEquals("http", scheme.getString("type"));
        assertEquals("bearer", scheme.getString("scheme"));
        List<String> wrong = new ArrayList<>();
        for (Rule rule : AccessRules.RULES) {
            if (!rule.isApi()) {
                continue;
            }
            JsonObject operation = document.getJsonObject("paths").getJsonObject(rule.path())
                    .getJsonObject(rule.method().toLowerCase());
            String declared = String.valueOf(operation.get("security"));
            String expected = Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("bearer", Json.createArrayBuilder().add(rule.leastRole()))).build().toString();
            if (!declared.replace(" ", "").equals(expected)) {
                wrong.add(rule.route() + " declares " + declared + ", not " + expected);
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** A signed-in user with this one role, also carrying a token of the role. */
    private Http caller(String role) {
        String username = unique(role);
        TestAccounts.account(http, username, PASSWORD, role);
        HttpResponse<String> token = http.post("api/tokens", Json.createObjectBuilder()
                .add("name", "matrix " + username).add("role", role).build().toString());
        assertEquals(201, token.statusCode(), token.body());
        return TestAccounts.signIn(anonymous, username, PASSWORD).withToken(Http.object(token).getString("token"));
    }

    private static HttpResponse<String> send(Http caller, Rule rule) {
        HttpRequest.Builder request = caller.request(rule.address());
        if (rule.body() != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(rule.method(), rule.body() == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(rule.body()));
        return caller.send(request);
    }
}
