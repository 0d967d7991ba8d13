package org.studentregistry.domain.user;

import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.studentregistry.domain.shared.KeyLength;
import org.studentregistry.domain.shared.SingleLine;
import org.studentregistry.domain.shared.Text;
import org.studentregistry.domain.shared.VersionedEntity;

import java.util.EnumSet;
import java.util.Set;

/**
 * A user of the registry, and its account: a username and an email address, each unique whatever their case
 * ({@code Ada} and {@code ada} are the same username), the roles that say what the user may do, and whether the
 * account may sign in at all. The database enforces the uniqueness, so two concurrent registrations of one name
 * cannot both succeed.
 *
 * <p>The password is kept only as a salted hash, which never leaves the server: it is not part of the details
 * copied from a form or a request, and {@link #toString()} leaves it out. A user without one cannot sign in.
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
    @KeyLength(max = EMAIL_MAX)
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

    /**
     * The salted hash of the password, in the form of the platform's {@code Pbkdf2PasswordHash}; null: none. Never
     * in JSON, even if an entity were ever written as such by mistake.
     */
    @JsonbTransient
    @Column(name = "password_hash", length = 255)
    private String passwordHash;

    @Convert(converter = RolesConverter.class)
    @Column(name = "roles", nullable = false, length = 100)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "enabled", nullable = false)
    private boolean enabled = true;

    /*
     * Moved on by each sign-out, never by an edit (which copies only the details, see copyDetailsFrom): a sign-in
     * session that began at another count is over.
     */
    @Column(name = "sign_outs", nullable = false)
    private int signOuts;

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

    /** The roles granted, without those they include (see {@link Role#groupsOf}). */
    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public void setRoles(Set<Role> roles) {
        this.roles = roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.stream().anyMatch(granted -> granted.included().contains(role));
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** How many times the account has signed out; a sign-in session is valid only while this stays as it began. */
    public int getSignOuts() {
        return signOuts;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public boolean hasPassword() {
        return passwordHash != null;
    }

    /** The details a user's form or request may change: never the password, which has operations of its own. */
    public void copyDetailsFrom(User other) {
        setUsername(other.getUsername());
        setEmail(other.getEmail());
        setRoles(other.getRoles());
        setEnabled(other.isEnabled());
    }

    @Override
    public String toString() {
        return "User[id=" + getId() + ", " + username + "]";
    }
}
