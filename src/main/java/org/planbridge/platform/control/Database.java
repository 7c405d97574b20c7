package org.planbridge.platform.control;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/** The database product behind the datasource: the few SQL spellings that differ live here. */
public enum Database {
  H2,
  POSTGRESQL;

  public static Database of(Connection connection) throws SQLException {
    DatabaseMetaData metaData = connection.getMetaData();
    String product = metaData.getDatabaseProductName().toLowerCase();
    if (product.contains("postgres")) {
      return POSTGRESQL;
    }
    if (product.contains("h2")) {
      return H2;
    }
    throw new IllegalStateException(
        "PlanBridge supports H2 and PostgreSQL, not " + metaData.getDatabaseProductName());
  }
}
