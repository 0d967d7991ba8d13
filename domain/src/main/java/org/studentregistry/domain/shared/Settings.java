package org.studentregistry.domain.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * The registry's settings, read the same way on every server and in the command line: a system property of the
 * JVM, or else the environment variable of the same name in upper case with underscores ({@code registry.db.url}
 * or {@code REGISTRY_DB_URL}). These are the default sources of MicroProfile Config too, so a server that has it
 * sees the same values; one that does not still works. A blank value counts as unset.
 */
public final class Settings {

    private Settings() {
    }

    public static Optional<String> get(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** A whole-number setting, or the default; a value that is not a number stops the start with its name. */
    public static long number(String name, long defaultValue) {
        return get(name).map(value -> {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalStateException(name + " must be a whole number, not " + value, e);
            }
        }).orElse(defaultValue);
    }
}
