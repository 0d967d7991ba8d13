package org.studentregistry.persistence.student;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studentregistry.domain.paging.Cursor;
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
import static org.studentregistry.persistence.testing.Repositories.users;

class StudentRepositoryTest {

    private TestDatabase db;

    @BeforeEach
    void createDatabase() {
        db = new TestDatabase();
    }

    @AfterEach
    void dropDatabase() {
        if (db != null) { // null when the run was skipped for want of a PostgreSQL server
            db.close();
        }
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
    void aRowChangedByAnotherWriterIsReadAsItIsNow() {
        Student saved = store("Ada", "Lovelace", "Mathematics");
        db.inTransaction(em -> students(em).findById(saved.getId()).orElseThrow());

        db.execute("UPDATE student SET subject = 'Poetry', version = version + 1 WHERE id = " + saved.getId());

        Student found = db.inTransaction(em -> students(em).findById(saved.getId()).orElseThrow());
        assertEquals("Poetry", found.getSubject());
        assertEquals(2, found.getVersion());
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
    void followingNextOrPreviousCursorsWalksTheWholeListInEitherOrder() {
        int rows = 137;
        db.inTransaction(em -> {
            StudentRepository repository = students(em);
            for (int i = 0; i < rows; i++) {
                // Few distinct names, in both cases, so that pages break inside runs of equal keys.
                repository.save(new Student("First" + i % 7, (i % 2 == 0 ? "name" : "Name") + i % 13, "S"));
            }
            return null;
        });
        for (String property : List.of("lastName", "id")) {
            for (Direction direction : Direction.values()) {
                SortOrder sort = new SortOrder(property, direction);
                String path = property.equals("lastName") ? "s.lastNameKey" : "s.id";
                List<Long> expected = db.inTransaction(em -> em.createQuery("SELECT s.id FROM Student s ORDER BY "
                        + path + " " + direction + ", s.id " + direction, Long.class).getResultList());

                List<Long> forward = new ArrayList<>();
                Page<Student> page = db.inTransaction(em -> students(em).findPage(null, new PageRequest(0, 10, sort)));
                page.content().forEach(s -> forward.add(s.getId()));
                while (page.next() != null) {
                    PageRequest next = new PageRequest(page.number() + 1, 10, sort, page.next());
                    page = db.inTransaction(em -> students(em).findPage(null, next));
                    page.content().forEach(s -> forward.add(s.getId()));
                }
                assertEquals(expected, forward, property + " " + direction + " forward");
                assertEquals(13, page.number(), "the last page knows its number");

                List<Long> backward = new ArrayList<>(ids(page));
                while (page.previous() != null) {
                    PageRequest previous = new PageRequest(page.number() - 1, 10, sort, page.previous());
                    page = db.inTransaction(em -> students(em).findPage(null, previous));
                    backward.addAll(0, ids(page));
                }
                assertEquals(expected, backward, property + " " + direction + " backward");
                assertEquals(0, page.number());
                assertEquals(10, page.content().size(), "the first page is full");
            }
        }
    }

    @Test
    void theNextPageFollowsOnFromTheLastRowShownWhateverOthersWroteMeanwhile() {
        for (int i = 0; i < 30; i++) {
            store("First", String.format("Name%02d", i), "S");
        }
        SortOrder byName = SortOrder.ascending("lastName");
        Page<Student> first = db.inTransaction(em -> students(em).findPage(null, new PageRequest(0, 10, byName)));
        assertEquals("Name09", lastNames(first).get(9));

        // Another writer adds rows before the reader's place and removes one after it.
        db.execute("INSERT INTO student (first_name, last_name, subject, version, created_at, updated_at)"
                + " VALUES ('X', 'Aaron', 'S', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),"
                + " ('Y', 'Abel', 'S', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        db.execute("DELETE FROM student WHERE last_name = 'Name12'");

        Page<Student> second = db.inTransaction(em -> students(em)
                .findPage(null, new PageRequest(1, 10, byName, first.next())));
        assertEquals(List.of("Name10", "Name11", "Name13", "Name14", "Name15", "Name16", "Name17", "Name18",
                "Name19", "Name20"), lastNames(second));
        assertEquals(31, second.totalElements(), "the total counts the other writer's rows at once");
    }

    @Test
    void aCursorPastTheEndShowsTheLastFullPage() {
        for (int i = 0; i < 25; i++) {
            store("First", String.format("Name%02d", i), "S");
        }
        SortOrder byName = SortOrder.ascending("lastName");
        Page<Student> last = db.inTransaction(em -> students(em).findPage(null, new PageRequest(2, 10, byName)));
        Cursor afterEnd = new Cursor(Cursor.Side.AFTER, "lastName", "name24", last.content().get(4).getId());

        Page<Student> beyond = db.inTransaction(em -> students(em)
                .findPage(null, new PageRequest(3, 10, byName, afterEnd)));

        assertEquals(lastNames(last), lastNames(beyond));
        assertEquals(2, beyond.number());
    }

    private static List<Long> ids(Page<Student> page) {
        return page.content().stream().map(Student::getId).toList();
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
    void aSearchWithAControlCharacterFindsNothingOnEitherDatabase() {
        store("Ada", "Lovelace", "Mathematics");

        // No stored name holds one; PostgreSQL refused the NUL as a parameter ("invalid byte sequence"), a 500.
        for (String q : List.of("Ada\u0000", "\u0000", "Ada\tL")) {
            Page<Student> found = page(q, 0, 10, "id", Direction.ASC);
            assertTrue(found.isEmpty(), q);
            assertEquals(0, found.totalElements(), q);
        }
        assertEquals(0, db.inTransaction(em -> users(em).findPage("\u0000", new PageRequest(0, 10,
                SortOrder.ascending("id")))).totalElements());
        assertTrue(db.inTransaction(em -> users(em).findByUsername("admin\u0000")).isEmpty());
        boolean taken = db.inTransaction(em -> users(em).usernameTaken("admin\u0000", null));
        assertFalse(taken);
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
