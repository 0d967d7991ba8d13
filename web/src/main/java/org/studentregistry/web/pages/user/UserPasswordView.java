package org.studentregistry.web.pages.user;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.studentregistry.domain.user.User;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.service.RecordNotFoundException;
import org.studentregistry.service.StaleVersionException;
import org.studentregistry.service.WriteConflictException;
import org.studentregistry.service.user.UserService;
import org.studentregistry.web.pages.Pages;

import java.io.Serializable;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * {@code /users/password?id=N}: an admin sets a user's password, a reset or the first one. The view keeps the
 * user's id and name only (never the account, whose password hash stays in the service), and a typed password only
 * until the save that uses it.
 */
@Named
@ViewScoped
public class UserPasswordView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private UserService users;

    private String id;
    private Long userId;
    private String username;
    private boolean hadPassword;
    private boolean enabled;

    private String password;
    private String confirmation;

    /** On the first request: the user, or the 404 page. */
    public void load() {
        OptionalLong parsed = Pages.parseLong(id);
        if (parsed.isEmpty()) {
            Pages.notFound("There is no user with id " + id + ".");
            return;
        }
        try {
            User user = users.get(parsed.getAsLong());
            userId = user.getId();
            username = user.getUsername();
            hadPassword = user.hasPassword();
            enabled = user.isEnabled();
        } catch (RecordNotFoundException e) {
            Pages.notFound(e.getMessage());
        }
    }

    public void save() {
        try {
            if (!Objects.equals(password, confirmation)) {
                Pages.error("password:confirmation", "The two passwords differ.");
                return;
            }
            User user = users.setPassword(userId, password);
            Pages.redirect("/users", "Set a new password for " + user.getUsername() + ".");
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Pages.error("password:" + error.field(), error.message()));
        } catch (RecordNotFoundException e) {
            Pages.redirect("/users", "The user " + username + " was deleted by someone else; no password was set.");
        } catch (StaleVersionException | WriteConflictException e) {
            Pages.error(null, "Someone else changed this account at the same moment, so no password was set."
                    + " Set it again.");
        } finally {
            password = null;
            confirmation = null;
        }
    }

    public String getUsername() {
        return username;
    }

    /** Whether the user had a password when the page was opened. */
    public boolean isHadPassword() {
        return hadPassword;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
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
