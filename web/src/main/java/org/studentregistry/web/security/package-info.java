/**
 * Who the caller is and what every response says about it: the one authentication mechanism of the WAR (bearer
 * tokens for the API, a signed-in session for the pages), the identity stores it asks, the security headers, the
 * first admin, signing out, and the caller's name and roles as the pages see them ({@link Caller}). What each role may reach is declared in {@code web.xml}'s security constraints and
 * enforced by the server.
 */
package org.studentregistry.web.security;
