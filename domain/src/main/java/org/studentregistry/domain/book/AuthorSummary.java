package org.studentregistry.domain.book;

/** An author, as spelled on their books, and how many books by them the registry holds. */
public record AuthorSummary(String author, long books) {
}
