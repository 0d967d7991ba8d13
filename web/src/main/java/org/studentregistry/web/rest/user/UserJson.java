package org.studentregistry.web.rest.user;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTransient;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studentregistry.domain.user.Role;
import org.studentregistry.domain.user.User;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.service.InvalidInputException.FieldError;
import org.studentregistry.web.rest.RecordJson;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A user as the API reads and writes it: the account's details, never its password hash. The password a client
 * may send when it creates a user is read from the body and never written back ({@link #password()} is transient
 * for serialization only).
 */
@Schema(name = "User", description = "A user and its account. Username and email are each unique, ignoring case; a"
        + " duplicate is 409. On create, an id or version in the body is ignored; roles default to none and enabled to"
        + " true; a password is optional (without one the user cannot sign in until an admin sets one). On update,"
        + " a version in the body must be the current one; roles or enabled left out keep their current values; a"
        + " password is refused (400): set it with PUT /api/users/{id}/password. The password is never sent back.")
@JsonbPropertyOrder({"id", "username", "email", "roles", "enabled", "version"})
public record UserJson(
        @Schema(readOnly = true, description = "Assigned by the server; ignored in request bodies.", example = "7")
        Long id,
        @Schema(required = true, minLength = 3, maxLength = 50, pattern = "[A-Za-z0-9._-]+", example = "ada")
        String username,
        @Schema(required = true, maxLength = 254, format = "email", example = "ada@example.org")
        String email,
        @Schema(type = SchemaType.ARRAY, implementation = String.class, description = "What the user may do, by"
                + " role id, e.g. [\"registrar\"]: viewer (reads students, books and authors), registrar (also changes"
                + " them) or admin (everything, including accounts and API tokens); each includes the ones before it."
                + " An unknown id is 400 on the field roles. Default on create: none; left out on update: unchanged.")
        List<String> roles,
        @Schema(description = "Whether the account may sign in. Default on create: true; left out on update: unchanged.",
                example = "true")
        Boolean enabled,
        @Schema(description = "Optimistic-locking version, also sent as the ETag.", example = "1")
        Long version,
        @Schema(writeOnly = true, minLength = 10, maxLength = 128, description = "On create only: the first password,"
                + " 10 to 128 characters on one line (else 400 on the field password). Never returned.",
                example = "correct horse battery")
        String password) implements RecordJson {

    /** The user's details as the API shows them: never a password, nor its hash. */
    static UserJson of(User user) {
        return new UserJson(user.getId(), user.getUsername(), user.getEmail(), roleIds(user.getRoles()),
                user.isEnabled(), user.getVersion(), null);
    }

    /** Read from request bodies only: a response never carries it, even when set. */
    @JsonbTransient
    @Override
    public String password() {
        return password;
    }

    /** The details of a new user: roles default to none, and the account is enabled unless the body says not. */
    User toDetails() {
        User details = new User(username, email);
        details.setRoles(roles == null ? EnumSet.noneOf(Role.class) : parseRoles(roles));
        details.setEnabled(enabled == null || enabled);
        return details;
    }

    /** The details that replace the current user's: roles and enabled left out of the body keep their values. */
    User toReplacementOf(User current) {
        User details = new User(username, email);
        details.setRoles(roles == null ? current.getRoles() : parseRoles(roles));
        details.setEnabled(enabled == null ? current.isEnabled() : enabled);
        return details;
    }

    static List<String> roleIds(Set<Role> roles) {
        List<String> ids = new ArrayList<>();
        roles.stream().sorted().map(Role::id).forEach(ids::add);
        return ids;
    }

    /** The roles with these ids (any case); an unknown one is invalid input on the field roles. */
    static Set<Role> parseRoles(List<String> ids) {
        Set<Role> parsed = EnumSet.noneOf(Role.class);
        for (String id : ids) {
            Optional<Role> role = Role.ofId(id);
            if (role.isEmpty()) {
                throw new InvalidInputException(List.of(new FieldError("roles",
                        (id == null ? "A role must not be null" : "There is no role '" + abbreviated(id) + "'")
                                + ": the roles are viewer, registrar and admin.")));
            }
            parsed.add(role.get());
        }
        return parsed;
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
