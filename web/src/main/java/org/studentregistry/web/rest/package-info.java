/**
 * The REST facade under {@code /api}: JSON resources over the services, with what every resource shares
 * (paging headers, entity tags) written once here.
 */
package org.studentregistry.web.rest;
