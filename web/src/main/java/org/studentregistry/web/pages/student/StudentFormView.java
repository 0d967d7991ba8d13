package org.studentregistry.web.pages.student;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.studentregistry.domain.student.Student;
import org.studentregistry.service.RecordService;
import org.studentregistry.service.student.StudentService;
import org.studentregistry.web.pages.RecordFormView;

/** {@code /students/new} and {@code /students/edit?id=N}. */
@Named
@ViewScoped
public class StudentFormView extends RecordFormView<Student> {

    private static final long serialVersionUID = 1L;

    @Inject
    private StudentService students;

    @Override
    protected RecordService<Student> service() {
        return students;
    }

    @Override
    protected String summary(Student student) {
        return student.getFullName() + ", " + student.getSubject();
    }
}
