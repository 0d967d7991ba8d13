package org.studentregistry.web.pages.account;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.studentregistry.service.user.SignInAttempts;
import org.studentregistry.web.pages.Pages;
import org.studentregistry.web.security.ClientAddress;
import org.studentregistry.web.security.IdleSessions;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code /sign-in}: a username and password, handed to the authentication mechanism. After signing in, the user
 * lands on the page they asked for, if it is a path of this application; anything else (another site,
 * {@code //host}, a scheme) lands on the home page, so the page cannot be used to send people elsewhere.
 */
@Named
@ViewScoped
public class SignInView implements Serializable {

    private static final long serialVersionUID = 1L;
    /* A path of this application: one slash, then not a slash or backslash (which browsers read as another host). */
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[^\\p{Cntrl}]*");

    /*
     * Taken when needed, not held: the server's SecurityContext is a dependent bean that does not serialize, and
     * this view lives in the session, which is replicated to the other nodes of a cluster.
     */
    @Inject
    private Instance<SecurityContext> securityContext;

    @Inject
    private SignInAttempts attempts;

    private String username;
    private String password;
    private String next;

    public void signIn() {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = securityContext.get().authenticate(request,
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username == null ? "" : username,
                                new Password(password == null ? "" : password)))
                        .newAuthentication(true));
        password = null;
        switch (status) {
            case SUCCESS -> Pages.redirect(landing(next), null);
            case SEND_CONTINUE -> faces.responseComplete();
            default -> Pages.error(null, attempts.isLocked(username, ClientAddress.of(request))
                    ? "Too many failed sign-ins. Wait a few minutes, then try again."
                    : "Wrong username or password.");
        }
    }

    /** Where to go after signing in: the path asked for if it is this application's, else the home page. */
    static String landing(String next) {
        if (next == null || !LOCAL_PATH.matcher(next).matches() || next.startsWith("/sign-in")
                || hasDotSegment(next)) {
            return "/";
        }
        return next;
    }

    /*
     * "." or ".." as a segment of the path, also spelled "%2e" as browsers read it: "/./..//x" climbs above the
     * application, and the server answered the sign-in that would redirect there with a 404.
     */
    private static boolean hasDotSegment(String next) {
        String path = next.split("[?#]", 2)[0];
        return Arrays.stream(path.split("/", -1))
                .map(segment -> segment.toLowerCase(Locale.ROOT).replace("%2e", "."))
                .anyMatch(segment -> segment.equals(".") || segment.equals(".."));
    }

    public long getIdleMinutes() {
        return IdleSessions.minutes();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
