package org.studentregistry.persistence;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Values derived from the database and kept in memory by key, for what costs too much to read on every request (a
 * table's row count, the marks of a long list, the list of all authors).
 *
 * <p>A value not kept yet is read by one caller while the others wait for it, as each of them reading it too would
 * only slow that one down. A stale value is read again by one caller while the others go on with the kept one. At
 * most {@code capacity} values are kept: past that all are dropped and read again as they are asked for, so that keys
 * chosen by clients (page numbers, say) cannot fill the heap.
 *
 * @param <K> the key
 * @param <V> the value, which carries what its staleness is judged by (when and from which table state it was read)
 */
public final class KeptValues<K, V> {

    private final ConcurrentMap<K, V> values = new ConcurrentHashMap<>();
    private final ConcurrentMap<K, ReentrantLock> readers = new ConcurrentHashMap<>();
    private final int capacity;

    public KeptValues(int capacity) {
        this.capacity = capacity;
    }

    /**
     * The value kept for {@code key}, read with {@code read} when none is kept, or when the kept one is stale and no
     * other caller is reading it already. An exception from {@code read} reaches the caller that read.
     */
    public V get(K key, Predicate<? super V> isStale, Supplier<? extends V> read) {
        V current = values.get(key);
        if (current != null && !isStale.test(current)) {
            return current;
        }
        ReentrantLock reader = readers.computeIfAbsent(key, k -> new ReentrantLock());
        if (current == null) {
            reader.lock();
        } else if (!reader.tryLock()) {
            return current;
        }
        try {
            V latest = values.get(key);
            if (latest != null && latest != current) {
                return latest;
            }
            V value = read.get();
            if (values.size() >= capacity) {
                values.clear();
                readers.clear();
            }
            values.put(key, value);
            return value;
        } finally {
            reader.unlock();
        }
    }

    /** The value kept for {@code key}, stale or not; null when none is. */
    public V kept(K key) {
        return values.get(key);
    }
}
