package org.studentregistry.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.studentregistry.service.student.StudentService;

/** The home page: what the registry holds, section by section. */
@Named
@RequestScoped
public class HomeView {

    @Inject
    private StudentService students;

    private Long studentCount;

    public long getStudentCount() {
        if (studentCount == null) {
            studentCount = students.count();
        }
        return studentCount;
    }
}
