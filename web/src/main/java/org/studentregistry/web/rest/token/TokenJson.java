package org.studentregistry.web.rest.token;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.validation.Validator;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studentregistry.domain.token.ApiToken;
import org.studentregistry.service.token.IssuedToken;
import org.studentregistry.web.rest.RecordJson;
import org.studentregistry.web.token.NewToken;

import java.time.Instant;

/**
 * An API token as the API reads and writes it: never its hash, and its secret only in the answer that issued it.
 * The role and times are text, read here rather than by JSON-B, so that a wrong one is reported under its field.
 */
@Schema(name = "ApiToken", description = "A bearer token of an integrating system. To issue one, send name, role and"
        + " optionally expiresAt; everything else is the server's and ignored in request bodies. The secret (token)"
        + " is in the answer to the POST that issued it and never again: only its hash is stored.")
@JsonbPropertyOrder({"id", "name", "role", "expiresAt", "lastUsedAt", "createdBy", "createdAt", "token"})
public record TokenJson(
        @Schema(readOnly = true, description = "Assigned by the server; ignored in request bodies.", example = "7")
        Long id,
        @Schema(required = true, maxLength = ApiToken.NAME_MAX, description = "Which system uses the token.",
                example = "payroll export")
        String name,
        @Schema(required = true, enumeration = {"viewer", "registrar", "admin"},
                description = "What the token may do: viewer reads, registrar also changes students and books,"
                        + " admin everything.", example = "viewer")
        String role,
        @Schema(type = SchemaType.STRING, format = "date-time", description = "When the token stops working, at most"
                + " 366 days away; 90 days from now when not given.", example = "2026-06-30T00:00:00Z")
        String expiresAt,
        @Schema(readOnly = true, type = SchemaType.STRING, format = "date-time", nullable = true,
                description = "When the token was last used (to the minute), or null if never.")
        @JsonbNillable
        String lastUsedAt,
        @Schema(readOnly = true, description = "Who issued the token: an admin's username, or token:<name> for a"
                + " token.", example = "root")
        String createdBy,
        @Schema(readOnly = true, type = SchemaType.STRING, format = "date-time")
        String createdAt,
        @Schema(readOnly = true, description = "The secret to send as Authorization: Bearer <token>; only in the"
                + " answer to the POST that issued the token.", example = "srt_7_q3YxV0...")
        String token) implements RecordJson {

    static TokenJson of(ApiToken token) {
        return new TokenJson(token.getId(), token.getName(), token.getRole().id(), text(token.getExpiresAt()),
                text(token.getLastUsedAt()), token.getCreatedBy(), text(token.getCreatedAt()), null);
    }

    /** A token just issued, with its secret. */
    static TokenJson of(IssuedToken issued) {
        TokenJson json = of(issued.token());
        return new TokenJson(json.id, json.name, json.role, json.expiresAt, json.lastUsedAt, json.createdBy,
                json.createdAt, issued.secret());
    }

    /** The details to issue a token with, as of {@code now}; what cannot be read is a field error. */
    ApiToken toDetails(Instant now, Validator validator) {
        return NewToken.named(name)
                .role("role", role)
                .expiresAt("expiresAt", expiresAt, now)
                .details(validator);
    }

    /** Tokens are never changed, so no version is sent: a client cannot make one stale. */
    @Override
    public Long version() {
        return null;
    }

    @Override
    public String toString() {
        // Never the secret: a record's own toString would print it.
        return "TokenJson[id=" + id + ", " + name + ", " + role + "]";
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
