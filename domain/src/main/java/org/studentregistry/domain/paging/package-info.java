/**
 * Pages of a list: what a caller asks for (page, size, order) and what it gets back (rows and the total). Every
 * layer speaks them: the web reads them from addresses, the services pass them on, the repositories answer them.
 */
package org.studentregistry.domain.paging;
