package org.studentregistry.service;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * A failure and the causes under it, outermost first. What a server, a JPA provider and a driver mean is often a few
 * wrappings down (a lock conflict's SQL state under a rollback under a transaction error), so each question of the
 * kind "was it, deep down, a ...?" walks this.
 */
public final class Causes {

    /* Causes can form a loop (initCause refuses only the failure itself); no real chain is this deep. */
    private static final int DEEPEST = 64;

    private Causes() {
    }

    public static Stream<Throwable> of(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, Throwable::getCause).limit(DEEPEST);
    }
}
