package org.studentregistry.web.pages.user;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.studentregistry.domain.user.User;
import org.studentregistry.service.RecordService;
import org.studentregistry.service.user.UserService;
import org.studentregistry.web.pages.RecordDeleteView;

/** {@code /users/delete?id=N}: the view keeps the account's details, never its password hash. */
@Named
@ViewScoped
public class UserDeleteView extends RecordDeleteView<User> {

    private static final long serialVersionUID = 1L;

    @Inject
    private UserService users;

    @Override
    protected RecordService<User> service() {
        return users;
    }

    @Override
    protected User shown(User stored) {
        User details = users.newRecord();
        users.copyDetails(stored, details);
        return details;
    }
}
