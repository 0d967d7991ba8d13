/**
 * Managing students.
 */
package org.studentregistry.service.student;
