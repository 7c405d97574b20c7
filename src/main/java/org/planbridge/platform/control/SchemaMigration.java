package org.planbridge.platform.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema to the version this WAR needs, on H2 and PostgreSQL alike. {@code db/migration} holds what every
 * database runs; {@code db/vendor/<database>} (postgresql, h2) the few steps that only make sense on one of them,
 * such as PostgreSQL's storage settings. A version number is used once across both folders.
 */
public final class SchemaMigration {

  private SchemaMigration() {}

  public static MigrateResult migrate(DataSource dataSource) {
    return Flyway.configure(SchemaMigration.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration", "classpath:db/vendor/" + vendor(dataSource))
        .load()
        .migrate();
  }

  static String vendor(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      return product.contains("postgres") ? "postgresql" : product.contains("h2") ? "h2" : product.replace(' ', '_');
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the database to migrate its schema: " + e.getMessage(), e);
    }
  }
}
