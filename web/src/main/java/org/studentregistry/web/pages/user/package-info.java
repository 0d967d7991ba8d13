/**
 * The user pages: the list (/users), the forms (/users/new, /users/edit) and the delete confirmation (/users/delete).
 */
package org.studentregistry.web.pages.user;
