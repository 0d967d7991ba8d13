package org.studentregistry.service.student;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.studentregistry.domain.student.Student;
import org.studentregistry.persistence.paging.Page;
import org.studentregistry.persistence.paging.PageRequest;
import org.studentregistry.persistence.student.StudentRepository;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.service.RecordNotFoundException;
import org.studentregistry.service.StaleVersionException;

import java.util.Set;
import java.util.logging.Logger;

/**
 * Lists, reads and changes students. Every change is one transaction; every failure is reported in domain terms:
 * {@link RecordNotFoundException}, {@link StaleVersionException} or {@link InvalidInputException}.
 */
@ApplicationScoped
@Transactional
public class StudentService {

    private static final Logger LOG = Logger.getLogger(StudentService.class.getName());
    private static final String KIND = "Student";

    private StudentRepository students;
    private Validator validator;

    /** For CDI's proxy. */
    protected StudentService() {
    }

    @Inject
    public StudentService(StudentRepository students, Validator validator) {
        this.students = students;
        this.validator = validator;
    }

    /** The properties a list of students can be sorted by. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> sortableProperties() {
        return students.sortableProperties();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Student> list(String namePrefix, PageRequest request) {
        return students.findPage(namePrefix, request);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Student get(long id) {
        return students.findById(id).orElseThrow(() -> new RecordNotFoundException(KIND, id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count() {
        return students.count();
    }

    /** Stores a new student from the given details; an id or version they carry is ignored. */
    public Student create(Student details) {
        Student student = new Student();
        student.copyDetailsFrom(details);
        validate(student);
        Student created = students.save(student);
        LOG.info(() -> "Registered student " + created.getId() + " (" + created.getFullName() + ")");
        return created;
    }

    /**
     * Replaces the details of a student.
     *
     * @param expectedVersion the version the change was made from, or {@code null} to change whatever is current
     */
    public Student update(long id, Long expectedVersion, Student details) {
        Student student = get(id);
        checkVersion(student, expectedVersion);
        student.copyDetailsFrom(details);
        validate(student);
        try {
            Student updated = students.save(student);
            LOG.info(() -> "Updated student " + id + " to version " + updated.getVersion());
            return updated;
        } catch (OptimisticLockException e) {
            throw new StaleVersionException(KIND, id, student.getVersion(), student.getVersion() + 1);
        }
    }

    /** @param expectedVersion the version the user saw, or {@code null} to delete whatever is current */
    public void delete(long id, Long expectedVersion) {
        Student student = get(id);
        checkVersion(student, expectedVersion);
        try {
            students.delete(student);
        } catch (OptimisticLockException e) {
            throw new StaleVersionException(KIND, id, student.getVersion(), student.getVersion() + 1);
        }
        LOG.info(() -> "Deleted student " + id + " (" + student.getFullName() + ")");
    }

    private static void checkVersion(Student student, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != student.getVersion()) {
            throw new StaleVersionException(KIND, student.getId(), expectedVersion, student.getVersion());
        }
    }

    private void validate(Student student) {
        Set<ConstraintViolation<Student>> violations = validator.validate(student);
        if (!violations.isEmpty()) {
            throw InvalidInputException.of(violations);
        }
    }
}
