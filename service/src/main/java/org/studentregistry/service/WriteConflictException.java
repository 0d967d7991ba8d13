package org.studentregistry.service;

/**
 * A change that met other changes in the database again and again (deadlocks, or locks held too long) and was given
 * up. Nothing was written; the same change is expected to succeed when sent again a moment later.
 */
public class WriteConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WriteConflictException(Throwable cause) {
        super("Other changes kept holding what this change needed, so nothing was saved. Try again in a moment.",
                cause);
    }
}
