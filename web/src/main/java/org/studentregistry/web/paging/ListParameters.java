package org.studentregistry.web.paging;

import org.studentregistry.domain.paging.Cursor;
import org.studentregistry.domain.paging.PageRequest;
import org.studentregistry.domain.paging.SortOrder;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.service.InvalidInputException.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the paging and sorting parameters of a list request: {@code page} (from 0), {@code size} (1 to 100),
 * {@code sort} ({@code property} or {@code property,asc|desc}), and {@code after} or {@code before}, a cursor from
 * a link of the same list. Absent parameters take their defaults; present but wrong ones are reported together,
 * each with what would have been right.
 */
public final class ListParameters {

    private ListParameters() {
    }

    /** A list request without cursors (a list paged by number alone). */
    public static PageRequest toPageRequest(String page, String size, String sort,
                                            Set<String> sortable, SortOrder defaultSort) {
        return toPageRequest(page, size, sort, null, null, sortable, defaultSort);
    }

    public static PageRequest toPageRequest(String page, String size, String sort, String after, String before,
                                            Set<String> sortable, SortOrder defaultSort) {
        List<FieldError> errors = new ArrayList<>();
        long pageNumber = 0;
        int pageSize = PageRequest.DEFAULT_SIZE;
        SortOrder order = defaultSort;

        if (isGiven(page)) {
            try {
                pageNumber = Long.parseLong(page.strip());
            } catch (NumberFormatException e) {
                pageNumber = -1;
            }
            if (pageNumber < 0 || pageNumber > Long.MAX_VALUE / PageRequest.MAX_SIZE) {
                errors.add(new FieldError("page", "page must be a whole number, 0 or more."));
            }
        }
        if (isGiven(size)) {
            try {
                pageSize = Integer.parseInt(size.strip());
            } catch (NumberFormatException e) {
                pageSize = -1;
            }
            if (pageSize < 1 || pageSize > PageRequest.MAX_SIZE) {
                errors.add(new FieldError("size", "size must be a whole number from 1 to " + PageRequest.MAX_SIZE + "."));
            }
        }
        if (isGiven(sort)) {
            order = parseSort(sort.strip(), sortable, errors);
        }
        Cursor cursor = null;
        if (isGiven(after) && isGiven(before)) {
            errors.add(new FieldError("before", "give after or before, not both."));
        } else if (isGiven(after) || isGiven(before)) {
            cursor = parseCursor(isGiven(after) ? "after" : "before", isGiven(after) ? after : before, order, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new PageRequest(pageNumber, pageSize, order, cursor);
    }

    private static SortOrder parseSort(String sort, Set<String> sortable, List<FieldError> errors) {
        String[] parts = sort.split(",", -1);
        String property = parts[0].strip();
        SortOrder.Direction direction = SortOrder.Direction.ASC;
        boolean valid = parts.length <= 2 && sortable.contains(property);
        if (valid && parts.length == 2) {
            try {
                direction = SortOrder.Direction.parse(parts[1].strip());
            } catch (IllegalArgumentException e) {
                valid = false;
            }
        }
        if (!valid) {
            errors.add(new FieldError("sort", "sort must be one of " + String.join(", ", new TreeSet<>(sortable))
                    + ", optionally followed by ,asc or ,desc."));
            return null;
        }
        return new SortOrder(property, direction);
    }

    private static Cursor parseCursor(String name, String token, SortOrder order, List<FieldError> errors) {
        Cursor.Side side = name.equals("after") ? Cursor.Side.AFTER : Cursor.Side.BEFORE;
        try {
            Cursor cursor = Cursor.parse(side, token.strip());
            if (order == null || cursor.property().equals(order.property())) {
                return cursor;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        errors.add(new FieldError(name, name + " must be a cursor from a Link of this list, in the same sort order."));
        return null;
    }

    private static boolean isGiven(String value) {
        return value != null && !value.isBlank();
    }
}
