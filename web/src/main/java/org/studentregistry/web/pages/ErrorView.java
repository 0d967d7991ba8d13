package org.studentregistry.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The apology page's incident: an id the visitor can quote, logged once with the failure it stands for, so that
 * the people who run the site find the details (never shown on the page) by that id, as with the REST API's 500s.
 */
@Named
@RequestScoped
public class ErrorView {

    private static final Logger LOG = Logger.getLogger(ErrorView.class.getName());

    private String incident;

    public String getIncident() {
        if (incident == null) {
            incident = UUID.randomUUID().toString();
            Map<String, Object> request = FacesContext.getCurrentInstance().getExternalContext().getRequestMap();
            Object failure = request.get("jakarta.servlet.error.exception");
            LOG.log(Level.SEVERE, "Page failure at " + request.get("jakarta.servlet.error.request_uri")
                    + ", incident " + incident, failure instanceof Throwable t ? t : null);
        }
        return incident;
    }
}
