package org.studentregistry.web.testing;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

/**
 * Added to the WAR under test only ({@link DeployedApplicationTest}): answers the caller's session's size, in bytes
 * of Java serialization of its attributes, which is what a server that replicates sessions reads and writes; with
 * {@code ?holds=TEXT}, whether those bytes hold that (ASCII) text.
 */
@WebServlet("/testing/session-size")
public class SessionSizeServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (session == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            for (String name : Collections.list(session.getAttributeNames())) {
                out.writeObject(name);
                out.writeObject(session.getAttribute(name));
            }
        }
        response.setContentType("text/plain");
        String text = request.getParameter("holds");
        response.getWriter().print(text == null ? String.valueOf(bytes.size())
                : String.valueOf(bytes.toString(StandardCharsets.ISO_8859_1).contains(text)));
    }
}
