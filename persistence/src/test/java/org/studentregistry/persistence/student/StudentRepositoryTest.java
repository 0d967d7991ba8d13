package org.studentregistry.persistence.student;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studentregistry.domain.paging.Page;
import org.studentregistry.domain.paging.PageRequest;
import org.studentregistry.domain.paging.SortOrder;
import org.studentregistry.domain.paging.SortOrder.Direction;
import org.studentregistry.domain.student.Student;
import org.studentregistry.persistence.testing.TestDatabase;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.studentregistry.persistence.testing.Repositories.students;

class StudentRepositoryTest {

    private TestDatabase db;

    @BeforeEach
    void createDatabase() {
        db = new TestDatabase();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private Student store(String first, String last, String subject) {
        return db.inTransaction(em -> students(em).save(new Student(first, last, subject)));
    }

    private Page<Student> page(String q, long page, int size, String property, Direction direction) {
        return db.inTransaction(em -> students(em)
                .findPage(q, new PageRequest(page, size, new SortOrder(property, direction))));
    }

    private static List<String> lastNames(Page<Student> page) {
        return page.content().stream().map(Student::getLastName).toList();
    }

    @Test
    void savedStudentGetsIdVersionAndTimestamps() {
        Student saved = store("Ada", "Lovelace", "Mathematics");

        Student found = db.inTransaction(em -> students(em).findById(saved.getId()).orElseThrow());
        assertEquals("Ada", found.getFirstName());
        assertEquals("Lovelace", found.getLastName());
        assertEquals("Mathematics", found.getSubject());
        assertEquals(1, found.getVersion());
        assertNotNull(found.getCreatedAt());
        assertEquals(found.getCreatedAt(), found.getUpdatedAt());
    }

    @Test
    void findByIdOfUnknownStudentIsEmpty() {
        assertTrue(db.inTransaction(em -> students(em).findById(999)).isEmpty());
    }

    @Test
    void updatingAStudentIncrementsItsVersion() {
        Student saved = store("Ada", "Lovelace", "Mathematics");
        saved.setSubject("Computing");

        Student updated = db.inTransaction(em -> students(em).save(saved));

        assertEquals(2, updated.getVersion());
        assertEquals("Computing", db.inTransaction(em -> em.find(Student.class, saved.getId())).getSubject());
    }

    @Test
    void pagesAreOrderedWithIdBreakingTies() {
        Student first = store("Ada", "Same", "Art");
        Student second = store("Bob", "Same", "Art");
        store("Cy", "Alpha", "Art");

        Page<Student> ascending = page(null, 0, 10, "lastName", Direction.ASC);
        assertEquals(List.of("Alpha", "Same", "Same"), lastNames(ascending));
        assertEquals(first.getId(), ascending.content().get(1).getId());
        assertEquals(second.getId(), ascending.content().get(2).getId());

        Page<Student> descending = page(null, 0, 10, "lastName", Direction.DESC);
        assertEquals(second.getId(), descending.content().get(0).getId());
        assertEquals(first.getId(), descending.content().get(1).getId());
    }

    @Test
    void pagingSplitsTheListAndReportsTheTotal() {
        for (int i = 0; i < 5; i++) {
            store("First" + i, "Last" + i, "Subject");
        }

        Page<Student> middle = page(null, 1, 2, "id", Direction.ASC);
        assertEquals(List.of("Last2", "Last3"), lastNames(middle));
        assertEquals(5, middle.totalElements());
        assertEquals(3, middle.totalPages());
        assertTrue(middle.hasNext());
        assertTrue(middle.hasPrevious());

        Page<Student> last = page(null, 2, 2, "id", Direction.ASC);
        assertEquals(List.of("Last4"), lastNames(last));
        assertFalse(last.hasNext());
    }

    @Test
    void everyPageInEitherDirectionTogetherGiveTheWholeOrderedList() {
        List<String> names = List.of("Cole", "Adams", "Baker", "Adams", "Dunn", "Baker", "Adams");
        for (String name : names) {
            store("First", name, "Subject");
        }
        for (Direction direction : Direction.values()) {
            List<Student> expected = db.inTransaction(em -> em.createQuery(
                    "SELECT s FROM Student s ORDER BY s.lastName " + direction + ", s.id " + direction, Student.class)
                    .getResultList());
            List<Long> paged = new ArrayList<>();
            for (int page = 0; page < 4; page++) {
                page(null, page, 2, "lastName", direction).content().forEach(s -> paged.add(s.getId()));
            }
            assertEquals(expected.stream().map(Student::getId).toList(), paged, direction.toString());
        }
    }

    @Test
    void namesSortIgnoringCase() {
        store("Ada", "de la Cruz", "Art");
        store("Bob", "Zed", "Art");
        store("Cy", "Baker", "Art");

        assertEquals(List.of("Baker", "de la Cruz", "Zed"), lastNames(page(null, 0, 10, "lastName", Direction.ASC)));
    }

    @Test
    void pagesDeepInALongListReadFromMarksAreTheSameAsCountingFromTheStart() {
        int rows = 4 * 256 + 37;
        db.inTransaction(em -> {
            StudentRepository repository = students(em);
            for (int i = 0; i < rows; i++) {
                // Few distinct names, in both cases, so that marks fall inside runs of equal keys.
                repository.save(new Student("First" + i % 7, (i % 2 == 0 ? "name" : "Name") + i % 13, "S"));
            }
            return null;
        });
        for (String property : List.of("lastName", "id")) {
            for (Direction direction : Direction.values()) {
                String path = property.equals("lastName") ? "s.lastNameKey" : "s.id";
                List<Long> expected = db.inTransaction(em -> em.createQuery("SELECT s.id FROM Student s ORDER BY "
                        + path + " " + direction + ", s.id " + direction, Long.class).getResultList());
                List<Long> paged = db.inTransaction(em -> {
                    // One repository for every page, so that the marks read for the first deep page serve the rest.
                    StudentRepository repository = students(em);
                    List<Long> ids = new ArrayList<>();
                    for (int page = 0; page * 30 < rows; page++) {
                        repository.findPage(null, new PageRequest(page, 30, new SortOrder(property, direction)))
                                .content().forEach(s -> ids.add(s.getId()));
                    }
                    return ids;
                });
                assertEquals(expected, paged, property + " " + direction);
            }
        }
    }

    @Test
    void aPageBeyondTheEndIsEmptyButKnowsTheTotal() {
        store("Ada", "Lovelace", "Mathematics");

        Page<Student> beyond = page(null, Long.MAX_VALUE / 1000, 100, "id", Direction.ASC);

        assertTrue(beyond.isEmpty());
        assertEquals(1, beyond.totalElements());
    }

    @Test
    void searchMatchesFirstOrLastNamePrefixIgnoringCase() {
        store("Ada", "Lovelace", "Mathematics");
        store("Alan", "Turing", "Computing");
        store("Grace", "Adams", "Navy");
        store("Linus", "Torvalds", "Kernels");

        assertEquals(List.of("Adams", "Lovelace"), lastNames(page("ADA", 0, 10, "lastName", Direction.ASC)));
        assertEquals(List.of("Torvalds", "Turing"), lastNames(page(" t ", 0, 10, "lastName", Direction.ASC)));
        assertEquals(2, page("ada", 0, 10, "id", Direction.ASC).totalElements());
    }

    @Test
    void searchTreatsWildcardsLiterally() {
        store("Ada", "Lovelace", "Mathematics");
        store("50%", "Off", "Sales");

        assertEquals(List.of("Off"), lastNames(page("50%", 0, 10, "id", Direction.ASC)));
        assertTrue(page("%", 0, 10, "id", Direction.ASC).isEmpty());
        assertTrue(page("_da", 0, 10, "id", Direction.ASC).isEmpty());
    }

    @Test
    void sortingByAnUnknownPropertyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> page(null, 0, 10, "createdAt); DROP TABLE student", Direction.ASC));
    }

    @Test
    void deleteRemovesTheStudent() {
        Student saved = store("Ada", "Lovelace", "Mathematics");

        db.inTransaction(em -> {
            StudentRepository repository = students(em);
            repository.delete(repository.findById(saved.getId()).orElseThrow());
            return null;
        });

        long remaining = db.inTransaction(em -> students(em).count());
        assertEquals(0, remaining);
    }
}
