/** Issuing, checking and revoking the API tokens of integrating systems. */
package org.studentregistry.service.token;
