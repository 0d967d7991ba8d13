package org.studentregistry.web.rest.student;

import jakarta.enterprise.context.RequestScoped;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.studentregistry.domain.student.Student;
import org.studentregistry.persistence.paging.Page;
import org.studentregistry.persistence.paging.PageRequest;
import org.studentregistry.persistence.paging.SortOrder;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.service.InvalidInputException.FieldError;
import org.studentregistry.service.student.StudentService;
import org.studentregistry.web.paging.ListParameters;
import org.studentregistry.web.rest.EntityTags;
import org.studentregistry.web.rest.PageHeaders;
import org.studentregistry.web.rest.problem.Problem;

import java.util.List;

/**
 * {@code /api/students}: list, read, create, replace and delete students. Parsing and HTTP conventions live here;
 * every rule about students lives in {@link StudentService}.
 */
@Path("students")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Students")
@APIResponse(responseCode = "400", description = "Invalid parameters or body",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class StudentResource {

    private static final SortOrder DEFAULT_SORT = SortOrder.ascending("id");

    @Inject
    private StudentService students;

    @Context
    private UriInfo uriInfo;

    @Context
    private Request request;

    @Context
    private HttpHeaders headers;

    @GET
    @Operation(summary = "A page of students, optionally only those whose first or last name starts with q")
    @APIResponse(responseCode = "200", description = "The page; the total in X-Total-Count, neighbours in Link",
            headers = {@Header(name = PageHeaders.TOTAL_COUNT, description = "Number of matching students"),
                    @Header(name = "Link", description = "RFC 8288 links: first, prev, next, last")},
            content = @Content(schema = @Schema(implementation = StudentJson[].class)))
    public Response list(
            @Parameter(description = "Page number, from 0", example = "0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (default 20)", example = "20") @QueryParam("size") String size,
            @Parameter(description = "id, firstName, lastName or subject, then ,asc or ,desc (default id,asc)",
                    example = "lastName,asc") @QueryParam("sort") String sort,
            @Parameter(description = "Case-insensitive prefix of the first or last name", example = "ada")
            @QueryParam("q") String q) {
        PageRequest pageRequest = ListParameters.toPageRequest(page, size, sort,
                students.sortableProperties(), DEFAULT_SORT);
        Page<StudentJson> result = students.list(q, pageRequest).map(StudentJson::of);
        return PageHeaders.ok(result, result.content(), uriInfo).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One student, with its version as ETag; If-None-Match with the current ETag gives 304")
    @APIResponse(responseCode = "200", description = "The student",
            content = @Content(schema = @Schema(implementation = StudentJson.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such student",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") long id) {
        Student student = students.get(id);
        return EntityTags.notModified(request, student.getVersion())
                .orElseGet(() -> Response.ok(StudentJson.of(student)).tag(EntityTags.of(student.getVersion())).build());
    }

    @POST
    @Operation(summary = "Register a student")
    @RequestBody(required = true, description = "firstName, lastName and subject; an id or version sent is ignored",
            content = @Content(schema = @Schema(implementation = StudentJson.class)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new student",
            content = @Content(schema = @Schema(implementation = StudentJson.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/json")
    public Response create(StudentJson body) {
        Student created = students.create(required(body).toDetails());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(created.getId())).build())
                .entity(StudentJson.of(created))
                .tag(EntityTags.of(created.getVersion()))
                .build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a student's details",
            description = "Send the version you read in the body, or its ETag in If-Match, so that a change made"
                    + " by someone else in between is not overwritten. Without either, the change is unconditional.")
    @APIResponse(responseCode = "200", description = "Updated; the new version is in the body and the ETag",
            content = @Content(schema = @Schema(implementation = StudentJson.class)))
    @APIResponse(responseCode = "404", description = "No such student")
    @APIResponse(responseCode = "409", description = "The version in the body is not the current one")
    @APIResponse(responseCode = "412", description = "The If-Match ETag is not the current one")
    public Response update(@PathParam("id") long id, StudentJson body) {
        StudentJson details = required(body);
        Student current = students.get(id);
        Long ifMatchVersion = EntityTags.requireMatch(request, headers, current.getVersion());
        Long expectedVersion = details.version() != null ? details.version() : ifMatchVersion;
        Student updated = students.update(id, expectedVersion, details.toDetails());
        return Response.ok(StudentJson.of(updated)).tag(EntityTags.of(updated.getVersion())).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a student; with If-Match, only if it is still at that version")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such student")
    @APIResponse(responseCode = "412", description = "The If-Match ETag is not the current one")
    public Response delete(@PathParam("id") long id) {
        Student current = students.get(id);
        students.delete(id, EntityTags.requireMatch(request, headers, current.getVersion()));
        return Response.noContent().build();
    }

    private static StudentJson required(StudentJson body) {
        if (body == null) {
            throw new InvalidInputException(List.of(new FieldError("body", "A JSON object with firstName, lastName"
                    + " and subject is required.")));
        }
        return body;
    }
}
