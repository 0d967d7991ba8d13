package org.studentregistry.service.student;

import org.junit.jupiter.api.Test;
import org.studentregistry.domain.paging.PageRequest;
import org.studentregistry.domain.paging.SortOrder;
import org.studentregistry.domain.student.Student;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.service.InvalidInputException.FieldError;
import org.studentregistry.service.RecordNotFoundException;
import org.studentregistry.service.ServiceTestSupport;
import org.studentregistry.service.StaleVersionException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.studentregistry.persistence.testing.Repositories.students;

class StudentServiceTest extends ServiceTestSupport<StudentService> {

    StudentServiceTest() {
        super((em, validator) -> new StudentService(students(em), validator));
    }

    @Test
    void createStoresTrimmedDetails() {
        Student created = call(s -> s.create(new Student("  Ada ", "Lovelace\t", " Mathematics")));

        assertNotNull(created.getId());
        Student stored = call(s -> s.get(created.getId()));
        assertEquals("Ada", stored.getFirstName());
        assertEquals("Lovelace", stored.getLastName());
        assertEquals("Mathematics", stored.getSubject());
        assertEquals(1L, (long) call(StudentService::count));
    }

    @Test
    void createFromDetailsThatCarryAnIdAndVersionStoresANewRecord() {
        Student first = call(s -> s.create(new Student("Ada", "Lovelace", "Mathematics")));
        Student changed = call(s -> s.update(first.getId(), null, new Student("Ada", "King", "Mathematics")));

        Student created = call(s -> s.create(changed));

        assertNotEquals(first.getId(), created.getId());
        assertEquals(1, created.getVersion());
        assertEquals("King", call(s -> s.get(created.getId())).getLastName());
        assertEquals(2L, (long) call(StudentService::count));
    }

    @Test
    void createWithInvalidFieldsReportsEachFieldAndStoresNothing() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> call(s -> s.create(new Student("   ", null, "x".repeat(101)))));

        assertEquals(List.of(
                new FieldError("firstName", "First name is required."),
                new FieldError("lastName", "Last name is required."),
                new FieldError("subject", "Subject must be at most 100 characters.")), e.errors());
        assertEquals(0L, (long) call(StudentService::count));
    }

    @Test
    void getOfAnUnknownStudentIsNotFound() {
        RecordNotFoundException e = assertThrows(RecordNotFoundException.class, () -> call(s -> s.get(77)));
        assertEquals("Student 77 was not found.", e.getMessage());
    }

    @Test
    void updateFromTheCurrentVersionSucceedsAndBumpsTheVersion() {
        Student created = call(s -> s.create(new Student("Ada", "Lovelace", "Mathematics")));

        Student updated = call(s -> s.update(created.getId(), created.getVersion(),
                new Student("Ada", "King", "Mathematics")));

        assertEquals(created.getVersion() + 1, updated.getVersion());
        assertEquals("King", call(s -> s.get(created.getId())).getLastName());
    }

    @Test
    void updateFromAStaleVersionIsRefusedAndChangesNothing() {
        Student created = call(s -> s.create(new Student("Ada", "Lovelace", "Mathematics")));
        call(s -> s.update(created.getId(), created.getVersion(), new Student("Ada", "King", "Mathematics")));

        StaleVersionException e = assertThrows(StaleVersionException.class, () -> call(s ->
                s.update(created.getId(), created.getVersion(), new Student("Ada", "Byron", "Poetry"))));

        assertEquals(created.getVersion() + 1, e.currentVersion());
        assertEquals("King", call(s -> s.get(created.getId())).getLastName());
    }

    @Test
    void updateWithInvalidDetailsChangesNothing() {
        Student created = call(s -> s.create(new Student("Ada", "Lovelace", "Mathematics")));

        assertThrows(InvalidInputException.class,
                () -> call(s -> s.update(created.getId(), null, new Student("Ada", "", "Mathematics"))));

        Student stored = call(s -> s.get(created.getId()));
        assertEquals("Lovelace", stored.getLastName());
        assertEquals(created.getVersion(), stored.getVersion());
    }

    @Test
    void updateOfAnUnknownStudentIsNotFound() {
        assertThrows(RecordNotFoundException.class,
                () -> call(s -> s.update(5, null, new Student("Ada", "Lovelace", "Mathematics"))));
    }

    @Test
    void deleteRemovesTheStudentAndRefusesAStaleVersion() {
        Student created = call(s -> s.create(new Student("Ada", "Lovelace", "Mathematics")));

        assertThrows(StaleVersionException.class, () -> run(s -> s.delete(created.getId(), created.getVersion() + 5)));
        run(s -> s.delete(created.getId(), created.getVersion()));

        assertThrows(RecordNotFoundException.class, () -> call(s -> s.get(created.getId())));
    }

    @Test
    void listSearchesAndPages() {
        call(s -> s.create(new Student("Ada", "Lovelace", "Mathematics")));
        call(s -> s.create(new Student("Alan", "Turing", "Computing")));

        var page = call(s -> s.list("lov", new PageRequest(0, 20, SortOrder.ascending("lastName"))));

        assertEquals(1, page.totalElements());
        assertEquals("Lovelace", page.content().get(0).getLastName());
    }
}
