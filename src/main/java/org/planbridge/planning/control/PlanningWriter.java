package org.planbridge.planning.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.planbridge.platform.control.Database;

/**
 * Table-agnostic JDBC writes for the planning tables: batched upserts, updates and deletes of rows
 * given as column lists and value arrays. It runs on the caller's connection, inside the caller's
 * transaction; every write also moves the row's {@code row_version} and {@code updated_at}.
 */
@ApplicationScoped
public class PlanningWriter {

  static final int KEY_CHUNK = 500;
  private static final String TOUCH = "row_version = nextval('row_version_seq'), updated_at = CURRENT_TIMESTAMP";

  /** Inserts rows, or updates the given columns of rows whose key already exists. */
  public int[] upsert(Connection connection, Database database, String table, List<String> keys,
      List<Column> columns, List<Object[]> rows) throws SQLException {
    String names = names(columns);
    String sql = switch (database) {
      case POSTGRESQL -> "INSERT INTO " + table + " (" + names + ") VALUES (" + placeholders(columns.size())
          + ") ON CONFLICT (" + String.join(", ", keys) + ") DO UPDATE SET "
          + columns.stream().map(Column::name).filter(c -> !keys.contains(c))
              .map(c -> c + " = EXCLUDED." + c + ", ").collect(Collectors.joining())
          + TOUCH;
      case H2 -> "MERGE INTO " + table + " (" + names + ", row_version, updated_at) KEY (" + String.join(", ", keys)
          + ") VALUES (" + placeholders(columns.size()) + ", nextval('row_version_seq'), CURRENT_TIMESTAMP)";
    };
    return batch(connection, sql, columns, rows);
  }

  /** Inserts new rows (a table without a natural key). */
  public int[] insert(Connection connection, String table, List<Column> columns, List<Object[]> rows)
      throws SQLException {
    String sql = "INSERT INTO " + table + " (" + names(columns) + ") VALUES (" + placeholders(columns.size()) + ")";
    return batch(connection, sql, columns, rows);
  }

  /** Updates the non-key columns of existing rows; answers the count per row. */
  public int[] update(Connection connection, String table, List<Column> keys, List<Column> columns,
      List<Object[]> rows) throws SQLException {
    String sql = "UPDATE " + table + " SET "
        + columns.stream().map(c -> c.name() + " = ?, ").collect(Collectors.joining()) + TOUCH
        + " WHERE " + keys.stream().map(k -> k.name() + " = ?").collect(Collectors.joining(" AND "));
    List<Column> bound = new ArrayList<>(columns);
    bound.addAll(keys);
    return batch(connection, sql, bound, rows);
  }

  /** Deletes the rows matching the given column values (a full key, or a prefix of it to clear). */
  public int[] delete(Connection connection, String table, List<Column> match, List<Object[]> rows)
      throws SQLException {
    String sql = "DELETE FROM " + table + " WHERE "
        + match.stream().map(k -> k.name() + " = ?").collect(Collectors.joining(" AND "));
    return batch(connection, sql, match, rows);
  }

  /** Which of the given keys exist in the table. */
  public Set<List<Object>> existing(Connection connection, String table, List<Column> keyColumns,
      Collection<List<Object>> keys) throws SQLException {
    return rows(connection, table, keyColumns, List.of(), keys).keySet();
  }

  /**
   * The rows of the given keys that exist: by key, the values of {@code columns} (by column name). A few queries
   * of {@value #KEY_CHUNK} keys each, whatever the number of keys.
   */
  public Map<List<Object>, Map<String, Object>> rows(Connection connection, String table, List<Column> keyColumns,
      List<Column> columns, Collection<List<Object>> keys) throws SQLException {
    Map<List<Object>, Map<String, Object>> found = new HashMap<>();
    List<List<Object>> all = new ArrayList<>(keys);
    String names = names(keyColumns);
    String tuple = keyColumns.size() == 1 ? "?" : "(" + placeholders(keyColumns.size()) + ")";
    String selected = columns.isEmpty() ? names : names + ", " + names(columns);
    for (int from = 0; from < all.size(); from += KEY_CHUNK) {
      List<List<Object>> chunk = all.subList(from, Math.min(all.size(), from + KEY_CHUNK));
      String sql = "SELECT " + selected + " FROM " + table + " WHERE "
          + (keyColumns.size() == 1 ? names : "(" + names + ")") + " IN ("
          + String.join(", ", java.util.Collections.nCopies(chunk.size(), tuple)) + ")";
      try (PreparedStatement query = connection.prepareStatement(sql)) {
        int index = 1;
        for (List<Object> key : chunk) {
          for (int k = 0; k < keyColumns.size(); k++) {
            Values.bind(query, index++, keyColumns.get(k), key.get(k));
          }
        }
        try (ResultSet result = query.executeQuery()) {
          while (result.next()) {
            List<Object> key = new ArrayList<>(keyColumns.size());
            for (int k = 0; k < keyColumns.size(); k++) {
              key.add(Values.read(result, k + 1, keyColumns.get(k)));
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
              values.put(columns.get(c).name(), Values.read(result, keyColumns.size() + c + 1, columns.get(c)));
            }
            found.put(key, values);
          }
        }
      }
    }
    return found;
  }

  private static int[] batch(Connection connection, String sql, List<Column> columns, List<Object[]> rows)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (Object[] row : rows) {
        for (int i = 0; i < columns.size(); i++) {
          Values.bind(statement, i + 1, columns.get(i), row[i]);
        }
        statement.addBatch();
      }
      return statement.executeBatch();
    } catch (BatchUpdateException e) {
      throw new BatchFailure(failedRow(e), e);
    }
  }

  /** The row a failed batch stopped at, as far as the driver tells. */
  static int failedRow(BatchUpdateException failure) {
    int[] counts = failure.getUpdateCounts();
    if (counts == null) {
      return 0;
    }
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == Statement.EXECUTE_FAILED) {
        return i;
      }
    }
    return counts.length;
  }

  static String names(List<Column> columns) {
    return columns.stream().map(Column::name).collect(Collectors.joining(", "));
  }

  static String placeholders(int count) {
    return String.join(", ", java.util.Collections.nCopies(count, "?"));
  }
}
