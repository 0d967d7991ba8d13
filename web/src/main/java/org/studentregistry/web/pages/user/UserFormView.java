package org.studentregistry.web.pages.user;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.studentregistry.domain.user.Role;
import org.studentregistry.domain.user.User;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.service.InvalidInputException.FieldError;
import org.studentregistry.service.RecordService;
import org.studentregistry.service.user.UserService;
import org.studentregistry.web.pages.RecordFormView;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /users/new} and {@code /users/edit?id=N}: a user's details, roles and whether the account may sign in; on
 * the new page also a first password, which may be left empty (the user then cannot sign in until an admin sets
 * one on {@code /users/password}).
 *
 * <p>The form holds a copy of the user's details only ({@link User#copyDetailsFrom}), never the password hash; a
 * password typed here is kept only until the save that uses it.
 */
@Named
@ViewScoped
public class UserFormView extends RecordFormView<User> {

    private static final long serialVersionUID = 1L;

    @Inject
    private UserService users;

    private String password;
    private String confirmation;

    @Override
    protected RecordService<User> service() {
        return users;
    }

    @Override
    public void save() {
        try {
            super.save();
        } finally {
            password = null;
            confirmation = null;
        }
    }

    @Override
    protected User create(User details) {
        if (!Objects.equals(password, confirmation)) {
            throw new InvalidInputException(List.of(new FieldError("confirmation", "The two passwords differ.")));
        }
        return users.create(details, password);
    }

    /** The ids of the roles checked ({@code viewer}, {@code registrar}, {@code admin}). */
    public List<String> getRoles() {
        return new ArrayList<>(getRecord().getRoles().stream().sorted().map(Role::id).toList());
    }

    public void setRoles(List<String> ids) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (ids != null) {
            ids.stream().map(Role::ofId).flatMap(Optional::stream).forEach(roles::add);
        }
        getRecord().setRoles(roles);
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
