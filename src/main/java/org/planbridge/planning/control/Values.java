package org.planbridge.planning.control;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Moves typed values in and out of JDBC the same way on H2 and PostgreSQL. */
final class Values {

  private Values() {}

  /** A timestamp's value ({@code read} of the column's {@code getObject(index)}) as an {@code OffsetDateTime}. */
  static Object time(ResultSet result, int index, Object value) throws SQLException {
    if (value == null || value instanceof OffsetDateTime) {
      return value;
    }
    if (value instanceof Timestamp time) {
      return time.toInstant().atOffset(ZoneOffset.UTC);
    }
    return result.getObject(index, OffsetDateTime.class);
  }

  static void bind(PreparedStatement statement, int index, Column column, Object value) throws SQLException {
    if (value == null) {
      statement.setNull(index, column.jdbcType());
    } else {
      statement.setObject(index, value);
    }
  }

  /**
   * A column's value as the Java type of its kind. Times and guids are converted here, from what the driver gives
   * ({@code Timestamp} or {@code OffsetDateTime}; {@code UUID} or text), rather than asked of it as
   * {@code getObject(index, type)}: Payara's JDBC wrapper answers that by reflection on every call, which made it
   * most of a page's cost.
   */
  static Object read(ResultSet result, int index, Column column) throws SQLException {
    if (column.isText()) { // most columns, asked first
      return result.getString(index);
    }
    if (column.isUuid()) {
      Object value = result.getObject(index);
      return value == null || value instanceof UUID ? value : UUID.fromString(value.toString());
    }
    if (column.isTimestamp()) {
      return time(result, index, result.getObject(index));
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
