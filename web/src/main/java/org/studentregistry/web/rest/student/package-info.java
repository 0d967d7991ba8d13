/**
 * Students over REST: {@code /api/students}.
 */
package org.studentregistry.web.rest.student;
