package org.studentregistry.web.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.studentregistry.web.rest.problem.Problem;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Entity tags of single resources: the tag is the record's version, so it changes exactly when the record does.
 * Conditional requests are evaluated here, once, for every resource.
 */
public final class EntityTags {

    /**
     * {@code If-Match} and {@code If-None-Match} as RFC 9110 writes them: {@code *}, or a comma-separated list of
     * quoted (optionally weak) entity tags. Checked before the runtime parses them, which would fail with a 500.
     */
    private static final Pattern CONDITION = Pattern.compile(
            "\\s*(\\*|(W/)?\"[\\x21\\x23-\\x7E\\x80-\\xFF]*\"(\\s*,\\s*(W/)?\"[\\x21\\x23-\\x7E\\x80-\\xFF]*\")*)\\s*");

    private EntityTags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** For a GET: a 304 response when the client's {@code If-None-Match} already names the current version. */
    public static Optional<Response> notModified(Request request, HttpHeaders headers, long version) {
        requireWellFormed(headers);
        EntityTag tag = of(version);
        return Optional.ofNullable(request.evaluatePreconditions(tag)).map(r -> r.tag(tag).build());
    }

    /**
     * For a change: refuses with 412 when {@code If-Match} names another version than the current one.
     *
     * @return the version the change must be made from: the current one when the client sent {@code If-Match},
     *         otherwise {@code null} (no precondition)
     */
    public static Long requireMatch(Request request, HttpHeaders headers, long currentVersion) {
        requireWellFormed(headers);
        Response.ResponseBuilder failed = request.evaluatePreconditions(of(currentVersion));
        if (failed != null) {
            throw new WebApplicationException("The resource has changed: its current ETag is "
                    + of(currentVersion) + ".", failed.build());
        }
        return headers.getHeaderString(HttpHeaders.IF_MATCH) == null ? null : currentVersion;
    }

    private static void requireWellFormed(HttpHeaders headers) {
        for (String name : new String[]{HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH}) {
            String value = headers.getHeaderString(name);
            if (value != null && !CONDITION.matcher(value).matches()) {
                throw new WebApplicationException(Problem.of(Response.Status.BAD_REQUEST, name
                        + " must be * or a list of quoted entity tags, such as \"3\" (the ETag of the record you"
                        + " read).").toResponse().build());
            }
        }
    }
}
