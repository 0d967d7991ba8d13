package org.studentregistry.service.token;

import org.studentregistry.domain.token.ApiToken;

/**
 * A token just issued, with its secret: the only time the secret exists outside the caller's hands. Its
 * {@code toString} leaves the secret out, so that it cannot reach a log by accident.
 */
public record IssuedToken(ApiToken token, String secret) {

    @Override
    public String toString() {
        return "IssuedToken[" + token + "]";
    }
}
