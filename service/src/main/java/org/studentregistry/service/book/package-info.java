/**
 * Managing books, and finding all the books by an author.
 */
package org.studentregistry.service.book;
