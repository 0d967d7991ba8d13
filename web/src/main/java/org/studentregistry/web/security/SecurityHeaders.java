package org.studentregistry.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers every response carries, set before anything else runs (by the authentication mechanism, which the
 * server calls first for every request), so that redirects to sign-in, refusals and error pages carry them too.
 *
 * <ul>
 *   <li>A Content-Security-Policy that lets pages load only the application's own scripts, styles and images (no
 *       inline script), post forms only to it, and be framed by nobody.</li>
 *   <li>No content-type sniffing; the referrer only within the application.</li>
 *   <li>{@code Cache-Control: no-store} on everything but static resources: pages and API answers carry personal
 *       data, which no shared or browser cache should keep.</li>
 *   <li>Over HTTPS, Strict-Transport-Security, so the browser does not try plain HTTP again.</li>
 *   <li>A {@code Server} header that names the application rather than the server and its version, which servers
 *       add only when the application has not (GlassFish names its exact version otherwise).</li>
 * </ul>
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self';"
            + " img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final String ONE_YEAR = "max-age=31536000";

    private SecurityHeaders() {
    }

    static void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Server", "Student Registry");
        if (!isStaticResource(request)) {
            response.setHeader("Cache-Control", "no-store");
        }
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", ONE_YEAR);
        }
    }

    private static boolean isStaticResource(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/");
    }
}
