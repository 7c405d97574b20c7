package org.planbridge.planning.control;

import java.sql.Types;

/**
 * A column of a planning table as the database describes it: the schema is the one place where
 * types, lengths and nullability are written down.
 */
public record Column(
    String name, int jdbcType, String typeName, int size, int scale, boolean nullable, boolean hasDefault) {

  public Column(String name, int jdbcType, String typeName, int size, boolean nullable, boolean hasDefault) {
    this(name, jdbcType, typeName, size, 0, nullable, hasDefault);
  }

  /** How many digits a DECIMAL(p, s) holds before the point; unlimited for other types. */
  public int integerDigits() {
    return jdbcType == Types.DECIMAL || jdbcType == Types.NUMERIC ? size > 0 ? size - scale : Integer.MAX_VALUE
        : Integer.MAX_VALUE;
  }

  /** VARCHAR without a length reports a huge size; only real limits are checked. */
  public boolean hasLengthLimit() {
    return isText() && size > 0 && size < 1_000_000;
  }

  public boolean isText() {
    return jdbcType == Types.VARCHAR || jdbcType == Types.CHAR || jdbcType == Types.LONGVARCHAR
        || jdbcType == Types.NVARCHAR || jdbcType == Types.CLOB;
  }

  /** PostgreSQL says {@code uuid}, H2 {@code UUID} (exact comparisons: this is asked of every value a read reads). */
  public boolean isUuid() {
    return "uuid".equals(typeName) || "UUID".equals(typeName);
  }

  public boolean isTimestamp() {
    return jdbcType == Types.TIMESTAMP || jdbcType == Types.TIMESTAMP_WITH_TIMEZONE;
  }

  public boolean isBoolean() {
    return jdbcType == Types.BOOLEAN || jdbcType == Types.BIT;
  }

  public boolean isInteger() {
    return jdbcType == Types.SMALLINT || jdbcType == Types.INTEGER || jdbcType == Types.TINYINT;
  }

  public boolean isLong() {
    return jdbcType == Types.BIGINT;
  }

  public boolean isDecimal() {
    return jdbcType == Types.DECIMAL || jdbcType == Types.NUMERIC || jdbcType == Types.DOUBLE
        || jdbcType == Types.REAL || jdbcType == Types.FLOAT;
  }

  /** Needed on insert: not nullable and nothing fills it in. */
  public boolean requiredOnInsert() {
    return !nullable && !hasDefault;
  }
}
