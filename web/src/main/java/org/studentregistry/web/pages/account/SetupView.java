package org.studentregistry.web.pages.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.studentregistry.service.DuplicateValueException;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.web.pages.Pages;
import org.studentregistry.web.security.FirstAdmin;

/** {@code /setup?code=...}: the first admin of a fresh installation, with the one-time code from the log. */
@Named
@RequestScoped
public class SetupView {

    @Inject
    private FirstAdmin firstAdmin;

    private String code;
    private String username;
    private String email;
    private String password;
    private String confirmation;
    /* Asked in each phase of a request; the answer reads the database, so once a request is enough. */
    private Boolean waiting;

    public boolean isWaiting() {
        if (waiting == null) {
            waiting = firstAdmin.isWaiting();
        }
        return waiting;
    }

    public void create() {
        if (password == null || !password.equals(confirmation)) {
            Pages.error("setup:confirmation", "The two passwords differ.");
            return;
        }
        try {
            switch (firstAdmin.create(code, username, email, password)) {
                case CREATED -> Pages.redirect("/sign-in", "The admin " + username.strip() + " is created: sign in.");
                case ADMIN_EXISTS -> Pages.redirect("/sign-in", "This registry has an admin already, made"
                        + " meanwhile elsewhere, so no account was created: sign in, or ask an admin for one.");
                case WRONG_CODE -> Pages.error("setup:code",
                        "This is not the setup code in the server's log, or it was used already.");
            }
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Pages.error("setup:" + error.field(), error.message()));
        } catch (DuplicateValueException e) {
            Pages.error("setup:" + e.field(), e.getMessage());
        } finally {
            password = null;
            confirmation = null;
        }
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
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
