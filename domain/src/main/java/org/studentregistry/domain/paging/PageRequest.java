package org.studentregistry.domain.paging;

import java.util.Objects;

/**
 * Which page of a list a caller wants: a zero-based page number, a page size and an order, and optionally a
 * {@link Cursor} the page starts after or ends before.
 *
 * <p>Without a cursor the page number says where the page is: it costs the rows before it (or after it, for a page
 * in the far half of the list). With one, the cursor says where the page is and the number is only what to call it
 * ("page 7 of 9"), as it was when the link was made.
 *
 * <p>The bounds are checked here, once, for every list of the application: a size of 1 to {@value #MAX_SIZE}
 * keeps each response small whatever a client asks for.
 */
public record PageRequest(long page, int size, SortOrder sort, Cursor cursor) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
        Objects.requireNonNull(sort, "sort");
        if (cursor != null && !cursor.property().equals(sort.property())) {
            throw new IllegalArgumentException("the cursor belongs to a list ordered by " + cursor.property());
        }
    }

    /** A page by its number alone. */
    public PageRequest(long page, int size, SortOrder sort) {
        this(page, size, sort, null);
    }

    /**
     * The index of the first row of this page when counted from the start; may be beyond any table, and is the
     * largest long for a page number too large to multiply out.
     */
    public long offset() {
        return page > Long.MAX_VALUE / size ? Long.MAX_VALUE : page * size;
    }

    /** The same page found by its number. */
    public PageRequest withPage(long number) {
        return new PageRequest(number, size, sort);
    }
}
