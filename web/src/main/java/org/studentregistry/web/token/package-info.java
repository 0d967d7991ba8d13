/** What an admin asks of a new API token, read the same way from the token page and from the API. */
package org.studentregistry.web.token;
