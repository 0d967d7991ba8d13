/**
 * Entities that map what the registry's own do not yet (a LOB, an embeddable, an enum by its ordinal, a relation), so
 * that the tests can show the schema check reads them from the JPA provider. Not the application's.
 */
package org.studentregistry.migrations.mapping;
