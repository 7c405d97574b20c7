package org.planbridge.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the schema is migrated and while the database answers. */
@Readiness
@ApplicationScoped
public class SchemaReadiness implements HealthCheck {

  @Inject Startup startup;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database").withData("schemaMigrated", startup.schemaReady());
    if (!startup.schemaReady()) {
      return response.down().build();
    }
    Optional<String> problem = startup.databaseProblem();
    return problem.isEmpty() ? response.up().build() : response.down().withData("error", problem.get()).build();
  }
}
