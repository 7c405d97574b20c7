package org.planbridge.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.planbridge.platform.control.Failures;
import org.planbridge.platform.control.Database;

/** Ready once the schema is migrated and while the database answers. */
@Readiness
@ApplicationScoped
public class SchemaReadiness implements HealthCheck {

  @Inject Startup startup;

  @Resource(lookup = Database.RESOURCE)
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database").withData("schemaMigrated", startup.schemaReady());
    if (!startup.schemaReady()) {
      return response.down().build();
    }
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2) ? response.up().build() : response.down().build();
    } catch (SQLException e) {
      return response.down().withData("error", Failures.rootMessage(e)).build();
    }
  }
}
