package org.planbridge.planning.control;

import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.planbridge.platform.control.Jsons;

/** A row's values as JSON fields: ISO-8601 UTC times, exact decimals, numbers and booleans as such. */
public final class Snapshots {

  private Snapshots() {}

  /** As the outbox's snapshots have it: times as {@link OffsetDateTime#toString()} ({@code 2024-05-01T08:00Z}). */
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

  /**
   * As the reads answer: times always with seconds ({@code 2024-05-01T08:00:00Z}), decimals without trailing zeros
   * and never in exponent form, nothing for a null.
   */
  static void writeRead(JsonGenerator json, String field, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof OffsetDateTime time) {
      json.write(field, readText(time));
    } else if (value instanceof BigDecimal decimal) {
      json.write(field, new BigDecimal(readText(decimal)));
    } else if (value instanceof Boolean flag) {
      json.write(field, flag);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      json.write(field, ((Number) value).longValue());
    } else {
      json.write(field, value.toString());
    }
  }

  /** A value as the reads write it, as a JSON value (null as JSON's null, which the reads leave out). */
  public static JsonValue read(Object value) {
    if (value == null) {
      return JsonValue.NULL;
    }
    if (value instanceof OffsetDateTime || value instanceof java.util.UUID || value instanceof String) {
      return Jsons.JSON.createValue(readText(value));
    }
    if (value instanceof BigDecimal decimal) {
      return Jsons.JSON.createValue(new BigDecimal(readText(decimal)));
    }
    if (value instanceof Boolean flag) {
      return flag ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return Jsons.JSON.createValue(((Number) value).longValue());
    }
    return Jsons.JSON.createValue(value.toString());
  }

  /**
   * A value as the reads write it, as text: times in ISO-8601 UTC with seconds, decimals without trailing zeros or
   * an exponent, nothing for a null. The action URIs fill their placeholders with it.
   */
  static String readText(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof OffsetDateTime time) {
      return utc(time.withOffsetSameInstant(ZoneOffset.UTC));
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }

  /**
   * A UTC time as {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} writes it (seconds always, the fraction without
   * trailing zeros, {@code Z}), built by hand for years 0 to 9999: the formatter was a tenth of a change-feed page.
   */
  static String utc(OffsetDateTime time) {
    int year = time.getYear();
    if (year < 0 || year > 9999) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }
    char[] text = new char[30];
    digits(text, 0, year, 4);
    text[4] = '-';
    digits(text, 5, time.getMonthValue(), 2);
    text[7] = '-';
    digits(text, 8, time.getDayOfMonth(), 2);
    text[10] = 'T';
    digits(text, 11, time.getHour(), 2);
    text[13] = ':';
    digits(text, 14, time.getMinute(), 2);
    text[16] = ':';
    digits(text, 17, time.getSecond(), 2);
    int length = 19;
    int nanos = time.getNano();
    if (nanos > 0) {
      int places = 9;
      while (nanos % 10 == 0) {
        nanos /= 10;
        places--;
      }
      text[length] = '.';
      digits(text, length + 1, nanos, places);
      length += 1 + places;
    }
    text[length] = 'Z';
    return new String(text, 0, length + 1);
  }

  /** {@code value} in {@code width} decimal digits, zeros in front, at {@code at}. */
  private static void digits(char[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
