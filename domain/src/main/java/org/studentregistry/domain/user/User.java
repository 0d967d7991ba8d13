package org.studentregistry.domain.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.studentregistry.domain.shared.SingleLine;
import org.studentregistry.domain.shared.Text;
import org.studentregistry.domain.shared.VersionedEntity;

/**
 * A user of the registry: a username and an email address, each unique whatever their case ({@code Ada} and
 * {@code ada} are the same username). The database enforces the uniqueness, so two concurrent registrations of
 * one name cannot both succeed.
 */
@Entity
@Table(name = "users", uniqueConstraints = {
        @UniqueConstraint(name = "uq_users_username", columnNames = "username_key"),
        @UniqueConstraint(name = "uq_users_email", columnNames = "email_key")})
public class User extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    public static final int USERNAME_MIN = 3;
    public static final int USERNAME_MAX = 50;
    /** The longest address RFC 5321 lets through a mail server's path. */
    public static final int EMAIL_MAX = 254;

    @NotBlank(message = "{user.username.required}")
    @Size(min = USERNAME_MIN, max = USERNAME_MAX, message = "{user.username.size}")
    @Pattern(regexp = "[A-Za-z0-9._-]*", message = "{user.username.pattern}")
    @Column(name = "username", nullable = false, length = USERNAME_MAX)
    private String username;

    @NotBlank(message = "{user.email.required}")
    @Size(max = EMAIL_MAX, message = "{user.email.size}")
    @Email(message = "{user.email.invalid}")
    @SingleLine
    @Column(name = "email", nullable = false, length = EMAIL_MAX)
    private String email;

    /*
     * Lower-cased copies kept by the database; their unique constraints make uniqueness ignore case. The column
     * definition says how the database computes them, for the schema check and a drafted migration.
     */
    @Column(name = "username_key", insertable = false, updatable = false, length = USERNAME_MAX,
            columnDefinition = "VARCHAR(" + USERNAME_MAX + ") GENERATED ALWAYS AS (LOWER(username))")
    private String usernameKey;

    @Column(name = "email_key", insertable = false, updatable = false, length = EMAIL_MAX,
            columnDefinition = "VARCHAR(" + EMAIL_MAX + ") GENERATED ALWAYS AS (LOWER(email))")
    private String emailKey;

    public User() {
    }

    public User(String username, String email) {
        setUsername(username);
        setEmail(email);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = Text.normalize(username);
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = Text.normalize(email);
    }

    public void copyDetailsFrom(User other) {
        setUsername(other.getUsername());
        setEmail(other.getEmail());
    }

    @Override
    public String toString() {
        return "User[id=" + getId() + ", " + username + "]";
    }
}
