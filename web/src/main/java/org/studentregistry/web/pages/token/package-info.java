/**
 * The API token pages, for admins: the list (/tokens), issuing one (/tokens/new, which shows the secret once) and
 * the revoke confirmation (/tokens/revoke).
 */
package org.studentregistry.web.pages.token;
