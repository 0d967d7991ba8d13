package org.studentregistry.web.rest.student;

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
import org.studentregistry.domain.paging.SortOrder;
import org.studentregistry.domain.student.Student;
import org.studentregistry.service.RecordService;
import org.studentregistry.service.student.StudentService;
import org.studentregistry.web.rest.PageHeaders;
import org.studentregistry.web.rest.RecordResource;
import org.studentregistry.web.rest.problem.Problem;

/** {@code /api/students}: list, read, create, replace and delete students. */
@Path("students")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Students")
@APIResponse(responseCode = "400", description = "Invalid parameters or body",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class StudentResource extends RecordResource<Student, StudentJson> {

    @Inject
    private StudentService students;

    @GET
    @SecurityRequirement(name = "bearer", scopes = "viewer")
    @Operation(summary = "A page of students, optionally only those whose first or last name starts with q")
    @APIResponse(responseCode = "200", description = "The page; the total in X-Total-Count, neighbours in Link",
            headers = {@Header(name = PageHeaders.TOTAL_COUNT, description = "Number of matching students"),
                    @Header(name = "Link", description = PageHeaders.LINKS)},
            content = @Content(schema = @Schema(implementation = StudentJson[].class)))
    public Response list(
            @Parameter(description = "Page number, from 0", example = "0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (default 20)", example = "20") @QueryParam("size") String size,
            @Parameter(description = "id, firstName, lastName or subject, then ,asc or ,desc (default id,asc)",
                    example = "lastName,asc") @QueryParam("sort") String sort,
            @Parameter(description = "A cursor from a next Link: the page after that row, however deep in the list")
            @QueryParam("after") String after,
            @Parameter(description = "A cursor from a prev Link: the page before that row")
            @QueryParam("before") String before,
            @Parameter(description = "Case-insensitive prefix of the first or last name", example = "ada")
            @QueryParam("q") String q) {
        return list(students.list(q, pageRequest(page, size, sort, after, before, SortOrder.ascending("id"))));
    }

    @GET
    @SecurityRequirement(name = "bearer", scopes = "viewer")
    @Path("{id}")
    @Operation(summary = "One student, with its version as ETag; If-None-Match with the current ETag gives 304")
    @APIResponse(responseCode = "200", description = "The student",
            content = @Content(schema = @Schema(implementation = StudentJson.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such student",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") long id) {
        return read(id);
    }

    @POST
    @SecurityRequirement(name = "bearer", scopes = "registrar")
    @Operation(summary = "Register a student")
    @RequestBody(required = true, description = "firstName, lastName and subject; an id or version sent is ignored",
            content = @Content(schema = @Schema(implementation = StudentJson.class)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new student",
            content = @Content(schema = @Schema(implementation = StudentJson.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/json in UTF-8")
    public Response post(StudentJson body) {
        return create(body);
    }

    @PUT
    @SecurityRequirement(name = "bearer", scopes = "registrar")
    @Path("{id}")
    @Operation(summary = "Replace a student's details",
            description = "Send the version you read in the body, or its ETag in If-Match, so that a change made"
                    + " by someone else in between is not overwritten. Without either, the change is unconditional.")
    @APIResponse(responseCode = "200", description = "Updated; the new version is in the body and the ETag",
            content = @Content(schema = @Schema(implementation = StudentJson.class)))
    @APIResponse(responseCode = "404", description = "No such student")
    @APIResponse(responseCode = "409", description = "The version in the body is not the current one")
    @APIResponse(responseCode = "412", description = "The If-Match ETag is not the current one")
    public Response put(@PathParam("id") long id, StudentJson body) {
        return replace(id, body);
    }

    @DELETE
    @SecurityRequirement(name = "bearer", scopes = "registrar")
    @Path("{id}")
    @Operation(summary = "Delete a student; with If-Match, only if it is still at that version")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such student")
    @APIResponse(responseCode = "412", description = "The If-Match ETag is not the current one")
    public Response remove(@PathParam("id") long id) {
        return delete(id);
    }

    @Override
    protected RecordService<Student> service() {
        return students;
    }

    @Override
    protected StudentJson toJson(Student student) {
        return StudentJson.of(student);
    }

    @Override
    protected Student toDetails(StudentJson json) {
        return json.toDetails();
    }

    @Override
    protected String requiredBody() {
        return "A JSON object with firstName, lastName and subject is required.";
    }
}
