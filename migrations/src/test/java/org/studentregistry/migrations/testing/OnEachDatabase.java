package org.studentregistry.migrations.testing;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test that runs once on each database the registry supports ("on derby", "on postgresql"), each time on a fresh
 * {@link TestDatabase} given as a parameter (the same one to the {@code @BeforeEach} methods) and dropped after it.
 * Without PostgreSQL settings the PostgreSQL run is skipped, loudly; on CI it fails instead.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(EachDatabase.class)
public @interface OnEachDatabase {
}
