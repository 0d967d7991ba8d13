/** Signing in, the first admin's setup, and a user's own password. */
package org.studentregistry.web.pages.account;
