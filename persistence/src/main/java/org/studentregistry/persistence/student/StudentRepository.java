package org.studentregistry.persistence.student;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.studentregistry.domain.paging.Page;
import org.studentregistry.domain.paging.PageRequest;
import org.studentregistry.domain.student.Student;
import org.studentregistry.persistence.EntityRepository;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The students of the registry, as stored in the {@code student} table. */
@ApplicationScoped
public class StudentRepository extends EntityRepository<Student> {

    private static final Set<String> SORTABLE = Set.of("id", "firstName", "lastName", "subject");

    /** For CDI's proxy. */
    protected StudentRepository() {
    }

    @Inject
    public StudentRepository(EntityManager entityManager) {
        super(Student.class, entityManager);
    }

    @Override
    public Set<String> sortableProperties() {
        return SORTABLE;
    }

    /** Names are ordered ignoring case, by the lower-cased columns the name search uses (V6). */
    @Override
    protected String sortPath(String property) {
        return switch (property) {
            case "firstName" -> "firstNameKey";
            case "lastName" -> "lastNameKey";
            default -> property;
        };
    }

    /**
     * A page of students, optionally only those whose first or last name starts with {@code namePrefix}, ignoring
     * case. A blank prefix means all students.
     */
    public Page<Student> findPage(String namePrefix, PageRequest request) {
        if (namePrefix == null || namePrefix.isBlank()) {
            return findPage("", Map.of(), request);
        }
        if (isNeverStored(namePrefix)) {
            return new Page<>(List.of(), 0, request);
        }
        String pattern = startsWithPattern(caseKey(namePrefix));
        return findPage("e.firstNameKey LIKE :prefix ESCAPE '\\' OR e.lastNameKey LIKE :prefix ESCAPE '\\'",
                Map.of("prefix", pattern), request);
    }
}
