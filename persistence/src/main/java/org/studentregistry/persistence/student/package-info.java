/**
 * Storage of the student aggregate.
 */
package org.studentregistry.persistence.student;
