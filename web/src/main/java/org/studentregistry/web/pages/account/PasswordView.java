package org.studentregistry.web.pages.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.service.StaleVersionException;
import org.studentregistry.service.WriteConflictException;
import org.studentregistry.service.user.UserService;
import org.studentregistry.web.pages.Pages;

/** {@code /account/password}: a signed-in user changes their own password, giving the current one. */
@Named
@RequestScoped
public class PasswordView {

    @Inject
    private SecurityContext securityContext;

    @Inject
    private UserService users;

    private String current;
    private String password;
    private String confirmation;

    public String getUsername() {
        return securityContext.getCallerPrincipal().getName();
    }

    public void change() {
        try {
            if (password == null || !password.equals(confirmation)) {
                Pages.error("account:confirmation", "The two new passwords differ.");
                return;
            }
            users.changeOwnPassword(getUsername(), current, password);
            Pages.redirect("/", "Your password is changed.");
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Pages.error("account:" + error.field(), error.message()));
        } catch (StaleVersionException | WriteConflictException e) {
            Pages.error(null, "Your account was changed at the same moment, so your password was not changed."
                    + " Change it again.");
        } finally {
            current = null;
            password = null;
            confirmation = null;
        }
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
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
