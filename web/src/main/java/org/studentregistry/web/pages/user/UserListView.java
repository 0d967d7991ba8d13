package org.studentregistry.web.pages.user;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.studentregistry.domain.paging.Page;
import org.studentregistry.domain.paging.PageRequest;
import org.studentregistry.domain.paging.SortOrder;
import org.studentregistry.domain.user.User;
import org.studentregistry.service.RecordService;
import org.studentregistry.service.user.UserService;
import org.studentregistry.web.pages.RecordListView;

/** {@code /users}: a page of users, with their roles and whether they can sign in. */
@Named
@RequestScoped
public class UserListView extends RecordListView<User> {

    @Inject
    private UserService users;

    @Override
    protected RecordService<User> service() {
        return users;
    }

    @Override
    protected SortOrder defaultSort() {
        return SortOrder.ascending("username");
    }

    @Override
    protected Page<User> find(PageRequest request) {
        return users.list(getQ(), request);
    }

    /** "admin", "registrar, viewer" or "none". */
    public String rolesOf(User user) {
        return AccountLabels.roles(user.getRoles());
    }

    /** "enabled" or "disabled", and "no password" when the user has none. */
    public String statusOf(User user) {
        return AccountLabels.status(user);
    }
}
