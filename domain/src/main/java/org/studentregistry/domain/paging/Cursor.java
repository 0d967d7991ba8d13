package org.studentregistry.domain.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * A place in an ordered list that a page starts just after or ends just before: one row, named by the property the
 * list is ordered by, that row's value of it and its id.
 *
 * <p>A page read from a cursor costs the rows it shows wherever it is in the list, and its rows follow on from the
 * previous page's however many rows other writers have added or removed elsewhere in the meantime: the database finds
 * the place by value, not by counting. Clients pass it on as an opaque {@link #token()}.
 *
 * @param key the row's value of the sort property, as the list compares it (empty when the list is ordered by id)
 */
public record Cursor(Side side, String property, String key, long id) {

    /** Whether the page holds the rows after the cursor's row or those before it, in the list's order. */
    public enum Side { AFTER, BEFORE }

    public Cursor {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(key, "key");
    }

    /** The cursor as it travels in a URL: base64url, since a key may hold any character. */
    public String token() {
        String plain = property + "\n" + id + "\n" + key;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a token made by {@link #token()}.
     *
     * @throws IllegalArgumentException when the token was not made by {@link #token()}
     */
    public static Cursor parse(Side side, String token) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a list cursor", e);
        }
        String[] parts = plain.split("\n", 3);
        if (parts.length != 3 || parts[0].isEmpty()) {
            throw new IllegalArgumentException("not a list cursor");
        }
        try {
            return new Cursor(side, parts[0], parts[2], Long.parseLong(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a list cursor", e);
        }
    }
}
