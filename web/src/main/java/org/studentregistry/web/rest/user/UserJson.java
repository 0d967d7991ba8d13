package org.studentregistry.web.rest.user;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studentregistry.domain.user.User;
import org.studentregistry.web.rest.RecordJson;

/** A user as the API reads and writes it. */
@Schema(name = "User", description = "A user. Username and email are each unique, ignoring case; a duplicate is 409."
        + " On create, an id or version in the body is ignored; on update, a version in the body must be the current one.")
@JsonbPropertyOrder({"id", "username", "email", "version"})
public record UserJson(
        @Schema(readOnly = true, description = "Assigned by the server; ignored in request bodies.", example = "7")
        Long id,
        @Schema(required = true, minLength = 3, maxLength = 50, pattern = "[A-Za-z0-9._-]+", example = "ada")
        String username,
        @Schema(required = true, maxLength = 254, format = "email", example = "ada@example.org")
        String email,
        @Schema(description = "Optimistic-locking version, also sent as the ETag.", example = "1")
        Long version) implements RecordJson {

    static UserJson of(User user) {
        return new UserJson(user.getId(), user.getUsername(), user.getEmail(), user.getVersion());
    }

    User toDetails() {
        return new User(username, email);
    }
}
