package org.studentregistry.web.pages.user;

import org.junit.jupiter.api.Test;
import org.studentregistry.domain.user.Role;
import org.studentregistry.domain.user.User;

import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AccountLabelsTest {

    @Test
    void rolesAreListedHighestFirstOrNone() {
        assertEquals("admin", AccountLabels.roles(EnumSet.of(Role.ADMIN)));
        assertEquals("registrar, viewer", AccountLabels.roles(EnumSet.of(Role.VIEWER, Role.REGISTRAR)));
        assertEquals("none", AccountLabels.roles(EnumSet.noneOf(Role.class)));
    }

    @Test
    void statusSaysWhetherTheUserMaySignInAndHasAPassword() {
        User user = new User("ada", "ada@example.org");
        assertEquals("enabled, no password", AccountLabels.status(user));
        user.setPasswordHash("hash");
        assertEquals("enabled", AccountLabels.status(user));
        user.setEnabled(false);
        assertEquals("disabled", AccountLabels.status(user));
        user.setPasswordHash(null);
        assertEquals("disabled, no password", AccountLabels.status(user));
    }
}
