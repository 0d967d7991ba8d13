package org.studentregistry.web.pages.user;

import org.studentregistry.domain.user.Role;
import org.studentregistry.domain.user.User;

import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

/** How the user pages say what an account may do and whether it can sign in. */
public final class AccountLabels {

    private AccountLabels() {
    }

    /** The roles granted, highest first: {@code "admin"}, {@code "registrar, viewer"}, or {@code "none"}. */
    public static String roles(Set<Role> roles) {
        if (roles.isEmpty()) {
            return "none";
        }
        return roles.stream().sorted(Comparator.reverseOrder()).map(Role::id).collect(Collectors.joining(", "));
    }

    /** {@code "enabled"} or {@code "disabled"}, followed by {@code ", no password"} when it has none. */
    public static String status(User user) {
        return (user.isEnabled() ? "enabled" : "disabled") + (user.hasPassword() ? "" : ", no password");
    }
}
