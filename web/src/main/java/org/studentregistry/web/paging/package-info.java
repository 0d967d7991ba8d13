/**
 * How lists are asked for over HTTP, by pages and by the API alike: {@code page}, {@code size} and
 * {@code sort=property,direction} query parameters, read in one place.
 */
package org.studentregistry.web.paging;
