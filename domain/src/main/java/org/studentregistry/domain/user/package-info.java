/**
 * The user aggregate. User is the aggregate root; username and email are each unique, ignoring case.
 */
package org.studentregistry.domain.user;
