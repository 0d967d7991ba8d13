/**
 * What every aggregate of the registry shares: identity, optimistic-locking version and audit timestamps; and what
 * every module reads alike: the settings and the name of the data source.
 */
package org.studentregistry.domain.shared;
