package org.studentregistry.service;

/** A value that must be unique is already taken by another record; names the field and says so in words. */
public class DuplicateValueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public DuplicateValueException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
