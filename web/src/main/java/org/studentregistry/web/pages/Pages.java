package org.studentregistry.web.pages;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.OptionalLong;

/** The few things every page does the same way. */
public final class Pages {

    private Pages() {
    }

    /** Post/redirect/get: the message is shown once, on the page redirected to. */
    public static void redirect(String path, String message) {
        FacesContext context = FacesContext.getCurrentInstance();
        ExternalContext external = context.getExternalContext();
        if (message != null) {
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, message, null));
            external.getFlash().setKeepMessages(true);
        }
        try {
            external.redirect(external.getRequestContextPath() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the request with the friendly 404 page, which shows the message. */
    public static void notFound(String message) {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            context.getExternalContext().responseSendError(404, message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }

    public static void warn(String message) {
        add(FacesMessage.SEVERITY_WARN, null, message);
    }

    /** A message shown beside one field (its client id), or at the top when the id is null. */
    public static void error(String clientId, String message) {
        add(FacesMessage.SEVERITY_ERROR, clientId, message);
    }

    private static void add(FacesMessage.Severity severity, String clientId, String message) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, message, null));
    }

    /** A whole number from a URL parameter (an id, a page), if it is one. */
    public static OptionalLong parseLong(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
