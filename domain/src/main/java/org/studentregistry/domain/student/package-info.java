/**
 * The student aggregate. Student is the aggregate root.
 */
package org.studentregistry.domain.student;
