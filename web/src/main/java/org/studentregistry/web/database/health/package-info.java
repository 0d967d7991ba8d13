/**
 * The registry's health as MicroProfile Health checks: only what needs the MicroProfile API, kept apart so that a
 * server without it never loads these classes.
 */
package org.studentregistry.web.database.health;
