package org.studentregistry.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.studentregistry.domain.user.User;
import org.studentregistry.service.Logged;
import org.studentregistry.service.user.SignInAttempts;
import org.studentregistry.service.user.UserService;
import org.studentregistry.web.database.DatabaseOutage;
import org.studentregistry.web.rest.problem.HttpExceptionMappers;
import org.studentregistry.web.rest.problem.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The WAR's one authentication mechanism (Jakarta Security allows one), which the server calls before every
 * request; the security constraints of {@code web.xml} then decide what the caller may reach.
 *
 * <ul>
 *   <li>Under {@code /api}: a bearer token ({@code Authorization: Bearer ...}) on every request, checked by
 *       {@link ApiTokenIdentityStore}; no session is made. Without a valid one a protected address answers 401 with
 *       {@code WWW-Authenticate: Bearer} as problem details.</li>
 *   <li>Pages: the sign-in page hands a username and password over ({@code SecurityContext.authenticate}). On
 *       success the session id changes (no fixation) and the session remembers only who signed in
 *       ({@link SignedIn}); each protected page looks the account up again, so a disabled account, a changed role
 *       or a sign-out on another node counts at once. Failures are slowed, then locked out
 *       ({@link SignInAttempts}). A protected page without a signed-in user redirects to
 *       sign-in, which returns to it afterwards.</li>
 * </ul>
 */
@ApplicationScoped
public class RegistryAuthentication implements HttpAuthenticationMechanism {

    static final String SIGNED_IN = RegistryAuthentication.class.getName() + ".signedIn";
    private static final String BEARER = "Bearer ";
    private static final Logger LOG = Logger.getLogger(RegistryAuthentication.class.getName());

    @Inject
    private IdentityStoreHandler identityStores;

    @Inject
    private SignInAttempts attempts;

    @Inject
    private UserService users;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        SecurityHeaders.apply(request, response);
        try {
            return authenticate(request, response, context);
        } catch (RuntimeException e) {
            if (isApi(request)) {
                // Every answer under /api is problem details, also when the caller could not be checked: a 503 while
                // the database is away, else a 500 with an incident (the server's own would be an HTML page).
                return failed(response, e);
            }
            if (!DatabaseOutage.isCause(e)) {
                throw e;
            }
            // The caller cannot be checked while the database is away: a 503 to retry, not the server's bare 500.
            return unavailable(response, e);
        }
    }

    private AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                                              HttpMessageContext context) {
        if (isApi(request)) {
            return api(request, response, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && credential instanceof UsernamePasswordCredential password) {
            return signIn(request, context, password);
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        HttpSession session = request.getSession(false);
        SignedIn signedIn = session == null ? null : (SignedIn) session.getAttribute(SIGNED_IN);
        if (signedIn != null) {
            CredentialValidationResult account = identityStores.validate(signedIn);
            if (account.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(account);
            }
            LOG.info(() -> "Session of " + Logged.text(signedIn.username())
                    + " ended: signed out elsewhere, or the account is disabled or gone");
            session.invalidate();
        }
        return context.redirect(signInAddress(request));
    }

    private AuthenticationStatus api(HttpServletRequest request, HttpServletResponse response,
                                     HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            CredentialValidationResult caller = identityStores.validate(
                    new BearerTokenCredential(authorization.substring(BEARER.length()).strip()));
            if (caller.getStatus() == CredentialValidationResult.Status.VALID) {
                return context.notifyContainerAboutLogin(caller);
            }
            return unauthorized(response, "Bearer error=\"invalid_token\"",
                    "The bearer token is unknown, expired or revoked.");
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        return unauthorized(response, "Bearer", authorization == null
                ? "This address needs a bearer token: send Authorization: Bearer <token>, as issued by an admin."
                : "Only bearer tokens are accepted here: send Authorization: Bearer <token>.");
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context,
                                        UsernamePasswordCredential password) {
        String username = password.getCaller();
        String address = ClientAddress.of(request);
        CredentialValidationResult account = attempts.isLocked(username, address)
                ? CredentialValidationResult.INVALID_RESULT
                : identityStores.validate(password);
        if (account.getStatus() != CredentialValidationResult.Status.VALID) {
            Duration delay = attempts.failed(username, address);
            LOG.warning(() -> "Sign-in failed for " + Logged.text(username) + " from " + address);
            pause(delay);
            return AuthenticationStatus.SEND_FAILURE;
        }
        attempts.succeeded(username);
        HttpSession session = request.getSession(false);
        if (session != null) {
            request.changeSessionId();
        }
        String caller = account.getCallerPrincipal().getName();
        int signOuts = users.findEnabled(caller).map(User::getSignOuts).orElse(0);
        request.getSession().setAttribute(SIGNED_IN, new SignedIn(caller, signOuts));
        LOG.info(() -> "Signed in: " + caller + " " + account.getCallerGroups() + " from " + address);
        return context.notifyContainerAboutLogin(account);
    }

    /* The page asked for, to return to after signing in; a session that timed out says so on the sign-in page. */
    private static String signInAddress(HttpServletRequest request) {
        String asked = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getQueryString() != null && "GET".equals(request.getMethod())) {
            asked += "?" + request.getQueryString();
        }
        boolean ended = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
        return request.getContextPath() + "/sign-in?next=" + URLEncoder.encode(asked, StandardCharsets.UTF_8)
                + (ended ? "&ended=true" : "");
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, String challenge, String detail) {
        response.setHeader("WWW-Authenticate", challenge);
        try {
            Problem.of(jakarta.ws.rs.core.Response.Status.UNAUTHORIZED, detail).writeTo(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static AuthenticationStatus failed(HttpServletResponse response, RuntimeException cause) {
        try {
            HttpExceptionMappers.Unexpected.writeTo(cause, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static AuthenticationStatus unavailable(HttpServletResponse response, RuntimeException cause) {
        try {
            LOG.warning(() -> "A page answered 503: the database cannot be reached (" + cause + ")");
            response.setHeader("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/") || path.equals("/api");
    }
}
