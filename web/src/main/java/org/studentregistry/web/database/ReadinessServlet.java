package org.studentregistry.web.database;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@code /health/ready} on servers without MicroProfile Health, in the same JSON as MicroProfile Health writes:
 * 200 and {@code "status":"UP"} when ready, 503 and {@code "DOWN"} when not. Where the server has MicroProfile
 * Health, its own endpoint serves that address from the same {@link DatabaseReadiness}.
 */
@WebServlet(urlPatterns = "/health/ready")
public class ReadinessServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient DatabaseReadiness readiness;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DatabaseReadiness.Status status = readiness.check();
        String state = status.up() ? "UP" : "DOWN";
        JsonObjectBuilder data = Json.createObjectBuilder();
        status.data().forEach(data::add);
        String body = Json.createObjectBuilder()
                .add("status", state)
                .add("checks", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("name", "database").add("status", state).add("data", data)))
                .build().toString();
        response.setStatus(status.up() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body);
    }
}
