/**
 * What every aggregate of the registry shares: identity, optimistic-locking version and audit timestamps.
 */
package org.studentregistry.domain.shared;
