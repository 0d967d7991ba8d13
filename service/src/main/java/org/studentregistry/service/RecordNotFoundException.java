package org.studentregistry.service;

/** The record asked for does not exist (any more). */
public class RecordNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RecordNotFoundException(String kind, Object id) {
        super(kind + " " + id + " was not found.");
    }
}
