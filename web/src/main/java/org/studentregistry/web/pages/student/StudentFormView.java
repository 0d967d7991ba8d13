package org.studentregistry.web.pages.student;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.studentregistry.domain.student.Student;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.service.RecordNotFoundException;
import org.studentregistry.service.StaleVersionException;
import org.studentregistry.service.student.StudentService;
import org.studentregistry.web.pages.Pages;

import java.io.Serializable;
import java.util.OptionalLong;

/**
 * {@code /students/new} and {@code /students/edit?id=N}: one form for both.
 *
 * <p>The form edits a detached copy and remembers the version it was loaded at. If someone else saves the student
 * meanwhile, the save is refused, the page says what they saved, and what this user typed stays in the form: saving
 * again then replaces their version knowingly. No update is lost silently.
 */
@Named
@ViewScoped
public class StudentFormView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private StudentService students;

    private String id;
    private Long studentId;
    private long version;
    private final Student student = new Student();

    /** On the edit page's first request: the student to edit, or the 404 page. */
    public void loadForEdit() {
        OptionalLong parsed = Pages.parseId(id);
        if (parsed.isEmpty()) {
            Pages.notFound("There is no student with id " + id + ".");
            return;
        }
        try {
            Student stored = students.get(parsed.getAsLong());
            studentId = stored.getId();
            version = stored.getVersion();
            student.copyDetailsFrom(stored);
        } catch (RecordNotFoundException e) {
            Pages.notFound(e.getMessage());
        }
    }

    public void save() {
        try {
            if (studentId == null) {
                Student created = students.create(student);
                Pages.redirect(StudentListView.PATH, "Added student " + created.getFullName() + ".");
            } else {
                Student updated = students.update(studentId, version, student);
                Pages.redirect(StudentListView.PATH, "Saved " + updated.getFullName() + ".");
            }
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> Pages.error("student:" + error.field(), error.message()));
        } catch (StaleVersionException e) {
            showTheirVersion();
        } catch (RecordNotFoundException e) {
            Pages.redirect(StudentListView.PATH, "This student was deleted by someone else; your changes were not saved.");
        }
    }

    private void showTheirVersion() {
        try {
            Student theirs = students.get(studentId);
            version = theirs.getVersion();
            Pages.error(null, "Someone else saved this student while you were editing. They saved: "
                    + theirs.getFirstName() + " " + theirs.getLastName() + ", " + theirs.getSubject()
                    + ". Your changes are still in the form: save again to replace theirs, or cancel to keep theirs.");
        } catch (RecordNotFoundException gone) {
            Pages.redirect(StudentListView.PATH, "This student was deleted by someone else; your changes were not saved.");
        }
    }

    public boolean isEditing() {
        return studentId != null;
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
