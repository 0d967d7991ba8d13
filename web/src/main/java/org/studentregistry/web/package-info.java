/**
 * The web application: Faces pages for people, a REST facade for other systems, and the wiring of the database
 * (data source, migration on start, readiness). It changes data only through the service layer.
 */
package org.studentregistry.web;
