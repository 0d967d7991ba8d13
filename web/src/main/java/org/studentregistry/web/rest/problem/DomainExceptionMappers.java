package org.studentregistry.web.rest.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.studentregistry.service.DuplicateValueException;
import org.studentregistry.service.InvalidInputException;
import org.studentregistry.service.InvalidInputException.FieldError;
import org.studentregistry.service.RecordNotFoundException;
import org.studentregistry.service.StaleVersionException;
import org.studentregistry.service.WriteConflictException;

import java.util.List;

/**
 * The service layer's outcomes as HTTP: not found is 404, a stale version 409, invalid input 400, a value another
 * record already has 409 naming the field, a change given up over other writers' locks 503 to send again.
 */
public final class DomainExceptionMappers {

    private DomainExceptionMappers() {
    }

    @Provider
    public static class NotFound implements ExceptionMapper<RecordNotFoundException> {
        @Override
        public Response toResponse(RecordNotFoundException e) {
            return Problem.typed("not-found", "Not found", Status.NOT_FOUND, e.getMessage()).toResponse().build();
        }
    }

    @Provider
    public static class StaleVersion implements ExceptionMapper<StaleVersionException> {
        @Override
        public Response toResponse(StaleVersionException e) {
            return Problem.typed("stale-version", "Stale version", Status.CONFLICT,
                    e.getMessage() + " Read it again and reapply your change.").toResponse().build();
        }
    }

    @Provider
    public static class InvalidInput implements ExceptionMapper<InvalidInputException> {
        @Override
        public Response toResponse(InvalidInputException e) {
            return Problem.typed("invalid-input", "Invalid input", Status.BAD_REQUEST, e.getMessage())
                    .withErrors(e.errors()).toResponse().build();
        }
    }

    @Provider
    public static class DuplicateValue implements ExceptionMapper<DuplicateValueException> {
        @Override
        public Response toResponse(DuplicateValueException e) {
            return Problem.typed("duplicate-value", "Duplicate value", Status.CONFLICT, e.getMessage())
                    .withErrors(List.of(new FieldError(e.field(), e.getMessage()))).toResponse().build();
        }
    }

    @Provider
    public static class WriteConflict implements ExceptionMapper<WriteConflictException> {
        @Override
        public Response toResponse(WriteConflictException e) {
            return Problem.typed("write-conflict", "Busy", Status.SERVICE_UNAVAILABLE, e.getMessage()).toResponse()
                    .header("Retry-After", WriteConflictException.RETRY_AFTER_SECONDS).build();
        }
    }
}
