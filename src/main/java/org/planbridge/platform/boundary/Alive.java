package org.planbridge.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * UP while the application answers: it asks nothing of the database or a back office, because a restart cures
 * neither (readiness says when they are away). A JVM too stuck to run this is what liveness is for.
 */
@Liveness
@ApplicationScoped
public class Alive implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.up("planbridge");
  }
}
