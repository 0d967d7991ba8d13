package org.studentregistry.web.rest.book;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studentregistry.domain.book.Book;
import org.studentregistry.domain.paging.SortOrder;
import org.studentregistry.service.RecordService;
import org.studentregistry.service.book.BookService;
import org.studentregistry.web.rest.PageHeaders;
import org.studentregistry.web.rest.RecordResource;
import org.studentregistry.web.rest.problem.Problem;

/** {@code /api/books}: list, read, create, replace and delete books. */
@Path("books")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Books")
@APIResponse(responseCode = "400", description = "Invalid parameters or body",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class BookResource extends RecordResource<Book, BookJson> {

    @Inject
    private BookService books;

    @GET
    @SecurityRequirement(name = "bearer", scopes = "viewer")
    @Operation(summary = "A page of books: all of them, all by one author, or those whose title or author starts with q")
    @APIResponse(responseCode = "200", description = "The page; the total in X-Total-Count, neighbours in Link",
            headers = {@Header(name = PageHeaders.TOTAL_COUNT, description = "Number of matching books"),
                    @Header(name = "Link", description = PageHeaders.LINKS)},
            content = @Content(schema = @Schema(implementation = BookJson[].class)))
    public Response list(
            @Parameter(description = "Page number, from 0", example = "0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (default 20)", example = "20") @QueryParam("size") String size,
            @Parameter(description = "id, title or author, then ,asc or ,desc (default id,asc)",
                    example = "title,asc") @QueryParam("sort") String sort,
            @Parameter(description = "A cursor from a next Link: the page after that row, however deep in the list")
            @QueryParam("after") String after,
            @Parameter(description = "A cursor from a prev Link: the page before that row")
            @QueryParam("before") String before,
            @Parameter(description = "Only books by this author: the exact name, ignoring case", example = "Jane Austen")
            @QueryParam("author") String author,
            @Parameter(description = "Case-insensitive prefix of the title or the author", example = "pers")
            @QueryParam("q") String q) {
        return list(books.list(q, author, pageRequest(page, size, sort, after, before, SortOrder.ascending("id"))));
    }

    @GET
    @SecurityRequirement(name = "bearer", scopes = "viewer")
    @Path("{id}")
    @Operation(summary = "One book, with its version as ETag; If-None-Match with the current ETag gives 304")
    @APIResponse(responseCode = "200", description = "The book",
            content = @Content(schema = @Schema(implementation = BookJson.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such book",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") long id) {
        return read(id);
    }

    @POST
    @SecurityRequirement(name = "bearer", scopes = "registrar")
    @Operation(summary = "Add a book")
    @RequestBody(required = true, description = "title and author; an id or version sent is ignored",
            content = @Content(schema = @Schema(implementation = BookJson.class)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new book",
            content = @Content(schema = @Schema(implementation = BookJson.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/json in UTF-8")
    public Response post(BookJson body) {
        return create(body);
    }

    @PUT
    @SecurityRequirement(name = "bearer", scopes = "registrar")
    @Path("{id}")
    @Operation(summary = "Replace a book's details",
            description = "Send the version you read in the body, or its ETag in If-Match, so that a change made"
                    + " by someone else in between is not overwritten. Without either, the change is unconditional.")
    @APIResponse(responseCode = "200", description = "Updated; the new version is in the body and the ETag",
            content = @Content(schema = @Schema(implementation = BookJson.class)))
    @APIResponse(responseCode = "404", description = "No such book")
    @APIResponse(responseCode = "409", description = "The version in the body is not the current one")
    @APIResponse(responseCode = "412", description = "The If-Match ETag is not the current one")
    public Response put(@PathParam("id") long id, BookJson body) {
        return replace(id, body);
    }

    @DELETE
    @SecurityRequirement(name = "bearer", scopes = "registrar")
    @Path("{id}")
    @Operation(summary = "Delete a book; with If-Match, only if it is still at that version")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such book")
    @APIResponse(responseCode = "412", description = "The If-Match ETag is not the current one")
    public Response remove(@PathParam("id") long id) {
        return delete(id);
    }

    @Override
    protected RecordService<Book> service() {
        return books;
    }

    @Override
    protected BookJson toJson(Book book) {
        return BookJson.of(book);
    }

    @Override
    protected Book toDetails(BookJson json) {
        return json.toDetails();
    }

    @Override
    protected String requiredBody() {
        return "A JSON object with title and author is required.";
    }
}
