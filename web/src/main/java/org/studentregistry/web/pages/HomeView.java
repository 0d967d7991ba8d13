package org.studentregistry.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.studentregistry.service.book.BookService;
import org.studentregistry.service.student.StudentService;
import org.studentregistry.service.user.UserService;

/** The home page: what the registry holds, section by section. */
@Named
@RequestScoped
public class HomeView {

    @Inject
    private StudentService students;

    @Inject
    private UserService users;

    @Inject
    private BookService books;

    public long getStudentCount() {
        return students.count();
    }

    public long getUserCount() {
        return users.count();
    }

    public long getBookCount() {
        return books.count();
    }
}
