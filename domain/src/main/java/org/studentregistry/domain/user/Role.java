package org.studentregistry.domain.user;

import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What an account may do. Each role includes the ones below it: a registrar may also read, an admin may do
 * everything. The security groups a caller is given are its roles with every role they include, so a rule that
 * names {@code viewer} lets registrars and admins through too.
 */
public enum Role {

    /** Reads students, books and authors. */
    VIEWER,
    /** Creates, changes and deletes students and books. */
    REGISTRAR,
    /** Everything, including accounts and API tokens. */
    ADMIN;

    /** The name used in security rules, the API and pages: {@code registrar}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This role and every role it includes. */
    public Set<Role> included() {
        return EnumSet.range(VIEWER, this);
    }

    /** The role with this id ({@code registrar}), ignoring case. */
    public static Optional<Role> ofId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.id().equalsIgnoreCase(id.strip())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** The security groups of a caller with these roles: each role's id and those of the roles it includes. */
    public static Set<String> groupsOf(Set<Role> roles) {
        // Each role includes every lesser one, so the greatest role's groups are all of them.
        return roles.stream().max(Comparator.naturalOrder()).map(Role::groups).orElse(NO_GROUPS);
    }

    /** This role's security groups: its id and those of the roles it includes. */
    public Set<String> groups() {
        return GROUPS.get(this);
    }

    /* Asked on every request that carries a token or a session: made once. */
    private static final Map<Role, Set<String>> GROUPS = groupsOfEachRole();
    private static final Set<String> NO_GROUPS = Collections.emptySortedSet();

    private static Map<Role, Set<String>> groupsOfEachRole() {
        Map<Role, Set<String>> groups = new EnumMap<>(Role.class);
        for (Role role : values()) {
            groups.put(role, Collections.unmodifiableSortedSet(role.included().stream().map(Role::id)
                    .collect(Collectors.toCollection(TreeSet::new))));
        }
        return groups;
    }
}
