package org.studentregistry.service.student;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import org.studentregistry.domain.paging.Page;
import org.studentregistry.domain.paging.PageRequest;
import org.studentregistry.domain.student.Student;
import org.studentregistry.persistence.student.StudentRepository;
import org.studentregistry.service.RecordService;

/** Lists, reads and changes students. */
@ApplicationScoped
public class StudentService extends RecordService<Student> {

    private StudentRepository students;

    /** For CDI's proxy. */
    protected StudentService() {
    }

    @Inject
    public StudentService(StudentRepository students, Validator validator) {
        super("Student", students, validator);
        this.students = students;
    }

    /** A page of students, optionally only those whose first or last name starts with the prefix. */
    public Page<Student> list(String namePrefix, PageRequest request) {
        return students.findPage(namePrefix, request);
    }

    @Override
    public Student newRecord() {
        return new Student();
    }

    @Override
    public void copyDetails(Student from, Student to) {
        to.copyDetailsFrom(from);
    }

    @Override
    public String describe(Student student) {
        return student.getFullName();
    }
}
