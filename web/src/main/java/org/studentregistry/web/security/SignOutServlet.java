package org.studentregistry.web.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * {@code POST /sign-out}, from the button on every page: ends the session and returns to the sign-in page. Only a
 * POST from the application's own pages is taken (a browser names the page's origin), so another site cannot sign
 * a user out.
 */
@WebServlet(urlPatterns = "/sign-out")
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(SignOutServlet.class.getName());

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (!SameOrigin.isSameOrigin(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            Object username = session.getAttribute(RegistryAuthentication.SIGNED_IN);
            session.invalidate();
            if (username != null) {
                LOG.info(() -> "Signed out: " + username);
            }
        }
        request.logout();
        response.sendRedirect(request.getContextPath() + "/sign-in?signedOut=true");
    }
}
