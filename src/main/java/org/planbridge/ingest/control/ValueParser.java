package org.planbridge.ingest.control;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.planbridge.planning.control.Column;

/**
 * Turns the strings of an import into column values. What the SDKs send: booleans as
 * True/False/true/false/1/0, dates as ISO-8601 or {@code yyyy-MM-dd HH:mm:ssZ} (no zone means UTC),
 * decimals with a dot, enums as integers, durations as .NET ticks or {@code [d.]hh:mm[:ss]}.
 */
public final class ValueParser {

  private static final long TICKS_PER_SECOND = 10_000_000L;
  private static final Pattern CLOCK = Pattern.compile("(-)?(?:(\\d+)\\.)?(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?");
  private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");

  private ValueParser() {}

  /** Thrown with what is wrong with a value; the caller adds the item and parameter. */
  public static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  public static Object parse(String raw, Column column, Target target) {
    if (raw == null) {
      return null;
    }
    if (column.isText()) {
      // counted in code points, as VARCHAR(n) counts: an emoji is one character, not two
      int length = raw.codePointCount(0, raw.length());
      if (column.hasLengthLimit() && length > column.size()) {
        throw new Invalid(length + " characters, longer than the " + column.size() + " allowed");
      }
      return raw;
    }
    String text = raw.trim();
    if (text.isEmpty()) {
      return null;
    }
    if (column.isBoolean()) {
      return parseBoolean(text);
    }
    if (column.isTimestamp()) {
      return parseTimestamp(text);
    }
    if (column.isUuid()) {
      if (!UUID_TEXT.matcher(text).matches()) {
        throw new Invalid("'" + text + "' is not a GUID (expected 8-4-4-4-12 hexadecimal digits)");
      }
      return UUID.fromString(text);
    }
    if (target.durations().contains(column.name())) {
      return parseDurationSeconds(text);
    }
    if (column.isInteger() || column.isLong()) {
      long value = parseInteger(text);
      Map<Integer, String> allowed = target.enums().get(column.name());
      if (allowed != null && !allowed.containsKey((int) value)) {
        throw new Invalid("'" + text + "' is not one of " + allowed);
      }
      if (column.isLong()) {
        return value;
      }
      if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
        throw new Invalid("'" + text + "' is out of range");
      }
      return (int) value;
    }
    if (column.isDecimal()) {
      BigDecimal value;
      try {
        value = new BigDecimal(text);
      } catch (NumberFormatException e) {
        throw new Invalid("'" + text + "' is not a decimal number (use a dot: 12.5)");
      }
      if (value.precision() - value.scale() > column.integerDigits()) {
        throw new Invalid("'" + text + "' is too large: at most " + column.integerDigits() + " digits before the point");
      }
      return value;
    }
    throw new Invalid("column type " + column.typeName() + " cannot be imported");
  }

  static boolean parseBoolean(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw new Invalid("'" + text + "' is not a boolean (True, False, 1 or 0)");
    };
  }

  static long parseInteger(String text) {
    if (!INTEGER.matcher(text).matches()) {
      throw new Invalid("'" + text + "' is not a whole number");
    }
    try {
      return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
    } catch (NumberFormatException e) {
      throw new Invalid("'" + text + "' is out of range");
    }
  }

  static OffsetDateTime parseTimestamp(String text) {
    String iso = text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) + 'T' + text.substring(11) : text;
    try {
      if (iso.length() == 10) {
        return LocalDate.parse(iso).atStartOfDay().atOffset(ZoneOffset.UTC);
      }
      if (iso.endsWith("Z") || iso.endsWith("z") || iso.matches(".*[+-]\\d{2}:\\d{2}$")) {
        return OffsetDateTime.parse(iso.toUpperCase(Locale.ROOT));
      }
      return LocalDateTime.parse(iso).atOffset(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw new Invalid("'" + text + "' is not a date and time (use ISO-8601 such as 2024-05-01T08:00:00.000Z,"
          + " or 2024-05-01 08:00:00Z)");
    }
  }

  static long parseDurationSeconds(String text) {
    if (INTEGER.matcher(text).matches()) {
      return parseInteger(text) / TICKS_PER_SECOND;
    }
    Matcher clock = CLOCK.matcher(text);
    if (clock.matches()) {
      long days = clock.group(2) == null ? 0 : Long.parseLong(clock.group(2));
      long seconds = days * 86_400 + Long.parseLong(clock.group(3)) * 3_600 + Long.parseLong(clock.group(4)) * 60
          + (clock.group(5) == null ? 0 : Long.parseLong(clock.group(5)));
      return clock.group(1) == null ? seconds : -seconds;
    }
    try {
      return Duration.parse(text).getSeconds();
    } catch (DateTimeException e) {
      throw new Invalid("'" + text + "' is not a duration (.NET ticks, hh:mm:ss or ISO-8601 such as PT1H)");
    }
  }
}
