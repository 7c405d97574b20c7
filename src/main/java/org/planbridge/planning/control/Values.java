package org.planbridge.planning.control;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Moves typed values in and out of JDBC the same way on H2 and PostgreSQL. */
final class Values {

  private Values() {}

  static void bind(PreparedStatement statement, int index, Column column, Object value) throws SQLException {
    if (value == null) {
      statement.setNull(index, column.jdbcType());
    } else {
      statement.setObject(index, value);
    }
  }

  static Object read(ResultSet result, int index, Column column) throws SQLException {
    if (column.isUuid()) {
      return result.getObject(index, UUID.class);
    }
    if (column.isTimestamp()) {
      return result.getObject(index, OffsetDateTime.class);
    }
    if (column.isLong()) {
      long value = result.getLong(index);
      return result.wasNull() ? null : value;
    }
    if (column.isInteger()) {
      int value = result.getInt(index);
      return result.wasNull() ? null : value;
    }
    return result.getObject(index);
  }
}
