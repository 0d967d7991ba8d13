/**
 * API tokens over REST: {@code /api/tokens}, for admins.
 */
package org.studentregistry.web.rest.token;
