package org.studentregistry.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.studentregistry.service.Causes;
import org.studentregistry.service.WriteConflictException;
import org.studentregistry.web.Incidents;
import org.studentregistry.web.database.DatabaseOutage;

import java.util.Map;

/**
 * The apology page's incident: an id the visitor can quote, logged once with the failure it stands for, so that
 * the people who run the site find the details (never shown on the page) by that id.
 */
@Named
@RequestScoped
public class ErrorView {

    private String incident;

    /**
     * Whether the failure was the database being out of reach: then the page says to retry, with status 503 and
     * {@code Retry-After}, and no incident is logged for it.
     */
    public boolean isUnavailable() {
        boolean unavailable = isCommitInDoubt()
                || failure() instanceof Throwable t && DatabaseOutage.isCause(t);
        if (unavailable) {
            answerRetryLater(DatabaseOutage.RETRY_AFTER_SECONDS);
        }
        return unavailable;
    }

    /**
     * Whether the visitor's change met other changes again and again and was given up, nothing saved: then the page
     * says to send it again, with status 503 and {@code Retry-After}, and no incident is logged for it.
     */
    public boolean isBusy() {
        boolean busy = failure() instanceof Throwable t && isWriteConflict(t);
        if (busy) {
            answerRetryLater(WriteConflictException.RETRY_AFTER_SECONDS);
        }
        return busy;
    }

    /* 503 with Retry-After, while the response can still take them. */
    private static void answerRetryLater(int seconds) {
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        if (!context.isResponseCommitted()) {
            context.setResponseStatus(503);
            context.setResponseHeader("Retry-After", String.valueOf(seconds));
        }
    }

    private static boolean isWriteConflict(Throwable failure) {
        return Causes.of(failure).anyMatch(WriteConflictException.class::isInstance);
    }

    /** Whether the database went away while committing the visitor's change, which may or may not be stored. */
    public boolean isCommitInDoubt() {
        return failure() instanceof Throwable t && DatabaseOutage.isCommitInDoubt(t);
    }

    private static Object failure() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestMap()
                .get("jakarta.servlet.error.exception");
    }

    public String getIncident() {
        if (incident == null) {
            Map<String, Object> request = FacesContext.getCurrentInstance().getExternalContext().getRequestMap();
            incident = Incidents.log("page " + request.get("jakarta.servlet.error.request_uri"),
                    failure() instanceof Throwable t ? t : null);
        }
        return incident;
    }
}
