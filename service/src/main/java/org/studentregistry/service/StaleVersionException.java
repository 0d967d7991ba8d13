package org.studentregistry.service;

/**
 * A change was made from a version of a record that is no longer the current one: someone else changed it in the
 * meantime. Nothing was written; the caller decides, with the current version in hand, what to do.
 */
public class StaleVersionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long currentVersion;

    public StaleVersionException(String kind, Object id, long expectedVersion, long currentVersion) {
        super(kind + " " + id + " was changed by someone else (version " + expectedVersion
                + " was edited, the current version is " + currentVersion + ").");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
