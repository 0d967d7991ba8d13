/**
 * The book pages: the list (/books), the forms (/books/new, /books/edit) and the delete confirmation (/books/delete).
 */
package org.studentregistry.web.pages.book;
