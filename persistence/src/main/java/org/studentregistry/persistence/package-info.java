/**
 * Repositories: the queries of the registry, written once on the EntityManager. No query loads a whole table.
 */
package org.studentregistry.persistence;
