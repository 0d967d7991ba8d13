package org.studentregistry.web.pages.user;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.studentregistry.domain.user.User;
import org.studentregistry.service.RecordService;
import org.studentregistry.service.user.UserService;
import org.studentregistry.web.pages.RecordFormView;

/** {@code /users/new} and {@code /users/edit?id=N}. */
@Named
@ViewScoped
public class UserFormView extends RecordFormView<User> {

    private static final long serialVersionUID = 1L;

    @Inject
    private UserService users;

    @Override
    protected RecordService<User> service() {
        return users;
    }
}
