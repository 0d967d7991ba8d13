package org.studentregistry.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.studentregistry.domain.user.Role;
import org.studentregistry.domain.user.User;
import org.studentregistry.service.user.UserService;

import java.util.Optional;

/**
 * The registry's accounts as an identity store: a username and password signs in an enabled account, and a
 * signed-in session ({@link SignedIn}) is looked up again on each page, so a disabled account, a changed role or
 * a sign-out elsewhere takes effect on the next request. The groups are the account's roles with those they
 * include ({@link Role#groupsOf}).
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    @Inject
    private UserService users;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        Optional<User> account;
        if (credential instanceof UsernamePasswordCredential password) {
            account = users.authenticate(password.getCaller(), password.getPasswordAsString());
        } else if (credential instanceof SignedIn session) {
            account = users.findEnabled(session.username())
                    .filter(user -> user.getSignOuts() == session.signOuts());
        } else {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return account
                .map(user -> new CredentialValidationResult(user.getUsername(), Role.groupsOf(user.getRoles())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
