package org.studentregistry.web.pages.student;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.studentregistry.domain.paging.Page;
import org.studentregistry.domain.paging.PageRequest;
import org.studentregistry.domain.paging.SortOrder;
import org.studentregistry.domain.student.Student;
import org.studentregistry.service.RecordService;
import org.studentregistry.service.student.StudentService;
import org.studentregistry.web.pages.RecordListView;

/** {@code /students}: a page of students, searchable by the start of a first or last name. */
@Named
@RequestScoped
public class StudentListView extends RecordListView<Student> {

    @Inject
    private StudentService students;

    @Override
    protected RecordService<Student> service() {
        return students;
    }

    @Override
    protected SortOrder defaultSort() {
        return SortOrder.ascending("lastName");
    }

    @Override
    protected Page<Student> find(PageRequest request) {
        return students.list(getQ(), request);
    }
}
