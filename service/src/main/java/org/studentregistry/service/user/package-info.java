/**
 * Managing users, whose usernames and emails are unique ignoring case.
 */
package org.studentregistry.service.user;
