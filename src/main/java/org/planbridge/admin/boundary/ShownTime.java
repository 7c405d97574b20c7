package org.planbridge.admin.boundary;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** A time as the console's tables show it: to the second, in UTC, without the T ({@code 2026-12-01 17:25:03}). */
final class ShownTime {

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private ShownTime() {}

  /** {@code iso} (an ISO-8601 time with its offset, as the admin API writes it) shown; "" for none. */
  static String of(String iso) {
    if (iso == null || iso.isEmpty()) {
      return "";
    }
    try {
      return OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC).format(SHOWN);
    } catch (DateTimeParseException e) {
      return iso;
    }
  }
}
