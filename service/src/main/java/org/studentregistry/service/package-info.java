/**
 * The application's services: transactional, the only way the web layer changes data, and the place where
 * outcomes are put in domain terms (not found, stale version, invalid input) instead of persistence exceptions.
 */
package org.studentregistry.service;
