package org.planbridge.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbridge.platform.control.ApiKeys;
import org.planbridge.platform.control.Database;
import org.planbridge.platform.control.Failures;
import org.planbridge.platform.control.SchemaMigration;

/**
 * Migrates the schema before anything else runs, then says once where PlanBridge listens and which
 * database it uses. A database that cannot be reached stops the deployment with one line saying so.
 */
@jakarta.ejb.Startup
@Singleton
// Flyway commits each migration itself: no container transaction around it.
@TransactionManagement(TransactionManagementType.BEAN)
public class Startup {

  private static final Logger LOG = Logger.getLogger("org.planbridge");

  @Resource(lookup = Database.RESOURCE)
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "planbridge.http.port", defaultValue = "8080")
  int httpPort;

  @Inject
  @ConfigProperty(name = "planbridge.dev.api.key")
  Optional<String> developmentKey;

  @Inject ApiKeys apiKeys;

  private volatile boolean schemaReady;

  @PostConstruct
  void start() {
    String database = describeDatabase();
    try {
      SchemaMigration.migrate(dataSource);
    } catch (RuntimeException e) {
      LOG.severe("PlanBridge cannot start: migrating the schema of " + database + " failed: "
          + Failures.rootMessage(e));
      throw new IllegalStateException("schema migration failed", e);
    }
    schemaReady = true;
    LOG.info("PlanBridge is listening on http://localhost:" + httpPort + "/api (database "
        + database + "; OpenAPI at /openapi, readiness at /health/ready)");
    developmentKey.ifPresent(key -> LOG.info("Development API key (send it as X-API-KEY): " + key));
    if (!apiKeys.anyConfigured()) {
      LOG.warning("No API key is configured, so every API call is refused with 401."
          + " Set PLANBRIDGE_API_KEY to a secret of at least 16 characters and restart.");
    }
  }

  @Lock(LockType.READ)
  public boolean schemaReady() {
    return schemaReady;
  }

  /**
   * Empty while the database answers, else why not. Here rather than in the health check: a check runs on the
   * server's health thread (WildFly's management port), which has no {@code java:comp} to find the datasource in;
   * a call on this bean runs in the application's context.
   */
  @Lock(LockType.READ)
  public Optional<String> databaseProblem() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2) ? Optional.empty() : Optional.of("the database connection is not valid");
    } catch (SQLException e) {
      return Optional.of(Failures.rootMessage(e));
    }
  }

  private String describeDatabase() {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData metaData = connection.getMetaData();
      return Database.displayUrl(metaData.getURL()) + " as " + metaData.getUserName();
    } catch (SQLException | RuntimeException e) {
      String line = "PlanBridge cannot start: the database (datasource jdbc/planbridge) cannot be reached: "
          + Failures.rootMessage(e);
      LOG.severe(line);
      throw new IllegalStateException(line, e);
    }
  }
}
