package org.planbridge.admin.control;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.planbridge.platform.control.Like;

/**
 * A WHERE clause made of the parts of a filter that are set, with its values in order: the console's own tables
 * (the log, the audit trail) and the notifications are filtered this way, and paged newest first. A part whose value
 * is null, or blank text, is left out.
 */
final class Conditions {

  private final List<String> parts = new ArrayList<>();
  private final List<Object> values = new ArrayList<>();

  /** {@code condition} with one {@code ?}, for {@code value}. */
  Conditions add(String condition, Object value) {
    if (value != null) {
      parts.add(condition);
      values.add(value);
    }
    return this;
  }

  /** Any of {@code columns} contains {@code text}, ignoring case; % and _ match themselves. */
  Conditions containing(String text, String... columns) {
    if (text != null && !text.isBlank()) {
      String pattern = Like.containing(text);
      List<String> any = new ArrayList<>();
      for (String column : columns) {
        any.add(Like.condition(column));
      }
      parts.add("(" + String.join(" OR ", any) + ")");
      values.addAll(Collections.nCopies(columns.length, pattern));
    }
    return this;
  }

  /** How many rows of {@code table} match. */
  long count(DataSource dataSource, String table) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM " + table + where())) {
      bind(query);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  /** One row of a page, as the console's tables take it. */
  interface RowReader {
    JsonObject read(ResultSet row) throws SQLException;
  }

  /**
   * A page of what {@code select} (a {@code SELECT ... FROM table}) finds under these conditions, newest (highest
   * id) first: rows {@code first} to {@code first + size}, at most 500.
   */
  List<JsonObject> page(DataSource dataSource, String select, int first, int size, RowReader reader)
      throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement query = connection.prepareStatement(select + where()
            + " ORDER BY id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
      int next = bind(query);
      query.setInt(next, Math.max(0, first));
      query.setInt(next + 1, Math.max(1, Math.min(size, 500)));
      List<JsonObject> rows = new ArrayList<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          rows.add(reader.read(row));
        }
      }
      return rows;
    }
  }

  /** " WHERE ..." or "" when no part is set. */
  String where() {
    return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
  }

  /** Binds the values from the first parameter on; answers the next parameter's index. */
  int bind(PreparedStatement statement) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      statement.setObject(i + 1, values.get(i));
    }
    return values.size() + 1;
  }
}
