package org.studentregistry.web.pages;

import org.studentregistry.domain.paging.Cursor;
import org.studentregistry.domain.paging.Page;
import org.studentregistry.domain.paging.SortOrder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The links of a list page. Page, sort and filters live in the URL ({@code /students?q=ada&page=2&sort=lastName}),
 * so any list a user sees can be bookmarked and shared; defaults are left out to keep the addresses short. Previous
 * and next carry the cursor of the page they lead to where the list has one ({@code after} or {@code before}), so
 * that stepping through a long list costs only the page's rows and never skips or repeats one.
 */
public final class ListLinks {

    private final String path;
    private final Map<String, String> filters;
    private final String pageParameter;
    private final SortOrder sort;
    private final SortOrder defaultSort;
    private final Page<?> page;

    /**
     * @param filters       parameters every link keeps (blank values are left out), in the order given
     * @param pageParameter the name of this list's page parameter ({@code page}, unless the page shows two lists)
     */
    public ListLinks(String path, Map<String, String> filters, String pageParameter, SortOrder sort,
                     SortOrder defaultSort, Page<?> page) {
        this.path = path;
        this.filters = new LinkedHashMap<>(filters);
        this.pageParameter = pageParameter;
        this.sort = sort;
        this.defaultSort = defaultSort;
        this.page = page;
    }

    /** The same list at another page. */
    public String page(long number) {
        return href(sort, number, null);
    }

    public String first() {
        return page(0);
    }

    public String previous() {
        return href(sort, Math.max(0, Math.min(page.number() - 1, page.lastPage())), page.previous());
    }

    public String next() {
        return href(sort, page.number() + 1, page.next());
    }

    public String last() {
        return page(page.lastPage());
    }

    /** The list ordered by a property: ascending first, descending when it is already ascending. */
    public String sortBy(String property) {
        SortOrder target = property.equals(sort.property()) && sort.isAscending()
                ? new SortOrder(property, SortOrder.Direction.DESC)
                : SortOrder.ascending(property);
        return href(target, 0, null);
    }

    /** An arrow for the column the list is ordered by, nothing for the others. */
    public String indicator(String property) {
        if (!property.equals(sort.property())) {
            return "";
        }
        return sort.isAscending() ? "▲" : "▼";
    }

    /** "ascending", "descending" or "none", for the column header's aria-sort. */
    public String ariaSort(String property) {
        if (!property.equals(sort.property())) {
            return "none";
        }
        return sort.isAscending() ? "ascending" : "descending";
    }

    private String href(SortOrder order, long number, Cursor cursor) {
        StringJoiner params = new StringJoiner("&", "?", "").setEmptyValue("");
        filters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                params.add(name + "=" + encode(value.strip()));
            }
        });
        if (number > 0) {
            params.add(pageParameter + "=" + number);
        }
        if (cursor != null) {
            params.add((cursor.side() == Cursor.Side.AFTER ? "after=" : "before=") + cursor.token());
        }
        if (!order.equals(defaultSort)) {
            params.add("sort=" + encode(order.isAscending() ? order.property() : order.toString()));
        }
        return path + params;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
