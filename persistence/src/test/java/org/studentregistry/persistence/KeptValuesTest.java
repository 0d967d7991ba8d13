package org.studentregistry.persistence;

import org.junit.jupiter.api.Test;

import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class KeptValuesTest {

    private static final Supplier<String> MUST_NOT_READ = () -> {
        throw new AssertionError("read again although a fresh value is kept");
    };

    @Test
    void aFreshValueIsReadOnceAndAStaleOneAgain() {
        KeptValues<String, String> kept = new KeptValues<>(10);

        assertEquals("a", kept.get("k", v -> false, () -> "a"));
        assertEquals("a", kept.get("k", v -> false, MUST_NOT_READ));
        assertEquals("b", kept.get("k", v -> true, () -> "b"));
    }

    @Test
    void pastItsCapacityEveryValueIsDroppedSoClientChosenKeysCannotFillTheHeap() {
        KeptValues<Integer, String> kept = new KeptValues<>(3);
        for (int page = 0; page < 3; page++) {
            int p = page;
            kept.get(p, v -> false, () -> "page " + p);
        }

        kept.get(3, v -> false, () -> "page 3");

        assertNull(kept.kept(0));
        assertEquals("page 3", kept.kept(3));
    }
}
