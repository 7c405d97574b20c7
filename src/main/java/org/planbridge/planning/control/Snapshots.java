package org.planbridge.planning.control;

import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A row's values as JSON fields: ISO-8601 UTC times, exact decimals, numbers and booleans as such. */
final class Snapshots {

  private Snapshots() {}

  /** As the outbox's snapshots have it: times as {@link OffsetDateTime#toString()} ({@code 2024-05-01T08:00Z}). */
  static void add(JsonObjectBuilder json, String field, Object value) {
    add(json, field, value, false);
  }

  /** As the reads answer: times always with seconds ({@code 2024-05-01T08:00:00Z}), decimals without trailing zeros. */
  static void addRead(JsonObjectBuilder json, String field, Object value) {
    add(json, field, value, true);
  }

  private static void add(JsonObjectBuilder json, String field, Object value, boolean read) {
    if (value == null) {
      json.addNull(field);
    } else if (value instanceof OffsetDateTime time) {
      json.add(field, time(time, read));
    } else if (value instanceof Timestamp time) {
      json.add(field, time(time.toInstant().atOffset(ZoneOffset.UTC), read));
    } else if (value instanceof BigDecimal decimal) {
      json.add(field, read ? new BigDecimal(decimal.stripTrailingZeros().toPlainString()) : decimal.stripTrailingZeros());
    } else if (value instanceof Boolean flag) {
      json.add(field, flag);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      json.add(field, ((Number) value).longValue());
    } else {
      json.add(field, value.toString());
    }
  }

  private static String time(OffsetDateTime time, boolean read) {
    OffsetDateTime utc = time.withOffsetSameInstant(ZoneOffset.UTC);
    return read ? DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(utc) : utc.toString();
  }
}
