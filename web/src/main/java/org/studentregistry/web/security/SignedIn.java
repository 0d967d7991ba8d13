package org.studentregistry.web.security;

import jakarta.security.enterprise.credential.Credential;

import java.io.Serializable;

/**
 * What a signed-in session remembers, and shows again on each page as its credential: the account's username and
 * how many times the account had signed out when the session began. A sign-out anywhere moves the count on, which
 * ends the session on every node.
 */
public record SignedIn(String username, int signOuts) implements Credential, Serializable {
}
