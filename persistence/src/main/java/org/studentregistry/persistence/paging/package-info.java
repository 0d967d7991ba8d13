/**
 * Pages of results: what a caller asks for (page, size, order) and what it gets back (rows and the total).
 */
package org.studentregistry.persistence.paging;
