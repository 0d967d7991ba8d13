/**
 * Every error of the API as {@code application/problem+json} (RFC 9457), mapped in one place from the exceptions
 * that carry it. No stack trace ever reaches a client; unexpected failures are logged with an id the client sees.
 */
package org.studentregistry.web.rest.problem;
