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

/** {@code /users}: a page of users. */
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
}
