/**
 * The API tokens with which integrating systems call the API: each has a name, one role and an expiry; only a
 * hash of its secret is kept.
 */
package org.studentregistry.domain.token;
