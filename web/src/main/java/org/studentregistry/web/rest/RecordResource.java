package org.studentregistry.web.rest;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.studentregistry.domain.paging.Page;
import org.studentregistry.domain.paging.PageRequest;
import org.studentregistry.domain.paging.SortOrder;
import org.studentregistry.domain.shared.VersionedEntity;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.service.InvalidInputException.FieldError;
import org.studentregistry.service.RecordService;
import org.studentregistry.web.paging.ListParameters;

import java.util.List;

/**
 * The HTTP conventions every resource of the API follows, written once: pages with {@code X-Total-Count} and
 * {@code Link}, the version as ETag with conditional GET, PUT and DELETE, 201 with {@code Location}. A concrete
 * resource declares its endpoints (and documents them) and maps between its entity and its JSON.
 *
 * @param <T> the entity
 * @param <J> its JSON form
 */
public abstract class RecordResource<T extends VersionedEntity, J extends RecordJson> {

    // Resources are application-scoped and these are proxies to the current request's: building and injecting a
    // request-scoped resource for every request was a quarter of the server's time on a GET by id.
    @Context
    protected UriInfo uriInfo;

    @Context
    private Request request;

    @Context
    private HttpHeaders headers;

    protected abstract RecordService<T> service();

    protected abstract J toJson(T record);

    /** The details a client sent, as an entity; never carries an id or version. */
    protected abstract T toDetails(J json);

    /** Stores the new record a client sent; a resource whose records need more than their details overrides it. */
    protected T insert(J body) {
        return service().create(toDetails(body));
    }

    /**
     * The details that replace those of the current record. By default all of them come from the body; a resource
     * may keep current values for fields a client left out.
     */
    protected T toReplacement(J body, T current) {
        return toDetails(body);
    }

    /** What to say when a body is missing: which fields a client should send. */
    protected abstract String requiredBody();

    protected PageRequest pageRequest(String page, String size, String sort, String after, String before,
                                      SortOrder defaultSort) {
        return ListParameters.toPageRequest(page, size, sort, after, before, service().sortableProperties(),
                defaultSort);
    }

    protected Response list(Page<T> page) {
        Page<J> json = page.map(this::toJson);
        return PageHeaders.ok(json, json.content(), uriInfo).build();
    }

    protected Response read(long id) {
        T record = service().get(id);
        return EntityTags.notModified(request, headers, record.getVersion())
                .orElseGet(() -> Response.ok(toJson(record)).tag(EntityTags.of(record.getVersion())).build());
    }

    protected Response create(J body) {
        J details = required(body);
        T created = insert(details);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(created.getId())).build())
                .entity(toJson(created))
                .tag(EntityTags.of(created.getVersion()))
                .build();
    }

    /** Replaces a record's details, from the version in the body or in If-Match, or unconditionally. */
    protected Response replace(long id, J body) {
        J details = required(body);
        T current = service().get(id);
        Long ifMatchVersion = EntityTags.requireMatch(request, headers, current.getVersion());
        Long expectedVersion = details.version() != null ? details.version() : ifMatchVersion;
        T updated = service().update(id, expectedVersion, toReplacement(details, current));
        return Response.ok(toJson(updated)).tag(EntityTags.of(updated.getVersion())).build();
    }

    protected Response delete(long id) {
        T current = service().get(id);
        Long expectedVersion = EntityTags.requireMatch(request, headers, current.getVersion());
        service().delete(id, expectedVersion);
        return Response.noContent().build();
    }

    private J required(J body) {
        if (body == null) {
            throw new InvalidInputException(List.of(new FieldError("body", requiredBody())));
        }
        return body;
    }
}
