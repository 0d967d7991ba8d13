package org.studentregistry.web.rest.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.studentregistry.domain.token.ApiToken;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.service.InvalidInputException.FieldError;
import org.studentregistry.service.RecordService;
import org.studentregistry.service.token.ApiTokenService;
import org.studentregistry.service.token.IssuedToken;
import org.studentregistry.web.rest.EntityTags;
import org.studentregistry.web.rest.PageHeaders;
import org.studentregistry.web.rest.RecordResource;
import org.studentregistry.web.rest.problem.Problem;

import java.time.Instant;
import java.util.List;

/**
 * {@code /api/tokens}: list, read, issue and revoke the API tokens of integrating systems; admins only (web.xml).
 * A token is never changed once issued, so there is no PUT: revoke it and issue another.
 */
@Path("tokens")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API tokens", description = "Bearer tokens of integrating systems; only admins may manage them.")
@APIResponse(responseCode = "400", description = "Invalid parameters or body",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token is not an admin's",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class TokenResource extends RecordResource<ApiToken, TokenJson> {

    @Inject
    private ApiTokenService tokens;

    @Inject
    private SecurityContext securityContext;

    @Inject
    private Validator validator;

    @GET
    @SecurityRequirement(name = "bearer", scopes = "admin")
    @Operation(summary = "A page of API tokens, without their secrets")
    @APIResponse(responseCode = "200", description = "The page; the total in X-Total-Count, neighbours in Link",
            headers = {@Header(name = PageHeaders.TOTAL_COUNT, description = "Number of tokens"),
                    @Header(name = "Link", description = PageHeaders.LINKS)},
            content = @Content(schema = @Schema(implementation = TokenJson[].class)))
    public Response list(
            @Parameter(description = "Page number, from 0", example = "0") @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 100 (default 20)", example = "20") @QueryParam("size") String size,
            @Parameter(description = "id or name, then ,asc or ,desc (default id,asc)", example = "name,asc")
            @QueryParam("sort") String sort,
            @Parameter(description = "A cursor from a next Link: the page after that row, however deep in the list")
            @QueryParam("after") String after,
            @Parameter(description = "A cursor from a prev Link: the page before that row")
            @QueryParam("before") String before) {
        return list(tokens.list(pageRequest(page, size, sort, after, before, SortOrder.ascending("id"))));
    }

    @GET
    @SecurityRequirement(name = "bearer", scopes = "admin")
    @Path("{id}")
    @Operation(summary = "One API token, without its secret")
    @APIResponse(responseCode = "200", description = "The token",
            content = @Content(schema = @Schema(implementation = TokenJson.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "No such token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") long id) {
        return read(id);
    }

    @POST
    @SecurityRequirement(name = "bearer", scopes = "admin")
    @Operation(summary = "Issue a token; its secret is in this answer only",
            description = "The token acts with the one role given until it expires or is revoked. Keep the secret"
                    + " (token) from the answer: the server stores only its hash and cannot show it again.")
    @RequestBody(required = true, description = "name, role and optionally expiresAt (default: 90 days from now);"
            + " anything else sent is ignored",
            content = @Content(schema = @Schema(implementation = TokenJson.class)))
    @APIResponse(responseCode = "201", description = "Issued; Location names the new token, token is its secret",
            content = @Content(schema = @Schema(implementation = TokenJson.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/json in UTF-8")
    public Response post(TokenJson body) {
        if (body == null) {
            throw new InvalidInputException(List.of(new FieldError("body", requiredBody())));
        }
        IssuedToken issued = tokens.issue(toDetails(body), securityContext.getCallerPrincipal().getName());
        ApiToken token = issued.token();
        return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(token.getId())).build())
                .entity(TokenJson.of(issued))
                .tag(EntityTags.of(token.getVersion()))
                .build();
    }

    @DELETE
    @SecurityRequirement(name = "bearer", scopes = "admin")
    @Path("{id}")
    @Operation(summary = "Revoke a token: requests with it are refused from now on")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response revoke(@PathParam("id") long id) {
        tokens.revoke(id);
        return Response.noContent().build();
    }

    @Override
    protected RecordService<ApiToken> service() {
        return tokens;
    }

    @Override
    protected TokenJson toJson(ApiToken token) {
        return TokenJson.of(token);
    }

    @Override
    protected ApiToken toDetails(TokenJson json) {
        return json.toDetails(Instant.now(), validator);
    }

    @Override
    protected String requiredBody() {
        return "A JSON object with name, role and optionally expiresAt is required.";
    }
}
