/**
 * The registry's domain model: JPA entities and the rules that hold for them wherever they are changed.
 */
package org.studentregistry.domain;
