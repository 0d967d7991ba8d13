package org.studentregistry.web.testing;

import org.junit.jupiter.api.extension.Extension;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.Optional;

/**
 * The server under test when the build started it and deployed the WAR itself (GlassFish, by asadmin), named by
 * the system properties {@code registry.url} and {@code registry.server}. Without them, each test class gets a
 * Payara Micro of its own from Arquillian.
 */
public final class RunningServer implements Extension {

    private RunningServer() {
    }

    /** The extension that provides the server: this one (nothing to start) or Arquillian's. */
    static Extension extension() {
        return url().isPresent() ? new RunningServer() : new org.jboss.arquillian.junit5.ArquillianExtension();
    }

    public static Optional<URL> url() {
        String url = System.getProperty("registry.url", "");
        try {
            return url.isBlank() ? Optional.empty() : Optional.of(new URL(url));
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("registry.url is not a URL: " + url, e);
        }
    }

    /** The server's name, for messages: the one given with registry.url, else Payara Micro. */
    public static String name() {
        return url().isPresent() ? System.getProperty("registry.server", "the running server") : "Payara Micro";
    }

    /** Whether the server has MicroProfile (OpenAPI, Health): Payara does, a plain Jakarta EE server does not. */
    public static boolean hasMicroProfile() {
        return url().isEmpty();
    }
}
