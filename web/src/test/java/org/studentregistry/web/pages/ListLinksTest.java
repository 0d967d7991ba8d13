package org.studentregistry.web.pages;

import org.junit.jupiter.api.Test;
import org.studentregistry.domain.paging.Cursor;
import org.studentregistry.domain.paging.Page;
import org.studentregistry.domain.paging.PageRequest;
import org.studentregistry.domain.paging.SortOrder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ListLinksTest {

    private static final SortOrder BY_LAST_NAME = SortOrder.ascending("lastName");

    private static ListLinks links(String q, SortOrder sort, long page, long total) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", q);
        return new ListLinks("/students", filters, "page", sort, BY_LAST_NAME,
                new Page<>(List.of(), total, new PageRequest(page, 20, sort)));
    }

    @Test
    void defaultsAreLeftOutOfTheAddress() {
        ListLinks links = links(null, BY_LAST_NAME, 1, 100);

        assertEquals("/students", links.first());
        assertEquals("/students", links.previous());
        assertEquals("/students?page=2", links.next());
        assertEquals("/students?page=4", links.last());
    }

    @Test
    void previousAndNextCarryTheCursorsOfTheNeighbouringPages() {
        PageRequest request = new PageRequest(3, 20, BY_LAST_NAME);
        Cursor before = new Cursor(Cursor.Side.BEFORE, "lastName", "lovelace", 7);
        Cursor after = new Cursor(Cursor.Side.AFTER, "lastName", "turing", 9);
        ListLinks links = new ListLinks("/students", Map.of(), "page", BY_LAST_NAME, BY_LAST_NAME,
                new Page<>(List.of(), 100, request, 3, before, after));

        assertEquals("/students?page=2&before=" + before.token(), links.previous());
        assertEquals("/students?page=4&after=" + after.token(), links.next());
        assertEquals("/students?page=4", links.last());
    }

    @Test
    void searchAndSortAreKeptAndEncoded() {
        ListLinks links = links("Zoë & co", new SortOrder("subject", SortOrder.Direction.DESC), 0, 45);

        assertEquals("/students?q=Zo%C3%AB+%26+co&page=2&sort=subject%2Cdesc", links.last());
    }

    @Test
    void sortingByTheCurrentColumnReversesItAndStartsAtTheFirstPage() {
        ListLinks links = links("ada", BY_LAST_NAME, 3, 100);

        assertEquals("/students?q=ada&sort=lastName%2Cdesc", links.sortBy("lastName"));
        assertEquals("/students?q=ada&sort=firstName", links.sortBy("firstName"));
        assertEquals("▲", links.indicator("lastName"));
        assertEquals("", links.indicator("firstName"));
        assertEquals("ascending", links.ariaSort("lastName"));
    }
}
