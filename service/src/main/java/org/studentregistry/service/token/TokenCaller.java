package org.studentregistry.service.token;

import org.studentregistry.domain.user.Role;

/** Who a valid bearer token lets in: the token's name and its one role. */
public record TokenCaller(String name, Role role) {
}
