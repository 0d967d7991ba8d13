/**
 * Storage of the user aggregate.
 */
package org.studentregistry.persistence.user;
