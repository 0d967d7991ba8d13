package org.studentregistry.web.security;

import jakarta.security.enterprise.credential.Credential;

/** The token an API request sent as {@code Authorization: Bearer <token>}. */
public record BearerTokenCredential(String token) implements Credential {

    @Override
    public String toString() {
        return "BearerTokenCredential[hidden]";
    }
}
