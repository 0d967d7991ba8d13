package org.studentregistry.web;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Unexpected failures, on a page or in the API: each is logged once with a new id, and only the id reaches the
 * visitor, who can quote it to the people who run the site.
 */
public final class Incidents {

    private static final Logger LOG = Logger.getLogger(Incidents.class.getName());

    private Incidents() {
    }

    /** Logs the failure (which may be unknown) at {@code where}, and returns the incident id that names it. */
    public static String log(String where, Throwable failure) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure at " + where + ", incident " + incident, failure);
        return incident;
    }
}
