package org.studentregistry.migrations.cli;

/** A failure the user can fix, said in one sentence, without a stack trace; the command exits with status 1. */
public class UsageError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageError(String message) {
        super(message);
    }
}
