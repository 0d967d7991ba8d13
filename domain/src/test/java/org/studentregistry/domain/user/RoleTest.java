package org.studentregistry.domain.user;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RoleTest {

    @Test
    void aRolesGroupsAreItsIdAndThoseOfTheRolesItIncludes() {
        assertEquals(List.of("viewer"), List.copyOf(Role.VIEWER.groups()));
        assertEquals(List.of("registrar", "viewer"), List.copyOf(Role.REGISTRAR.groups()));
        assertEquals(List.of("admin", "registrar", "viewer"), List.copyOf(Role.ADMIN.groups()));
    }

    @Test
    void aCallerWithSeveralRolesHasTheGroupsOfTheGreatest() {
        assertEquals(Role.ADMIN.groups(), Role.groupsOf(Set.of(Role.VIEWER, Role.ADMIN)));
        assertEquals(Role.REGISTRAR.groups(), Role.groupsOf(Set.of(Role.REGISTRAR)));
        assertEquals(Set.of(), Role.groupsOf(Set.of()));
    }

    @Test
    void theGroupsGivenOutCannotBeChanged() {
        assertThrows(UnsupportedOperationException.class, () -> Role.VIEWER.groups().add("admin"));
    }
}
