package org.studentregistry.web.rest;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.studentregistry.domain.paging.Cursor;
import org.studentregistry.domain.paging.Page;

import java.util.ArrayList;
import java.util.List;

/**
 * The headers of every list response: {@code X-Total-Count} and an RFC 8288 {@code Link} header to the first,
 * previous, next and last pages, each the request's own URI with only the paging parameters changed. The first and
 * last pages are found by number; the previous and next, where the list has cursors, by {@code before} and
 * {@code after}, so that following them costs only the page's rows and never skips or repeats one.
 */
public final class PageHeaders {

    public static final String TOTAL_COUNT = "X-Total-Count";

    /** What the {@code Link} header holds, for the API's description. */
    public static final String LINKS = "RFC 8288 links: first and last by page number, prev and next by cursor";

    private PageHeaders() {
    }

    public static Response.ResponseBuilder ok(Page<?> page, Object entity, UriInfo uriInfo) {
        List<Link> links = new ArrayList<>();
        links.add(link(uriInfo, 0, null, "first"));
        if (page.hasPrevious()) {
            links.add(link(uriInfo, Math.min(page.number() - 1, page.lastPage()), page.previous(), "prev"));
        }
        if (page.hasNext()) {
            links.add(link(uriInfo, page.number() + 1, page.next(), "next"));
        }
        links.add(link(uriInfo, page.lastPage(), null, "last"));
        return Response.ok(entity)
                .header(TOTAL_COUNT, page.totalElements())
                .links(links.toArray(Link[]::new));
    }

    private static Link link(UriInfo uriInfo, long page, Cursor cursor, String rel) {
        UriBuilder uri = uriInfo.getRequestUriBuilder()
                .replaceQueryParam("page", page)
                .replaceQueryParam("after")
                .replaceQueryParam("before");
        if (cursor != null) {
            uri.replaceQueryParam(cursor.side() == Cursor.Side.AFTER ? "after" : "before", cursor.token());
        }
        return Link.fromUriBuilder(uri).rel(rel).build();
    }
}
