/**
 * The book aggregate. Book is the aggregate root; "all books by this author" is its example query.
 */
package org.studentregistry.domain.book;
