package org.studentregistry.domain.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, with the total the list has (so that callers can show "page 3 of 12" and link to the last)
 * and, for a list that is paged by cursor, the cursors of the pages on either side of it.
 *
 * @param number   the page's number from 0, as far as it is known: a page read from a cursor keeps the number its
 *                 link carried, within the pages there are
 * @param previous the cursor of the page before, or null when there is none or the list is paged by number
 * @param next     the cursor of the page after, or null when there is none or the list is paged by number
 */
public record Page<T>(List<T> content, long totalElements, PageRequest request, long number, Cursor previous,
                      Cursor next) {

    public Page {
        content = List.copyOf(content);
    }

    /** A page found by number: the pages beside it are found by number too. */
    public Page(List<T> content, long totalElements, PageRequest request) {
        this(content, totalElements, request, request.page(), null, null);
    }

    /** At least one, so that an empty list still has a first (and last) page to show. */
    public long totalPages() {
        return Math.max(1, (totalElements + request.size() - 1) / request.size());
    }

    public long lastPage() {
        return totalPages() - 1;
    }

    public boolean hasPrevious() {
        return previous != null || number > 0;
    }

    public boolean hasNext() {
        return next != null || number < lastPage();
    }

    public boolean isEmpty() {
        return content.isEmpty();
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(content.stream().<R>map(mapper).toList(), totalElements, request, number, previous, next);
    }
}
