/**
 * The databases the migrations are tested on: a fresh in-memory Derby for every test, and a fresh schema in the
 * PostgreSQL database the tests are given ({@link org.studentregistry.migrations.testing.PostgresSettings}); a test
 * marked {@link org.studentregistry.migrations.testing.OnEachDatabase} runs once on each.
 */
package org.studentregistry.migrations.testing;
