/**
 * The registry's domain model: JPA entities and the rules that hold for them wherever they are changed, and the
 * values every layer shares to ask for and return them (pages, orders, the author summary).
 */
package org.studentregistry.domain;
