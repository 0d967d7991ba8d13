package org.studentregistry.web.rest.problem;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.studentregistry.service.InvalidInputException.FieldError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * An RFC 9457 problem detail, with the field errors of invalid input as the extension member {@code errors}.
 * Members that do not apply are left out.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType MEDIA = new MediaType("application", "problem+json");

    static final String TYPE_PREFIX = "urn:student-registry:problem:";
    private static final Jsonb JSON = JsonbBuilder.create();

    /** A problem that says no more than its status does. */
    public static Problem of(Response.StatusType status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null, null);
    }

    /**
     * A problem for a bare status that the JAX-RS runtime or the server chose (no route, wrong method or media
     * type, a malformed header), with a sentence that tells a client what to change.
     */
    public static Problem ofStatus(int status) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "Error" : type.getReasonPhrase();
        String detail = switch (status) {
            case 400 -> "The request is malformed: check its headers, parameters and body.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "This resource can only answer with application/json.";
            case 413 -> "The request body is too large.";
            case 414 -> "The address is too long.";
            case 415 -> "The request body must be application/json.";
            default -> title + ".";
        };
        return new Problem("about:blank", title, status, detail, null, null);
    }

    public static Problem typed(String type, String title, Response.StatusType status, String detail) {
        return new Problem(TYPE_PREFIX + type, title, status.getStatusCode(), detail, null, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors);
    }

    public Response.ResponseBuilder toResponse() {
        return Response.status(status).type(MEDIA).entity(this);
    }

    /**
     * Writes this problem as the whole response, where no JAX-RS runtime is there to do it: before a request
     * reaches it (authentication) or after it gave up (errors the container would answer with its HTML page).
     */
    public void writeTo(HttpServletResponse response) throws IOException {
        byte[] body = JSON.toJson(this).getBytes(StandardCharsets.UTF_8);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
