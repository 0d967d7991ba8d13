package org.studentregistry.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.studentregistry.service.token.ApiTokenService;

/**
 * API tokens as an identity store: a valid, unexpired token is a caller named {@code token:<name>} in the groups
 * of its one role. Checking one costs a lookup by id and a SHA-256, never a password hash.
 */
@ApplicationScoped
public class ApiTokenIdentityStore implements IdentityStore {

    @Inject
    private ApiTokenService tokens;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof BearerTokenCredential bearer)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return tokens.authenticate(bearer.token())
                .map(token -> new CredentialValidationResult("token:" + token.name(),
                        token.role().groups()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
