package org.studentregistry.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import java.util.Map;

/** The REST API, under {@code /api}; its OpenAPI document is served at {@code /openapi}. */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(
        title = "Student Registry API",
        version = "1",
        description = "Students, users and books of the registry. Lists are paged (page, size, sort) and report their total in"
                + " X-Total-Count and their neighbours in an RFC 8288 Link header. Single resources carry an ETag"
                + " (their version) for conditional GET, PUT and DELETE. Every error is application/problem+json"
                + " (RFC 9457). Every endpoint needs a bearer token (Authorization: Bearer ...) that an admin issues on"
                + " the tokens page or at /api/tokens; each operation names the least role its token must have:"
                + " viewer (reads), registrar (changes students and books), admin (everything). Without a valid"
                + " token the answer is 401, with a role that may not 403."))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API token issued by an admin: srt_<id>_<secret>.")
public class RestApplication extends Application {

    /**
     * Jersey (the runtime of Payara and GlassFish) would otherwise answer OPTIONS and {@code /api/application.wadl}
     * with a generated WADL document naming its own version; the OpenAPI document is the API's description.
     * Other runtimes ignore the property.
     */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
