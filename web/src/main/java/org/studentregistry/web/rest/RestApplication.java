package org.studentregistry.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The REST API, under {@code /api}; its OpenAPI document is served at {@code /openapi}. */
@ApplicationPath("api")
@OpenAPIDefinition(info = @Info(
        title = "Student Registry API",
        version = "1",
        description = "Students, users and books of the registry. Lists are paged (page, size, sort) and report their total in"
                + " X-Total-Count and their neighbours in an RFC 8288 Link header. Single resources carry an ETag"
                + " (their version) for conditional GET, PUT and DELETE. Every error is application/problem+json"
                + " (RFC 9457)."))
public class RestApplication extends Application {
}
