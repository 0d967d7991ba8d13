package org.studentregistry.web.security;

import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.studentregistry.domain.shared.Settings;

/**
 * Ends a session after {@code registry.session.idle-minutes} (default 30) without a request; the sign-in page then
 * says that the session ended. A setting rather than {@code web.xml}'s timeout, so operators change it without
 * rebuilding the WAR.
 */
@WebListener
public class IdleSessions implements HttpSessionListener {

    static final long DEFAULT_MINUTES = 30;

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        event.getSession().setMaxInactiveInterval((int) (minutes() * 60));
    }

    /** The idle time after which a session ends, in minutes. */
    public static long minutes() {
        return Math.max(1, Settings.number("registry.session.idle-minutes", DEFAULT_MINUTES));
    }
}
