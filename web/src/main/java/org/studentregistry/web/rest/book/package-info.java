/**
 * Books over REST: {@code /api/books}, and the authors they name: {@code /api/authors}.
 */
package org.studentregistry.web.rest.book;
