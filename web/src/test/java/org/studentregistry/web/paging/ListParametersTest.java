package org.studentregistry.web.paging;

import org.junit.jupiter.api.Test;
import org.studentregistry.domain.paging.PageRequest;
import org.studentregistry.domain.paging.SortOrder;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.service.InvalidInputException.FieldError;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ListParametersTest {

    private static final Set<String> SORTABLE = Set.of("id", "lastName");
    private static final SortOrder DEFAULT = SortOrder.ascending("id");

    private static PageRequest read(String page, String size, String sort) {
        return ListParameters.toPageRequest(page, size, sort, SORTABLE, DEFAULT);
    }

    @Test
    void absentParametersTakeTheirDefaults() {
        assertEquals(new PageRequest(0, 20, DEFAULT), read(null, null, null));
        assertEquals(new PageRequest(0, 20, DEFAULT), read("", " ", ""));
    }

    @Test
    void givenParametersAreRead() {
        assertEquals(new PageRequest(3, 100, new SortOrder("lastName", SortOrder.Direction.DESC)),
                read("3", "100", "lastName,DESC"));
        assertEquals(new PageRequest(0, 1, SortOrder.ascending("lastName")), read("0", "1", "lastName"));
    }

    @Test
    void everyWrongParameterIsReportedAtOnce() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> read("-1", "101", "password,asc"));

        assertEquals(List.of("page", "size", "sort"), e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void numbersThatAreNotNumbersOrTooLargeAreRefused() {
        assertThrows(InvalidInputException.class, () -> read("1e3", null, null));
        assertThrows(InvalidInputException.class, () -> read("99999999999999999999999", null, null));
        assertThrows(InvalidInputException.class, () -> read(null, "0", null));
        assertThrows(InvalidInputException.class, () -> read(null, null, "lastName,asc,extra"));
        assertThrows(InvalidInputException.class, () -> read(null, null, "lastName,sideways"));
    }
}
