package org.studentregistry.web.database.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.studentregistry.web.database.DatabaseReadiness;

/**
 * The database readiness as a MicroProfile Health check, for servers that have MicroProfile Health. On servers that
 * do not, {@code beans.xml} leaves this package out of bean discovery, and the application's own
 * {@code /health/ready} answers instead.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadinessCheck implements HealthCheck {

    @Inject
    private DatabaseReadiness readiness;

    @Override
    public HealthCheckResponse call() {
        DatabaseReadiness.Status status = readiness.check();
        var response = HealthCheckResponse.named("database").status(status.up());
        status.data().forEach(response::withData);
        return response.build();
    }
}
