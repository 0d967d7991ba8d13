package org.studentregistry.web.rest.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;

/**
 * Problem details for the errors under {@code /api} that no exception mapper sees: those the JAX-RS runtime
 * answers with a bare status before the resource is chosen (a malformed {@code Accept} or {@code Content-Type}
 * header, say) and hands to the servlet container as {@code sendError}, and any failure that escapes the runtime.
 * Without this the server would answer them with its own HTML error page.
 */
@WebFilter(urlPatterns = "/api/*")
public class ApiProblemFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, new ProblemErrors(response));
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            HttpExceptionMappers.Unexpected.writeTo(e, response);
        }
    }

    /** A response whose {@code sendError} writes a problem instead of handing the error to the container. */
    private static final class ProblemErrors extends HttpServletResponseWrapper {

        ProblemErrors(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (isCommitted()) {
                super.sendError(status, message);
                return;
            }
            Problem.ofStatus(status).writeTo((HttpServletResponse) getResponse());
        }
    }
}
