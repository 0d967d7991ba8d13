package org.studentregistry.domain.paging;

import java.util.Locale;
import java.util.Objects;

/**
 * The order of a list: one property, ascending or descending. Repositories add the id as the tie-breaker, so every
 * order is total and a row never appears on two pages.
 */
public record SortOrder(String property, Direction direction) {

    public enum Direction {
        ASC, DESC;

        /** "asc" or "desc", in any case; anything else is refused. */
        public static Direction parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "asc" -> ASC;
                case "desc" -> DESC;
                default -> throw new IllegalArgumentException("sort direction must be asc or desc, not '" + text + "'");
            };
        }
    }

    public SortOrder {
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(direction, "direction");
    }

    public static SortOrder ascending(String property) {
        return new SortOrder(property, Direction.ASC);
    }

    public boolean isAscending() {
        return direction == Direction.ASC;
    }

    /** The form used in URLs: {@code lastName,asc}. */
    @Override
    public String toString() {
        return property + "," + direction.name().toLowerCase(Locale.ROOT);
    }
}
