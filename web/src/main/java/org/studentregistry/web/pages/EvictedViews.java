package org.studentregistry.web.pages;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Forgets what Mojarra keeps in the session about the {@code @ViewScoped} beans of views it has evicted. Mojarra
 * (4.0.11, in Payara 6 and GlassFish 7) keeps the beans of a session's last 25 views, and destroys those of the
 * eldest when a new one comes; but the record of which beans each view had stays in the session, one entry per view
 * ever opened. A registrar's session grew by about 400 bytes with every form opened, and a replicated session is
 * read and written whole on every request. Runs when a new view's map is made, which is when Mojarra evicts; the
 * session attributes are Mojarra's, so on another Faces implementation this does nothing. Registered in
 * faces-config.xml.
 */
public class EvictedViews implements SystemEventListener {

    private static final String VIEW_MAPS = "com.sun.faces.application.view.activeViewMaps";
    private static final String VIEW_CONTEXTS = "com.sun.faces.application.view.activeViewContexts";

    @Override
    public boolean isListenerForSource(Object source) {
        return source instanceof UIViewRoot;
    }

    @Override
    public void processEvent(SystemEvent event) {
        Map<String, Object> session = FacesContext.getCurrentInstance().getExternalContext().getSessionMap();
        if (session.get(VIEW_MAPS) instanceof Map<?, ?> views && session.get(VIEW_CONTEXTS) instanceof Map<?, ?> contexts) {
            Set<Object> kept;
            synchronized (views) {
                kept = new HashSet<>(views.keySet());
            }
            if (contexts.keySet().retainAll(kept)) {
                // Set again, so that a server that replicates sessions saves the change.
                session.put(VIEW_CONTEXTS, contexts);
            }
        }
    }
}
