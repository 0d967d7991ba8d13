/**
 * Users over REST: {@code /api/users}.
 */
package org.studentregistry.web.rest.user;
