package org.studentregistry.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.studentregistry.service.Logged;
import org.studentregistry.service.WriteConflictException;
import org.studentregistry.service.user.UserService;
import org.studentregistry.web.database.DatabaseOutage;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * {@code POST /sign-out}, from the button on every page: ends the account's sessions, on every node, and returns to
 * the sign-in page. Only a
 * POST from the application's own pages is taken (a browser names the page's origin), so another site cannot sign
 * a user out.
 */
@WebServlet(urlPatterns = "/sign-out")
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SignOutServlet.class.getName());

    @Inject
    private transient UserService users;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (!SameOrigin.isSameOrigin(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            SignedIn signedIn = (SignedIn) session.getAttribute(RegistryAuthentication.SIGNED_IN);
            session.invalidate();
            if (signedIn != null) {
                signOutEverywhere(signedIn.username());
            }
        }
        request.logout();
        response.sendRedirect(request.getContextPath() + "/sign-in?signedOut=true");
    }

    /*
     * Other nodes may keep a copy of the session they served earlier, and do not learn of its end: the count of
     * sign-outs in the database ends it there too. Without the database this session is still over here.
     */
    private void signOutEverywhere(String username) {
        try {
            users.signOut(username);
        } catch (WriteConflictException e) {
            LOG.warning(() -> "Signed out " + Logged.text(username) + " here only: the count of sign-outs stayed"
                    + " locked by other writers (" + e.getCause() + "); other nodes end the session when it is idle");
        } catch (RuntimeException e) {
            if (!DatabaseOutage.isCause(e)) {
                throw e;
            }
            LOG.warning(() -> "Signed out " + Logged.text(username) + " here only: the database cannot be reached ("
                    + e + "); other nodes end the session when it is idle");
        }
    }
}
