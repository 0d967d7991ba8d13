/**
 * {@code registry-db}: the schema and data command line (info, migrate, downgrade, validate, baseline, repair, sql,
 * populate, db-info, serve, create-admin), on the same scripts and code the application uses at start.
 */
package org.studentregistry.migrations.cli;
