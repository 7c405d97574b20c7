package org.planbridge.platform.control;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/** The database product behind the datasource: the few SQL spellings that differ live here. */
public enum Database {
  H2,
  POSTGRESQL;

  /**
   * The datasource, as the WAR's own resource reference ({@code WEB-INF/web.xml}): each server binds it to its
   * datasource in a descriptor of its own ({@code glassfish-web.xml}: {@code jdbc/planbridge};
   * {@code jboss-web.xml}: {@code java:/jdbc/planbridge}), so no server's naming is in the code.
   */
  public static final String RESOURCE = "java:comp/env/jdbc/planbridge";

  /**
   * A JDBC URL fit for a log line: no query string or driver properties, which can carry a
   * password, and no user-info part.
   */
  public static String displayUrl(String url) {
    if (url == null) {
      return "(unknown)";
    }
    String shown = url.replaceAll("//[^/@]*@", "//");
    int query = shown.indexOf('?');
    if (query >= 0) {
      shown = shown.substring(0, query);
    }
    int properties = shown.indexOf(';');
    return properties >= 0 ? shown.substring(0, properties) : shown;
  }

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
