/**
 * Storage of the book aggregate, and the authors derived from it.
 */
package org.studentregistry.persistence.book;
