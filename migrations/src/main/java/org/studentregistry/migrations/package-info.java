/**
 * The schema's history as Flyway migrations, and {@link org.studentregistry.migrations.SchemaMigrator}, the one way
 * the application and the command line apply them, on Derby or PostgreSQL. The scripts both databases run are in
 * {@code db/migration}; a version whose SQL differs between the two has a script for each in
 * {@code db/vendor/derby} and {@code db/vendor/postgresql}. Each {@code V<n>__*.sql} has a {@code U<n>__*.sql} beside
 * it that undoes it. The scripts and SchemaMigrator are all the application carries of this module (its plain jar); the
 * rest here (downgrade, the schema check and drafts, sample data) serves the {@code registry-db} command line and
 * ships only in its jar.
 */
package org.studentregistry.migrations;
