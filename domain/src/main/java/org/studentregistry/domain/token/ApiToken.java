package org.studentregistry.domain.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.studentregistry.domain.shared.SingleLine;
import org.studentregistry.domain.shared.Text;
import org.studentregistry.domain.shared.VersionedEntity;
import org.studentregistry.domain.user.Role;

import java.time.Instant;

/**
 * A bearer token an admin issued to one integrating system: a name that says which system, the one role it acts
 * with, and when it expires. The secret itself is shown once, when issued, and never stored: only its SHA-256 is
 * ({@code secretHash}), which suffices for a random secret of 256 bits.
 */
@Entity
@Table(name = "api_token", indexes = @Index(name = "ix_api_token_name", columnList = "name, id"))
public class ApiToken extends VersionedEntity {

    private static final long serialVersionUID = 1L;

    public static final int NAME_MAX = 100;
    /** The longest issuer name stored; a token's caller name ({@code token:} and its name) may be longer. */
    public static final int CREATED_BY_MAX = 50;

    @NotBlank(message = "{token.name.required}")
    @Size(max = NAME_MAX, message = "{token.name.size}")
    @SingleLine
    @Column(name = "name", nullable = false, length = NAME_MAX)
    private String name;

    @NotNull(message = "{token.role.required}")
    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 20)
    private Role role;

    @Column(name = "secret_hash", nullable = false, length = 64)
    private String secretHash;

    @NotNull(message = "{token.expiresAt.required}")
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "created_by", nullable = false, length = CREATED_BY_MAX)
    private String createdBy;

    public ApiToken() {
    }

    public ApiToken(String name, Role role, Instant expiresAt) {
        setDetails(name, role, expiresAt);
    }

    /** What an admin chooses for a token; it is not changed once issued. */
    public void setDetails(String name, Role role, Instant expiresAt) {
        this.name = Text.normalize(name);
        this.role = role;
        this.expiresAt = expiresAt;
    }

    public String getName() {
        return name;
    }

    public Role getRole() {
        return role;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getSecretHash() {
        return secretHash;
    }

    /** Sets the hash of the secret and who issued it, once, when the token is issued. */
    public void issue(String secretHash, String createdBy) {
        this.secretHash = secretHash;
        this.createdBy = createdBy;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        // Never the hash: a log line names a token by its id and name.
        return "ApiToken[id=" + getId() + ", " + name + ", " + role + "]";
    }
}
