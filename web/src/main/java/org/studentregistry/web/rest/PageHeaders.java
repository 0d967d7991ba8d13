package org.studentregistry.web.rest;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.studentregistry.domain.paging.Page;

import java.util.ArrayList;
import java.util.List;

/**
 * The headers of every list response: {@code X-Total-Count} and an RFC 8288 {@code Link} header to the first,
 * previous, next and last pages, each the request's own URI with only {@code page} changed.
 */
public final class PageHeaders {

    public static final String TOTAL_COUNT = "X-Total-Count";

    private PageHeaders() {
    }

    public static Response.ResponseBuilder ok(Page<?> page, Object entity, UriInfo uriInfo) {
        List<Link> links = new ArrayList<>();
        links.add(link(uriInfo, 0, "first"));
        if (page.hasPrevious()) {
            links.add(link(uriInfo, Math.min(page.number() - 1, page.lastPage()), "prev"));
        }
        if (page.hasNext()) {
            links.add(link(uriInfo, page.number() + 1, "next"));
        }
        links.add(link(uriInfo, page.lastPage(), "last"));
        return Response.ok(entity)
                .header(TOTAL_COUNT, page.totalElements())
                .links(links.toArray(Link[]::new));
    }

    private static Link link(UriInfo uriInfo, long page, String rel) {
        return Link.fromUriBuilder(uriInfo.getRequestUriBuilder().replaceQueryParam("page", page)).rel(rel).build();
    }
}
