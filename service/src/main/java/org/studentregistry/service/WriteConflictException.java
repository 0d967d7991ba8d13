package org.studentregistry.service;

/**
 * A change that met other changes in the database again and again (deadlocks, or locks held too long) and was given
 * up. Nothing was written; the same change is expected to succeed when sent again a moment later.
 */
public class WriteConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** How soon to send the change again: the service has run it a few times already, and the others are done. */
    public static final int RETRY_AFTER_SECONDS = 1;

    public WriteConflictException(Throwable cause) {
        super("Other changes kept holding what this change needed, so nothing was saved. Try again in a moment.",
                cause);
    }
}
