/**
 * The user pages, for admins: the list (/users), the forms (/users/new, /users/edit), the password an admin sets
 * (/users/password) and the delete confirmation (/users/delete).
 */
package org.studentregistry.web.pages.user;
