package org.studentregistry.domain.paging;

import java.util.Objects;

/**
 * Which page of a list a caller wants: a zero-based page number, a page size and an order.
 *
 * <p>The bounds are checked here, once, for every list of the application: a size of 1 to {@value #MAX_SIZE}
 * keeps each response small whatever a client asks for.
 */
public record PageRequest(long page, int size, SortOrder sort) {

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
    }

    /** The index of the first row of this page; may be beyond any table. */
    public long offset() {
        return page * size;
    }
}
