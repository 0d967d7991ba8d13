package org.studentregistry.web.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import java.util.Optional;

/**
 * Entity tags of single resources: the tag is the record's version, so it changes exactly when the record does.
 * Conditional requests are evaluated here, once, for every resource.
 */
public final class EntityTags {

    private EntityTags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** For a GET: a 304 response when the client's {@code If-None-Match} already names the current version. */
    public static Optional<Response> notModified(Request request, long version) {
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
        Response.ResponseBuilder failed = request.evaluatePreconditions(of(currentVersion));
        if (failed != null) {
            throw new WebApplicationException("The resource has changed: its current ETag is "
                    + of(currentVersion) + ".", failed.build());
        }
        return headers.getHeaderString(HttpHeaders.IF_MATCH) == null ? null : currentVersion;
    }
}
