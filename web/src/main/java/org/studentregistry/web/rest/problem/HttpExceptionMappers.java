package org.studentregistry.web.rest.problem;

import jakarta.annotation.Priority;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.json.stream.JsonParsingException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.studentregistry.service.Causes;
import org.studentregistry.web.Incidents;
import org.studentregistry.web.database.DatabaseOutage;


import java.io.IOException;
import java.util.logging.Logger;

/**
 * Failures of the HTTP exchange itself (unknown path, wrong method or media type, unreadable JSON) and anything
 * unexpected, as problem details.
 */
public final class HttpExceptionMappers {

    private static final Logger LOG = Logger.getLogger(HttpExceptionMappers.class.getName());

    private static final String UNREADABLE_BODY = "The request body is not valid JSON for this resource.";

    private HttpExceptionMappers() {
    }

    /**
     * Keeps the status (and headers such as Allow) the runtime chose, and replaces its body; a response that is
     * already a problem (a malformed precondition, say) is kept as it is.
     */
    @Provider
    public static class HttpStatus implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            if (original.getStatus() < 400 || original.getEntity() instanceof Problem) {
                return original;
            }
            if (isUnreadableBody(e)) {
                return unreadableBody(e);
            }
            Problem problem = original.getStatus() == Status.PRECONDITION_FAILED.getStatusCode()
                    ? Problem.of(original.getStatusInfo(), e.getMessage())
                    : Problem.ofStatus(original.getStatus());
            Response.ResponseBuilder response = problem.toResponse();
            for (String header : new String[]{HttpHeaders.ALLOW, HttpHeaders.ETAG}) {
                if (original.getHeaderString(header) != null) {
                    response.header(header, original.getHeaderString(header));
                }
            }
            return response.build();
        }
    }

    /** JSON that cannot be read, whichever layer noticed. */
    @Provider
    public static class UnreadableJson implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return unreadableBody(e);
        }
    }

    @Provider
    public static class Processing implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            if (isUnreadableBody(e)) {
                return unreadableBody(e);
            }
            return Unexpected.log(e);
        }
    }

    /**
     * A transaction that could not begin or commit, answered as {@link Unexpected} answers. Jersey brings a mapper of
     * its own for this type, which answers a failed commit with a bare 500; the higher priority makes this one
     * chosen instead, on any JAX-RS runtime.
     */
    @Provider
    @Priority(Priorities.USER - 1)
    public static class Transaction implements ExceptionMapper<TransactionalException> {
        @Override
        public Response toResponse(TransactionalException e) {
            return Unexpected.log(e);
        }
    }

    /**
     * The last resort: a 500 with an id to quote, and the details in the log only; or, when the database cannot be
     * reached, a 503 to retry.
     */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            return log(e);
        }

        static Response log(Throwable e) {
            Problem problem = problemFor(e);
            Response.ResponseBuilder response = problem.toResponse();
            if (problem.status() == Status.SERVICE_UNAVAILABLE.getStatusCode()) {
                response.header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS);
            }
            return response.build();
        }

        /** Answers a failure outside JAX-RS (a servlet filter, the authentication mechanism) as {@link #log} does. */
        public static void writeTo(Throwable e, HttpServletResponse response) throws IOException {
            Problem problem = problemFor(e);
            if (problem.status() == Status.SERVICE_UNAVAILABLE.getStatusCode()) {
                response.setHeader("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
            }
            problem.writeTo(response);
        }

        /**
         * The problem a failure is answered with: a 503 while the database cannot be reached (saying so when a commit
         * was cut and may have taken effect), else an incident.
         */
        static Problem problemFor(Throwable e) {
            if (DatabaseOutage.isCommitInDoubt(e)) {
                LOG.warning(() -> "The API answered 503: a commit was cut, its outcome is unknown (" + e + ")");
                return Problem.typed("commit-in-doubt", "Outcome unknown", Status.SERVICE_UNAVAILABLE,
                        DatabaseOutage.IN_DOUBT_MESSAGE);
            }
            if (DatabaseOutage.isCause(e)) {
                LOG.warning(() -> "The API answered 503: the database cannot be reached (" + e + ")");
                return Problem.of(Status.SERVICE_UNAVAILABLE, DatabaseOutage.MESSAGE);
            }
            return logged(e);
        }

        /** Logs an unexpected failure as an incident, and the problem that quotes it. */
        static Problem logged(Throwable e) {
            String incident = Incidents.log("the API", e);
            return Problem.of(Status.INTERNAL_SERVER_ERROR,
                    "The server failed to answer this request. Incident " + incident + " was logged.");
        }
    }

    /* Says what was wrong where the API's binding knows it; the JSON layers' own messages name their classes. */
    private static Response unreadableBody(Throwable e) {
        String detail = Causes.of(e).filter(WrongValueKindException.class::isInstance).findFirst()
                .map(refused -> UNREADABLE_BODY + " " + refused.getMessage()).orElse(UNREADABLE_BODY);
        return Problem.of(Status.BAD_REQUEST, detail).toResponse().build();
    }

    private static boolean isUnreadableBody(Throwable e) {
        return Causes.of(e).anyMatch(t -> t instanceof JsonbException || t instanceof JsonParsingException
                || t instanceof jakarta.json.JsonException);
    }
}
