package org.studentregistry.web.pages;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseId;

import java.util.Iterator;

/**
 * A form posted back with a view state that cannot be restored, because it expired with its session, or because
 * it never came from this server (a forged or mangled post), answers with the "page expired" page and status 400:
 * nothing was changed, and the visitor is told to open the form again. Faces would otherwise let such a post end
 * as a failure (500) or, for an expired view, as the error page of its exception. Registered in faces-config.xml.
 */
public class ExpiredViews extends ExceptionHandlerFactory {

    static final String PAGE = "/errors/expired.xhtml";

    public ExpiredViews(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext context = FacesContext.getCurrentInstance();
            for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
                 events.hasNext(); ) {
                ExceptionQueuedEvent event = events.next();
                boolean restoring = event.getContext().getPhaseId() == PhaseId.RESTORE_VIEW;
                if ((restoring && context.isPostback())
                        || event.getContext().getException() instanceof ViewExpiredException) {
                    events.remove();
                    context.getExternalContext().setResponseStatus(400);
                    context.setViewRoot(context.getApplication().getViewHandler().createView(context, PAGE));
                    context.renderResponse();
                }
            }
            getWrapped().handle();
        }
    }
}
