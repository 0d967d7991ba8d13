package org.studentregistry.web.rest.book;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studentregistry.domain.book.AuthorSummary;
import org.studentregistry.domain.paging.Page;
import org.studentregistry.domain.paging.PageRequest;
import org.studentregistry.domain.paging.SortOrder;
import org.studentregistry.service.book.BookService;
import org.studentregistry.web.paging.ListParameters;
import org.studentregistry.web.rest.PageHeaders;
import org.studentregistry.web.rest.problem.Problem;

import java.util.Set;

/** {@code /api/authors}: the authors the books name, by name, each with the number of their books. */
@Path("authors")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Books")
public class AuthorResource {

    private static final SortOrder BY_NAME = SortOrder.ascending("author");

    @Inject
    private BookService books;

    @Context
    private UriInfo uriInfo;

    @GET
    @SecurityRequirement(name = "bearer", scopes = "viewer")
    @Operation(summary = "A page of the distinct authors (ignoring case), sorted by name, with their book counts")
    @APIResponse(responseCode = "200", description = "The page; the total in X-Total-Count, neighbours in Link",
            headers = {@Header(name = PageHeaders.TOTAL_COUNT, description = "Number of matching authors"),
                    @Header(name = "Link", description = "RFC 8288 links: first, prev, next, last")},
            content = @Content(schema = @Schema(implementation = AuthorSummary[].class)))
    @APIResponse(responseCode = "400", description = "Invalid parameters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response list(
            @Parameter(description = "Page number, from 0", example = "0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (default 20)", example = "20") @QueryParam("size") String size,
            @Parameter(description = "Case-insensitive prefix of the author's name", example = "jane")
            @QueryParam("q") String q) {
        PageRequest request = ListParameters.toPageRequest(page, size, null, Set.of(), BY_NAME);
        Page<AuthorSummary> authors = books.authors(q, request.page(), request.size());
        return PageHeaders.ok(authors, authors.content(), uriInfo).build();
    }
}
