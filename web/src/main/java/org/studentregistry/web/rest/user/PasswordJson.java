package org.studentregistry.web.rest.user;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /api/users/{id}/password}: read only, never written. */
@Schema(name = "NewPassword", description = "A user's new password.")
public record PasswordJson(
        @Schema(required = true, writeOnly = true, minLength = 10, maxLength = 128,
                description = "10 to 128 characters on one line.", example = "correct horse battery")
        String password) {
}
