package org.studentregistry.domain.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, with the total the list has, so that callers can show "page 3 of 12" and link to the last.
 */
public record Page<T>(List<T> content, long totalElements, PageRequest request) {

    public Page {
        content = List.copyOf(content);
    }

    /** At least one, so that an empty list still has a first (and last) page to show. */
    public long totalPages() {
        return Math.max(1, (totalElements + request.size() - 1) / request.size());
    }

    public long number() {
        return request.page();
    }

    public long lastPage() {
        return totalPages() - 1;
    }

    public boolean hasPrevious() {
        return request.page() > 0;
    }

    public boolean hasNext() {
        return request.page() < lastPage();
    }

    public boolean isEmpty() {
        return content.isEmpty();
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(content.stream().<R>map(mapper).toList(), totalElements, request);
    }
}
