package org.studentregistry.web.security;

import jakarta.servlet.http.HttpServletRequest;

import java.net.URI;

/**
 * Whether a request comes from the application's own pages, by what the browser says about its origin:
 * {@code Sec-Fetch-Site}, else {@code Origin}. A request that says neither (an old browser, a script) counts as
 * same-origin; a browser never omits both on a cross-site form post.
 */
final class SameOrigin {

    private SameOrigin() {
    }

    static boolean isSameOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin") || site.equals("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        try {
            URI uri = URI.create(origin);
            int port = uri.getPort() != -1 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
            return request.getScheme().equalsIgnoreCase(uri.getScheme())
                    && request.getServerName().equalsIgnoreCase(uri.getHost())
                    && request.getServerPort() == port;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
