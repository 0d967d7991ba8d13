/**
 * The book aggregate. Book is the aggregate root; "all books by this author" is its example query, and
 * AuthorSummary what it answers.
 */
package org.studentregistry.domain.book;
