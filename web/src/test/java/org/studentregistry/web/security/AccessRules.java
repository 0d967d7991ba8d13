package org.studentregistry.web.security;

import java.util.List;

/**
 * What each caller may do, in one table: for every page and endpoint, the exact status that an anonymous visitor, a
 * viewer, a registrar and an admin get. A request that is allowed is made to fail in a known way after the check
 * (an id that does not exist, an empty body), so that no row changes data and every status is exact.
 * {@link AccessMatrixIT} checks each row against the server, and that no page or endpoint of the application is
 * missing from the table.
 */
final class AccessRules {

    /** An id no record has. */
    static final long NO_SUCH_ID = 999_999_999L;

    /** A page of the application that signed-in users see: an anonymous visitor is sent to sign in. */
    static final int SIGN_IN = 302;

    /**
     * One page or endpoint: the request, and the status for each caller.
     *
     * @param path the address with {@code {id}} where an id goes, as the API declares it
     */
    record Rule(String method, String path, String body, int anonymous, int viewer, int registrar, int admin) {

        int expectedFor(Caller caller) {
            return switch (caller) {
                case ANONYMOUS -> anonymous;
                case VIEWER -> viewer;
                case REGISTRAR -> registrar;
                case ADMIN -> admin;
            };
        }

        /** The address to request: the path with the id that no record has. */
        String address() {
            return path.replace("{id}", String.valueOf(NO_SUCH_ID)).substring(1);
        }

        /** The path without its query, as the table of pages or endpoints names it. */
        String route() {
            int query = path.indexOf('?');
            return method + " " + (query < 0 ? path : path.substring(0, query));
        }

        boolean isApi() {
            return path.startsWith("/api/");
        }

        /** The role the API may be used with: the least role whose caller gets past the check. */
        String leastRole() {
            if (viewer != 401 && viewer != 403) {
                return "viewer";
            }
            return registrar != 401 && registrar != 403 ? "registrar" : "admin";
        }
    }

    enum Caller { ANONYMOUS, VIEWER, REGISTRAR, ADMIN }

    private static final String EMPTY = "{}";

    static final List<Rule> RULES = List.of(
            // The API: a token of the right role, else 401 (none) or 403 (a role that may not).
            new Rule("GET", "/api/students", null, 401, 200, 200, 200),
            new Rule("GET", "/api/students/{id}", null, 401, 404, 404, 404),
            new Rule("POST", "/api/students", EMPTY, 401, 403, 400, 400),
            new Rule("PUT", "/api/students/{id}", EMPTY, 401, 403, 404, 404),
            new Rule("DELETE", "/api/students/{id}", null, 401, 403, 404, 404),
            new Rule("GET", "/api/books", null, 401, 200, 200, 200),
            new Rule("GET", "/api/books/{id}", null, 401, 404, 404, 404),
            new Rule("POST", "/api/books", EMPTY, 401, 403, 400, 400),
            new Rule("PUT", "/api/books/{id}", EMPTY, 401, 403, 404, 404),
            new Rule("DELETE", "/api/books/{id}", null, 401, 403, 404, 404),
            new Rule("GET", "/api/authors", null, 401, 200, 200, 200),
            new Rule("GET", "/api/users", null, 401, 403, 403, 200),
            new Rule("GET", "/api/users/{id}", null, 401, 403, 403, 404),
            new Rule("POST", "/api/users", EMPTY, 401, 403, 403, 400),
            new Rule("PUT", "/api/users/{id}", EMPTY, 401, 403, 403, 404),
            new Rule("DELETE", "/api/users/{id}", null, 401, 403, 403, 404),
            new Rule("PUT", "/api/users/{id}/password", "{\"password\": \"a valid new password\"}",
                    401, 403, 403, 404),
            new Rule("GET", "/api/tokens", null, 401, 403, 403, 200),
            new Rule("GET", "/api/tokens/{id}", null, 401, 403, 403, 404),
            new Rule("POST", "/api/tokens", EMPTY, 401, 403, 403, 400),
            new Rule("DELETE", "/api/tokens/{id}", null, 401, 403, 403, 404),
            // Public addresses.
            new Rule("GET", "/hello", null, 200, 200, 200, 200),
            new Rule("GET", "/health/ready", null, 200, 200, 200, 200),
            new Rule("GET", "/sign-in", null, 200, 200, 200, 200),
            new Rule("GET", "/setup", null, 200, 200, 200, 200),
            // Pages: signed-in users only, each as its role allows.
            new Rule("GET", "/", null, SIGN_IN, 200, 200, 200),
            new Rule("GET", "/account/password", null, SIGN_IN, 200, 200, 200),
            new Rule("GET", "/students", null, SIGN_IN, 200, 200, 200),
            new Rule("GET", "/students/new", null, SIGN_IN, 403, 200, 200),
            new Rule("GET", "/students/edit?id={id}", null, SIGN_IN, 403, 404, 404),
            new Rule("GET", "/students/delete?id={id}", null, SIGN_IN, 403, 404, 404),
            new Rule("GET", "/books", null, SIGN_IN, 200, 200, 200),
            new Rule("GET", "/books/new", null, SIGN_IN, 403, 200, 200),
            new Rule("GET", "/books/edit?id={id}", null, SIGN_IN, 403, 404, 404),
            new Rule("GET", "/books/delete?id={id}", null, SIGN_IN, 403, 404, 404),
            new Rule("GET", "/users", null, SIGN_IN, 403, 403, 200),
            new Rule("GET", "/users/new", null, SIGN_IN, 403, 403, 200),
            new Rule("GET", "/users/edit?id={id}", null, SIGN_IN, 403, 403, 404),
            new Rule("GET", "/users/delete?id={id}", null, SIGN_IN, 403, 403, 404),
            new Rule("GET", "/users/password?id={id}", null, SIGN_IN, 403, 403, 404),
            new Rule("GET", "/tokens", null, SIGN_IN, 403, 403, 200),
            new Rule("GET", "/tokens/new", null, SIGN_IN, 403, 403, 200),
            new Rule("GET", "/tokens/revoke?id={id}", null, SIGN_IN, 403, 403, 404));

    private AccessRules() {
    }
}
