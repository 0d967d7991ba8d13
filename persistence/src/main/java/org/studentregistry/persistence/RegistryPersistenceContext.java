package org.studentregistry.persistence;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The registry's persistence unit as an injectable EntityManager: the container's, which joins the current
 * transaction. Repositories take it in their constructor like any other dependency, and tests hand them their own.
 */
@Dependent
public class RegistryPersistenceContext {

    @Produces
    @PersistenceContext(unitName = "registry")
    private EntityManager entityManager;
}
