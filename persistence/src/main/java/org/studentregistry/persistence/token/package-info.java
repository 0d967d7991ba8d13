/** The API tokens, as stored in the {@code api_token} table. */
package org.studentregistry.persistence.token;
