package org.studentregistry.web.security;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import org.studentregistry.web.rest.problem.Problem;

import java.io.IOException;

/**
 * The error page for 403, which the server answers itself when a signed-in user or a token's role may not reach an
 * address: problem details under {@code /api}, the application's page elsewhere.
 */
@WebServlet(urlPatterns = "/errors/forbidden")
public class ForbiddenServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Object asked = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String api = request.getContextPath() + "/api";
        if (asked instanceof String uri && (uri.equals(api) || uri.startsWith(api + "/"))) {
            Problem.of(Response.Status.FORBIDDEN, "The role of this token may not do this here.").writeTo(response);
            return;
        }
        request.getRequestDispatcher("/errors/forbidden.xhtml").forward(request, response);
    }
}
