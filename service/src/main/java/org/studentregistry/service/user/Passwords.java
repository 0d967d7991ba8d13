package org.studentregistry.service.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.studentregistry.domain.user.PasswordPolicy;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.service.InvalidInputException.FieldError;

import java.util.List;

/**
 * The rules a password must meet, and its hashing by the platform's {@link Pbkdf2PasswordHash}
 * (PBKDF2 with HMAC-SHA512). Both the rules and the hash's parameters (algorithm, iteration count and its setting
 * {@code registry.password.iterations}, salt and key sizes) are the domain's {@link PasswordPolicy}, which the
 * {@code registry-db} command line uses too; this bean applies them with the server's implementation. The stored
 * form names its algorithm and iteration count, so hashes made with a lower count still verify after the count
 * rises.
 */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = PasswordPolicy.MIN_LENGTH;
    public static final int MAX_LENGTH = PasswordPolicy.MAX_LENGTH;

    private Pbkdf2PasswordHash hash;
    /* A hash of no one's password, verified when a username is unknown so that the answer takes as long. */
    private String decoy;

    /** For CDI's proxy. */
    protected Passwords() {
    }

    @Inject
    public Passwords(Pbkdf2PasswordHash hash) {
        this.hash = hash;
        hash.initialize(PasswordPolicy.hashParameters());
        this.decoy = hash.generate("no one's password".toCharArray());
    }

    /** The hash to store for a new password; a password that breaks the rules is refused on the given field. */
    public String hash(String field, String password) {
        check(field, password);
        return hash.generate(password.toCharArray());
    }

    /** Whether the password is the one whose hash is stored; a missing hash matches nothing, in the same time. */
    public boolean matches(String password, String storedHash) {
        if (password == null) {
            return false;
        }
        boolean matches = hash.verify(password.toCharArray(), storedHash == null ? decoy : storedHash);
        return storedHash != null && matches;
    }

    static void check(String field, String password) {
        PasswordPolicy.problemWith(password).ifPresent(problem -> {
            throw new InvalidInputException(List.of(new FieldError(field, problem)));
        });
    }
}
