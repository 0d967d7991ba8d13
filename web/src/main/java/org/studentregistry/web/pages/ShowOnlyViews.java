package org.studentregistry.web.pages;

import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIForm;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;

import java.util.Iterator;

/**
 * Keeps no state for a page that has no form to post back (lists, the home page, the error pages). Faces would
 * otherwise store the state of every page it renders in an HTTP session, one per visitor that sends no cookie: under
 * load, thousands of sessions filled the heap within seconds. Registered in faces-config.xml, before each rendering.
 */
public class ShowOnlyViews implements SystemEventListener {

    @Override
    public boolean isListenerForSource(Object source) {
        return source instanceof UIViewRoot;
    }

    @Override
    public void processEvent(SystemEvent event) {
        UIViewRoot view = (UIViewRoot) event.getSource();
        if (!containsForm(view)) {
            view.setTransient(true);
        }
    }

    private static boolean containsForm(UIComponent component) {
        if (component instanceof UIForm) {
            return true;
        }
        for (Iterator<UIComponent> parts = component.getFacetsAndChildren(); parts.hasNext(); ) {
            if (containsForm(parts.next())) {
                return true;
            }
        }
        return false;
    }
}
