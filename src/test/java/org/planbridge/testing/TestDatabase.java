package org.planbridge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Direct JDBC access to the database the server under test uses (H2 in AUTO_SERVER mode or
 * PostgreSQL), to check rows after HTTP calls and to start each test from known data.
 */
public final class TestDatabase {

  private TestDatabase() {}

  /**
   * A database a test's own server has to itself, empty at the start: the H2 file {@code target/it-db/<name>}
   * (deleted first), or on PostgreSQL the schema {@code name} of the test database (made anew). Its JDBC URL.
   */
  public static String own(String name) throws SQLException {
    String shared = System.getenv("PLANBRIDGE_DB_URL");
    if (shared == null || shared.startsWith("jdbc:h2:")) {
      Path file = Path.of("target", "it-db", name).toAbsolutePath();
      try {
        Files.deleteIfExists(file.resolveSibling(name + ".mv.db"));
        Files.deleteIfExists(file.resolveSibling(name + ".trace.db"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE";
    }
    try (Connection connection = DriverManager.getConnection(shared, System.getenv("PLANBRIDGE_DB_USER"),
        System.getenv("PLANBRIDGE_DB_PASSWORD")); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
      statement.execute("CREATE SCHEMA " + name);
    }
    return shared + (shared.contains("?") ? "&" : "?") + "currentSchema=" + name;
  }

  public static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        System.getenv("PLANBRIDGE_DB_URL"), System.getenv("PLANBRIDGE_DB_USER"), System.getenv("PLANBRIDGE_DB_PASSWORD"));
  }

  /** Rows of a query as column-name (lower case) to value maps. */
  public static List<Map<String, Object>> rows(String sql, Object... parameters) {
    try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setObject(i + 1, parameters[i]);
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet result = query.executeQuery()) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int c = 1; c <= columns; c++) {
            row.put(result.getMetaData().getColumnLabel(c).toLowerCase(), result.getObject(c));
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  /** Runs one statement with its parameters; answers the rows it changed. */
  public static int execute(String sql, Object... parameters) {
    try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  public static long count(String table, String where, Object... parameters) {
    Object value = rows("SELECT COUNT(*) AS n FROM " + table + (where.isEmpty() ? "" : " WHERE " + where), parameters)
        .get(0).get("n");
    return ((Number) value).longValue();
  }

  /** A timestamp column as an instant-comparable value, whatever type the driver returns. */
  public static java.time.OffsetDateTime timestamp(Object value) {
    if (value instanceof java.time.OffsetDateTime offset) {
      return offset.withOffsetSameInstant(java.time.ZoneOffset.UTC);
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
    throw new IllegalArgumentException("not a timestamp: " + value + " (" + (value == null ? "null" : value.getClass()) + ")");
  }

  /** Empties the planning tables (children first), so a test class starts from nothing. */
  public static void clearPlanning() {
    try (Connection connection = connect(); var statement = connection.createStatement()) {
      for (String table : List.of("assignment", "appointment_container", "appointment_uri", "appointment_field_value",
          "appointment", "task_filter_value",
          "resource_filter_value", "task_container", "task_uri", "task", "job", "resource_calendar", "resource_capacity",
          "resource_gps_tracking", "resource_certificate", "resource_uri", "resource", "filter_value", "filter_group",
          "category", "time_marker", "pin", "action_uri", "caption", "container", "notification", "message",
          "exchange_appointment", "board_user")) {
        statement.executeUpdate("DELETE FROM " + table);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The tables a request can write, for {@link #state()}. */
  static final List<String> VERSIONED = java.util.stream.Stream.concat(
      java.util.Arrays.stream(org.planbridge.planning.control.PlanningCollection.values())
          .map(org.planbridge.planning.control.PlanningCollection::table)
          .filter(table -> !table.equals("calendar") && !table.equals("resource_type")), // views
      java.util.stream.Stream.of("connector")).toList();
  static final List<String> WRITTEN = java.util.stream.Stream.concat(VERSIONED.stream(),
      java.util.stream.Stream.of("assignment", "api_key", "appointment_transaction", "integration_template")).toList();

  /**
   * What a refused request must leave as it was: the count of every table it could write, the highest
   * row version of every versioned table, when a template last changed, the change feed's tombstones (PostgreSQL)
   * and the outbox's highest id, in one line. (Attempts are left
   * out: the drain writes them, at its own time.)
   */
  public static String state() {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (String table : WRITTEN) {
      sql.append("(SELECT COUNT(*) FROM ").append(table).append(") AS ").append(table).append("_count, ");
    }
    for (String table : VERSIONED) {
      sql.append("(SELECT MAX(row_version) FROM ").append(table).append(") AS ").append(table).append("_version, ");
    }
    if (String.valueOf(System.getenv("PLANBRIDGE_DB_URL")).startsWith("jdbc:postgresql:")) {
      sql.append("(SELECT COUNT(*) FROM change_tombstone) AS tombstones, "); // the change feed's deletes
    }
    sql.append("(SELECT MAX(updated_at) FROM integration_template) AS template_changed, ");
    sql.append("(SELECT MAX(id) FROM appointment_transaction) AS outbox_id");
    return rows(sql.toString()).get(0).toString();
  }
}
