package org.studentregistry.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.studentregistry.domain.user.Role;

import java.security.Principal;
import java.util.EnumMap;
import java.util.Map;

/**
 * Who is asking, as the pages see it ({@code #{caller.registrar}}): whether someone is signed in, under which name,
 * and which roles they hold, to show each user only the actions they may take. The server enforces the rules
 * ({@code web.xml}); this only decides what a page shows.
 *
 * <p>Each answer is asked of the server once per request and then kept. A list page asks on every row, and each
 * {@code isUserInRole} runs the server's authorization check, which serializes on shared locks: on Payara, 16
 * clients on {@code /students} spent most of their time waiting on them.
 */
@Named
@RequestScoped
public class Caller {

    private final Map<Role, Boolean> roles = new EnumMap<>(Role.class);

    @Inject
    private HttpServletRequest request;

    public boolean isSignedIn() {
        return request.getUserPrincipal() != null;
    }

    /** The signed-in user's username, or null. */
    public String getName() {
        Principal principal = request.getUserPrincipal();
        return principal == null ? null : principal.getName();
    }

    public boolean isViewer() {
        return holds(Role.VIEWER);
    }

    public boolean isRegistrar() {
        return holds(Role.REGISTRAR);
    }

    public boolean isAdmin() {
        return holds(Role.ADMIN);
    }

    private boolean holds(Role role) {
        return roles.computeIfAbsent(role, r -> request.isUserInRole(r.id()));
    }
}
