/**
 * The student pages: the list ({@code /students}), the forms ({@code /students/new}, {@code /students/edit}) and
 * the delete confirmation ({@code /students/delete}).
 */
package org.studentregistry.web.pages.student;
