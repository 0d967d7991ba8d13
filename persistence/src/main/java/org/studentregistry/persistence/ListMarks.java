package org.studentregistry.persistence;

import java.util.List;

/**
 * Every {@value #SPACING}th row of an unfiltered list in ascending order of one sort path: where it stands, its sort
 * key and its id. Derby's OFFSET walks the index entry by entry, so a page in the middle of a million rows would skip
 * half a million entries; starting from the nearest mark it skips fewer than {@value #SPACING}.
 *
 * <p>Marks are taken from the table as it was when they were read ({@code generation} of the repository's changes).
 * Until they are read again, a page deep in a list that has changed since may be out by the rows added or removed
 * before it, as any page of a changing list is between two clicks. The ends of a list never use marks, so the first
 * and last pages are always exact.
 *
 * @param marks      ascending by position
 * @param generation the repository's change count when the marks were read
 * @param readAt     {@link System#nanoTime()} when they were read
 */
record ListMarks(List<Mark> marks, long generation, long readAt) {

    /** The distance between two marks; a page starting from a mark skips fewer rows than this. */
    static final int SPACING = 256;

    /** One marked row: its zero-based position in the ascending list, its sort key and its id. */
    record Mark(long position, Object key, long id) {
    }

    ListMarks {
        marks = List.copyOf(marks);
    }

    /** The last mark at or before {@code position}, or null when the first mark comes after it. */
    Mark atOrBefore(long position) {
        int low = 0;
        int high = marks.size() - 1;
        Mark found = null;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            Mark mark = marks.get(middle);
            if (mark.position() <= position) {
                found = mark;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }
}
