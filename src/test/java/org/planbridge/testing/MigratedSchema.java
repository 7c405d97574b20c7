package org.planbridge.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.h2.jdbcx.JdbcDataSource;
import org.planbridge.planning.control.Column;
import org.planbridge.planning.control.PlanningSchema;
import org.planbridge.platform.control.SchemaMigration;

/**
 * The schema as the server sees it, without a server: PlanBridge's own Flyway migrations applied to an in-memory H2
 * database once per test JVM, and each table's columns read from its metadata the way {@link PlanningSchema} reads
 * them at run time.
 */
public final class MigratedSchema {

  private static final Map<String, Map<String, Column>> TABLES = new ConcurrentHashMap<>();
  private static JdbcDataSource dataSource;

  private MigratedSchema() {}

  public static Map<String, Column> columns(String table) {
    return TABLES.computeIfAbsent(table, MigratedSchema::read);
  }

  public static Set<String> columnNames(String table) {
    return columns(table).keySet();
  }

  private static Map<String, Column> read(String table) {
    try (Connection connection = migrated().getConnection()) {
      return PlanningSchema.read(connection, table);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static synchronized JdbcDataSource migrated() {
    if (dataSource == null) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:migrated-schema;DB_CLOSE_DELAY=-1");
      SchemaMigration.migrate(h2);
      dataSource = h2;
    }
    return dataSource;
  }
}
