package org.planbridge.planning.control;

import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A row's values as JSON fields: camelCase names, ISO-8601 UTC times, exact decimals. */
final class Snapshots {

  private Snapshots() {}

  static void add(JsonObjectBuilder json, String field, Object value) {
    if (value == null) {
      json.addNull(field);
    } else if (value instanceof OffsetDateTime time) {
      json.add(field, time.withOffsetSameInstant(ZoneOffset.UTC).toString());
    } else if (value instanceof Timestamp time) {
      json.add(field, time.toInstant().atOffset(ZoneOffset.UTC).toString());
    } else if (value instanceof BigDecimal decimal) {
      json.add(field, decimal.stripTrailingZeros());
    } else if (value instanceof Boolean flag) {
      json.add(field, flag);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      json.add(field, ((Number) value).longValue());
    } else {
      json.add(field, value.toString());
    }
  }
}
