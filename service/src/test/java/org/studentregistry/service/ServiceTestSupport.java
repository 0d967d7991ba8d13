package org.studentregistry.service;

import jakarta.persistence.EntityManager;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.studentregistry.persistence.testing.TestDatabase;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Services on a fresh, migrated Derby database for each test; each call runs in its own transaction, as the
 * container's {@code @Transactional} would run it.
 */
public abstract class ServiceTestSupport<S> {

    private static ValidatorFactory validation;
    protected TestDatabase db;
    private final BiFunction<EntityManager, Validator, S> factory;

    protected ServiceTestSupport(BiFunction<EntityManager, Validator, S> factory) {
        this.factory = factory;
    }

    @BeforeAll
    static void startValidation() {
        validation = Validation.buildDefaultValidatorFactory();
    }

    @AfterAll
    static void stopValidation() {
        validation.close();
    }

    @BeforeEach
    void createDatabase() {
        db = new TestDatabase();
    }

    @AfterEach
    void dropDatabase() {
        if (db != null) { // null when the run was skipped for want of a PostgreSQL server
            db.close();
        }
    }

    protected <R> R call(Function<S, R> work) {
        return db.inTransaction(em -> work.apply(factory.apply(em, validation.getValidator())));
    }

    protected void run(java.util.function.Consumer<S> work) {
        call(s -> {
            work.accept(s);
            return null;
        });
    }
}
