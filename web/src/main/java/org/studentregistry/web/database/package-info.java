/**
 * The registry's database as the application sees it: the data source, the migrations applied on start, the
 * readiness that depends on both, and a clean shutdown of embedded Derby on undeploy.
 */
package org.studentregistry.web.database;
