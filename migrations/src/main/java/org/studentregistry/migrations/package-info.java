/**
 * The schema's history as Flyway migrations, and the one way the application (and, later, the command line)
 * applies them. Each {@code V<n>__*.sql} has a {@code U<n>__*.sql} beside it that undoes it.
 */
package org.studentregistry.migrations;
