package org.studentregistry.web.pages.student;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.studentregistry.domain.student.Student;
import org.studentregistry.service.RecordNotFoundException;
import org.studentregistry.service.StaleVersionException;
import org.studentregistry.service.student.StudentService;
import org.studentregistry.web.pages.Pages;

import java.io.Serializable;
import java.util.OptionalLong;

/**
 * {@code /students/delete?id=N}: shows the student and asks before deleting. The deletion applies to the version
 * shown: if someone changed the student meanwhile, the page shows the new details and asks again.
 */
@Named
@ViewScoped
public class StudentDeleteView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private StudentService students;

    private String id;
    private Student student;

    public void load() {
        OptionalLong parsed = Pages.parseId(id);
        if (parsed.isEmpty()) {
            Pages.notFound("There is no student with id " + id + ".");
            return;
        }
        try {
            student = students.get(parsed.getAsLong());
        } catch (RecordNotFoundException e) {
            Pages.notFound(e.getMessage());
        }
    }

    public void delete() {
        try {
            students.delete(student.getId(), student.getVersion());
            Pages.redirect(StudentListView.PATH, "Deleted student " + student.getFullName() + ".");
        } catch (StaleVersionException e) {
            student = students.get(student.getId());
            Pages.warn("Someone else changed this student meanwhile. Check the details below and confirm again.");
        } catch (RecordNotFoundException e) {
            Pages.redirect(StudentListView.PATH, "This student had already been deleted.");
        }
    }

    public Student getStudent() {
        return student;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }
}
