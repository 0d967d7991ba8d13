package org.studentregistry.web.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;
import org.studentregistry.web.rest.problem.Problem;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The API reads JSON as UTF-8, as RFC 8259 has it exchanged, and refuses a body that says it is in another
 * encoding ({@code Content-Type: application/json; charset=ISO-8859-1}). The JSON parser ignores the charset
 * parameter and would read such a body as UTF-8 anyway, storing other text than was sent: "Zoë" in ISO-8859-1 as
 * "Zo\uFFFD", and some spellings as other letters without a trace.
 */
@Provider
public class Utf8Bodies implements ContainerRequestFilter {

    private static final String DETAIL = "The request body must be UTF-8: send Content-Type: application/json with no"
            + " charset, or with charset=UTF-8.";

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && request.hasEntity() && !isUtf8(charset)) {
            request.abortWith(Problem.of(Status.UNSUPPORTED_MEDIA_TYPE, DETAIL).toResponse().build());
        }
    }

    private static boolean isUtf8(String charset) {
        try {
            return Charset.forName(charset.strip()).equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException unknownOrMalformedName) {
            return false;
        }
    }
}
