package org.studentregistry.web.rest.user;

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
import org.studentregistry.domain.user.User;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.service.InvalidInputException.FieldError;
import org.studentregistry.service.RecordService;
import org.studentregistry.service.user.UserService;
import org.studentregistry.web.rest.PageHeaders;
import org.studentregistry.web.rest.RecordResource;
import org.studentregistry.web.rest.problem.Problem;

import java.util.List;

/**
 * {@code /api/users}: list, read, create, replace and delete users, who are also the accounts, and set a user's
 * password. A password goes in (on create, or on its own endpoint) and never comes out; its hash stays on the server.
 */
@Path("users")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
@APIResponse(responseCode = "400", description = "Invalid parameters or body",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class UserResource extends RecordResource<User, UserJson> {

    @Inject
    private UserService users;

    @GET
    @SecurityRequirement(name = "bearer", scopes = "admin")
    @Operation(summary = "A page of users, optionally only those whose username or email starts with q")
    @APIResponse(responseCode = "200", description = "The page; the total in X-Total-Count, neighbours in Link",
            headers = {@Header(name = PageHeaders.TOTAL_COUNT, description = "Number of matching users"),
                    @Header(name = "Link", description = PageHeaders.LINKS)},
            content = @Content(schema = @Schema(implementation = UserJson[].class)))
    public Response list(
            @Parameter(description = "Page number, from 0", example = "0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (default 20)", example = "20") @QueryParam("size") String size,
            @Parameter(description = "id, username or email, then ,asc or ,desc (default id,asc)",
                    example = "username,asc") @QueryParam("sort") String sort,
            @Parameter(description = "A cursor from a next Link: the page after that row, however deep in the list")
            @QueryParam("after") String after,
            @Parameter(description = "A cursor from a prev Link: the page before that row")
            @QueryParam("before") String before,
            @Parameter(description = "Case-insensitive prefix of the username or email", example = "ada")
            @QueryParam("q") String q) {
        return list(users.list(q, pageRequest(page, size, sort, after, before, SortOrder.ascending("id"))));
    }

    @GET
    @SecurityRequirement(name = "bearer", scopes = "admin")
    @Path("{id}")
    @Operation(summary = "One user, with its version as ETag; If-None-Match with the current ETag gives 304")
    @APIResponse(responseCode = "200", description = "The user",
            content = @Content(schema = @Schema(implementation = UserJson.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") long id) {
        return read(id);
    }

    @POST
    @SecurityRequirement(name = "bearer", scopes = "admin")
    @Operation(summary = "Register a user",
            description = "roles default to none and enabled to true. With a password, the user can sign in with it;"
                    + " without, not until an admin sets one (PUT /api/users/{id}/password). The answer never"
                    + " carries the password.")
    @RequestBody(required = true, description = "username and email; optionally roles, enabled and password. An id"
            + " or version sent is ignored",
            content = @Content(schema = @Schema(implementation = UserJson.class)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new user",
            content = @Content(schema = @Schema(implementation = UserJson.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in errors: an unknown role (roles),"
            + " a password that breaks the rules (password: 10 to 128 characters, one line)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The username or email is taken; the problem names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/json in UTF-8")
    public Response post(UserJson body) {
        return create(body);
    }

    @PUT
    @SecurityRequirement(name = "bearer", scopes = "admin")
    @Path("{id}")
    @Operation(summary = "Replace a user's details",
            description = "Send the version you read in the body, or its ETag in If-Match, so that a change made"
                    + " by someone else in between is not overwritten. Without either, the change is unconditional."
                    + " roles or enabled left out of the body keep their current values. A password is not accepted"
                    + " here (400): set it with PUT /api/users/{id}/password. The change that would leave no enabled"
                    + " admin is refused (400 on the field roles).")
    @APIResponse(responseCode = "200", description = "Updated; the new version is in the body and the ETag",
            content = @Content(schema = @Schema(implementation = UserJson.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in errors: an unknown role, a"
            + " password in the body, or the last enabled admin losing that role or being disabled (roles)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "409", description = "The version in the body is not the current one, or the username or email is taken")
    @APIResponse(responseCode = "412", description = "The If-Match ETag is not the current one")
    public Response put(@PathParam("id") long id, UserJson body) {
        if (body != null && body.password() != null) {
            throw new InvalidInputException(List.of(new FieldError("password",
                    "A password cannot be set here: use PUT /api/users/" + id + "/password.")));
        }
        return replace(id, body);
    }

    @PUT
    @SecurityRequirement(name = "bearer", scopes = "admin")
    @Path("{id}/password")
    @Operation(summary = "Set a user's password (an admin's reset)",
            description = "Replaces the password, or gives the first one to a user who had none; the user's other"
                    + " details stay. The password is never sent back.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PasswordJson.class)))
    @APIResponse(responseCode = "204", description = "Set")
    @APIResponse(responseCode = "400", description = "The password is missing or breaks the rules (field password)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such user",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The user was changed by someone else at the same moment; send"
            + " it again", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/json in UTF-8")
    public Response putPassword(@PathParam("id") long id, PasswordJson body) {
        users.setPassword(id, body == null ? null : body.password());
        return Response.noContent().build();
    }

    @DELETE
    @SecurityRequirement(name = "bearer", scopes = "admin")
    @Path("{id}")
    @Operation(summary = "Delete a user; with If-Match, only if it is still at that version")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "400", description = "The user is the last enabled admin (field username)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "412", description = "The If-Match ETag is not the current one")
    public Response remove(@PathParam("id") long id) {
        return delete(id);
    }

    @Override
    protected RecordService<User> service() {
        return users;
    }

    @Override
    protected UserJson toJson(User user) {
        return UserJson.of(user);
    }

    @Override
    protected User toDetails(UserJson json) {
        return json.toDetails();
    }

    @Override
    protected User insert(UserJson body) {
        return users.create(body.toDetails(), body.password());
    }

    @Override
    protected User toReplacement(UserJson body, User current) {
        return body.toReplacementOf(current);
    }

    @Override
    protected String requiredBody() {
        return "A JSON object with username and email is required.";
    }
}
