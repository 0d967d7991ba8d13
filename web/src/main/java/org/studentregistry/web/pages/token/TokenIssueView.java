package org.studentregistry.web.pages.token;

import jakarta.enterprise.inject.Instance;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.validation.Validator;
import org.studentregistry.domain.user.Role;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.service.token.ApiTokenService;
import org.studentregistry.service.token.IssuedToken;
import org.studentregistry.web.pages.Pages;
import org.studentregistry.web.token.NewToken;

import java.io.Serializable;
import java.time.Instant;

/**
 * {@code /tokens/new}: an admin names a token, picks its role and how many days it lasts, and issues it. The answer
 * to that post shows the secret, once: no redirect, since the secret must not travel in an address or a flash
 * cookie. The secret lives in that one request only (never in this view, which the session keeps), so nothing shows
 * it again. A view issues one token at most: posting it again (a browser's reload of the answer resends the form)
 * issues nothing and lands on an empty form, as opening the page again does.
 */
@Named
@ViewScoped
public class TokenIssueView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String SECRET = TokenIssueView.class.getName() + ".secret";
    private static final String FORM = "token";

    @Inject
    private ApiTokenService tokens;

    /*
     * Taken when needed, not held: this view lives in the session, which is stored and replicated to the other nodes
     * of a cluster, and neither bean comes back from that. The server's SecurityContext is a dependent bean that
     * does not serialize; the Validator's proxy serializes, but cannot be made again when read back (its class has
     * final methods), which loses the whole session.
     */
    @Inject
    private Instance<SecurityContext> securityContext;

    @Inject
    private Instance<Validator> validator;

    private String name;
    private String role = Role.VIEWER.id();
    private String days = String.valueOf(NewToken.DEFAULT_DAYS);
    private Issued issued;

    /** What the page shows of a token it issued: no secret, which only the request that issued it holds. */
    public record Issued(long id, String name, String role, Instant expiresAt) implements Serializable {
    }

    public void issue() {
        if (issued != null) {
            return;
        }
        try {
            IssuedToken token = tokens.issue(
                    NewToken.named(name).role("role", role).expiresInDays("days", days, Instant.now())
                            .details(validator.get()),
                    securityContext.get().getCallerPrincipal().getName());
            issued = new Issued(token.token().getId(), token.token().getName(), token.token().getRole().id(),
                    token.token().getExpiresAt());
            FacesContext.getCurrentInstance().getExternalContext().getRequestMap().put(SECRET, token.secret());
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Pages.error(clientId(error.field()), error.message()));
        }
    }

    /**
     * On every post: when this view has issued its token and the post is not the one that did (the browser resent
     * it), an empty form, with a note, instead of the answer without its secret.
     */
    public void startAgainIfIssued() {
        if (issued != null && getSecret() == null) {
            Pages.redirect("/tokens/new", "The token " + issued.name() + " was issued already. Its secret was shown"
                    + " once and is not shown again: if it was not copied, revoke the token and issue another.");
        }
    }

    /** The page's field for a field of the service's rules: the expiry is chosen as a number of days here. */
    static String clientId(String field) {
        return switch (field) {
            case "name", "role", "days" -> FORM + ":" + field;
            case "expiresAt" -> FORM + ":days";
            default -> null;
        };
    }

    /** The token this view issued, or null before. */
    public Issued getIssued() {
        return issued;
    }

    /** The secret of the token just issued, in the response to the post that issued it; null otherwise. */
    public String getSecret() {
        return (String) FacesContext.getCurrentInstance().getExternalContext().getRequestMap().get(SECRET);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getDays() {
        return days;
    }

    public void setDays(String days) {
        this.days = days;
    }

    public long getMostDays() {
        return NewToken.MOST_DAYS;
    }
}
