package org.planbridge.ingest.control;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.Instant;
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
import org.planbridge.platform.control.StorableText;

/**
 * Turns the strings of an import into column values, and refuses with an {@link Invalid} every value
 * the database would refuse, fail on or store other than sent, so that a request gets the same
 * answer on H2 and PostgreSQL. What the SDKs send: booleans as True/False/true/false/1/0, dates as
 * ISO-8601 or {@code yyyy-MM-dd HH:mm:ssZ} (no zone means UTC) within the .NET DateTime range,
 * decimals with a dot, enums as integers, durations as .NET ticks, {@code [-][d.]hh:mm[:ss[.fffffff]]}
 * or ISO-8601 ({@code PT1H30M}) within the .NET TimeSpan range. Text follows {@link StorableText}; any
 * other value is at most {@value #MAX_VALUE_LENGTH} characters long, so that no parser is handed a
 * megabyte of digits.
 */
public final class ValueParser {

  static final int MAX_VALUE_LENGTH = 100;
  private static final int QUOTED_LENGTH = 40;
  private static final long TICKS_PER_SECOND = 10_000_000L;
  private static final BigInteger TICKS_PER_SECOND_BIG = BigInteger.valueOf(TICKS_PER_SECOND);
  private static final BigInteger TICKS_PER_MINUTE = BigInteger.valueOf(60 * TICKS_PER_SECOND);
  private static final BigInteger TICKS_PER_HOUR = BigInteger.valueOf(3_600 * TICKS_PER_SECOND);
  private static final BigInteger TICKS_PER_DAY = BigInteger.valueOf(86_400 * TICKS_PER_SECOND);
  /** A TimeSpan is a count of ticks in a long: these are TimeSpan.MinValue and MaxValue. */
  private static final BigInteger MIN_TICKS = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger MAX_TICKS = BigInteger.valueOf(Long.MAX_VALUE);
  private static final String TIMESPAN_RANGE = "-10675199.02:48:05.4775808 to 10675199.02:48:05.4775807";
  /** The .NET DateTime range; PostgreSQL cannot store some of the years Java parses. */
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.9999999Z");
  private static final String DATE_RANGE = "0001-01-01T00:00:00Z to 9999-12-31T23:59:59.9999999Z";
  /** How many digits a DECIMAL without a declared precision takes on either side of the point. */
  private static final int UNSIZED_DECIMAL_DIGITS = 1000;

  /** TimeSpan.ToString(): hours, minutes and seconds of two digits at most, a fraction of seven. */
  private static final Pattern CLOCK =
      Pattern.compile("(-)?(?:(\\d+)\\.)?(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,7}))?)?");
  /** ISO-8601 as {@link java.time.Duration#parse} reads it, parsed here with exact arithmetic. */
  private static final Pattern ISO = Pattern.compile("([-+]?)P(?:([-+]?\\d+)D)?"
      + "(?:T(?=[-+]?\\d)(?:([-+]?\\d+)H)?(?:([-+]?\\d+)M)?(?:([-+]?\\d+)(?:[.,](\\d{0,9}))?S)?)?",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
  /** What BigDecimal reads, in ASCII digits only (BigDecimal alone also takes other scripts' digits). */
  private static final Pattern DECIMAL = Pattern.compile("[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?");

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
      refuseProblem(StorableText.problem(raw, column.hasLengthLimit() ? column.size() : Integer.MAX_VALUE));
      return raw;
    }
    // before trimming: trim() also removes NUL characters
    refuseProblem(StorableText.problem(raw));
    String text = raw.trim();
    if (text.isEmpty()) {
      return null;
    }
    if (text.length() > MAX_VALUE_LENGTH) {
      throw new Invalid(quote(text) + " is " + text.length() + " characters long; a " + column.typeName()
          + " value has at most " + MAX_VALUE_LENGTH);
    }
    if (column.isBoolean()) {
      return parseBoolean(text);
    }
    if (column.isTimestamp()) {
      return parseTimestamp(text);
    }
    if (column.isUuid()) {
      return parseGuid(text);
    }
    if (target.durations().contains(column.name())) {
      return parseDurationSeconds(text);
    }
    if (column.isInteger() || column.isLong()) {
      return parseWhole(text, column, target.enums().get(column.name()));
    }
    if (column.isDecimal()) {
      return parseDecimal(text, column);
    }
    throw new Invalid("column type " + column.typeName() + " cannot be imported");
  }

  private static void refuseProblem(String problem) {
    if (problem != null) {
      throw new Invalid(problem);
    }
  }

  /** The value in quotes for a message, a long one cut short: a refusal does not repeat a megabyte. */
  static String quote(String text) {
    if (text.length() <= QUOTED_LENGTH) {
      return "'" + text + "'";
    }
    int end = Character.isHighSurrogate(text.charAt(QUOTED_LENGTH - 1)) ? QUOTED_LENGTH - 1 : QUOTED_LENGTH;
    return "'" + text.substring(0, end) + "…'";
  }

  static boolean parseBoolean(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw new Invalid(quote(text) + " is not a boolean (True, False, 1 or 0)");
    };
  }

  /** Only the 8-4-4-4-12 form: {@link UUID#fromString} also reads 1-1-1-1-1 as another GUID. */
  static UUID parseGuid(String text) {
    if (!UUID_TEXT.matcher(text).matches()) {
      throw new Invalid(quote(text) + " is not a GUID (expected 8-4-4-4-12 hexadecimal digits)");
    }
    return UUID.fromString(text);
  }

  /** A whole number of any size (the caller has limited its length), exactly. */
  static BigInteger parseInteger(String text) {
    if (!INTEGER.matcher(text).matches()) {
      throw new Invalid(quote(text) + " is not a whole number");
    }
    return new BigInteger(text.startsWith("+") ? text.substring(1) : text);
  }

  /** The range of the column's type is checked before the enumeration, which compares ints. */
  private static Object parseWhole(String text, Column column, Map<Integer, String> allowed) {
    long value = inRange(text, parseInteger(text), column);
    if (allowed != null && (value != (int) value || !allowed.containsKey((int) value))) {
      throw new Invalid(quote(text) + " is not one of " + allowed);
    }
    if (column.isLong()) {
      return value;
    }
    return (int) value;
  }

  private static long inRange(String text, BigInteger value, Column column) {
    long max = switch (column.jdbcType()) {
      case Types.TINYINT -> Byte.MAX_VALUE;
      case Types.SMALLINT -> Short.MAX_VALUE;
      case Types.INTEGER -> Integer.MAX_VALUE;
      default -> Long.MAX_VALUE;
    };
    long min = -max - 1;
    if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
      throw new Invalid(quote(text) + " is out of range: a " + wholeType(column) + " holds " + min + " to " + max);
    }
    return value.longValueExact();
  }

  /** The SQL name, not the database's own (PostgreSQL says int2 for SMALLINT). */
  private static String wholeType(Column column) {
    return switch (column.jdbcType()) {
      case Types.TINYINT -> "TINYINT";
      case Types.SMALLINT -> "SMALLINT";
      case Types.INTEGER -> "INTEGER";
      default -> "BIGINT";
    };
  }

  /**
   * A DECIMAL(p, s) takes at most p - s digits before the point and s after it: the databases would
   * refuse more before it and silently round more after it. Trailing zeros after the point are not
   * digits that would be lost. DOUBLE and REAL take what they can hold without becoming infinite or 0.
   */
  static BigDecimal parseDecimal(String text, Column column) {
    if (!DECIMAL.matcher(text).matches()) {
      throw new Invalid(quote(text) + " is not a decimal number (use a dot: 12.5)");
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new Invalid(quote(text) + " is out of range: its exponent is too large");
    }
    if (value.signum() == 0) {
      return BigDecimal.ZERO;
    }
    if (column.jdbcType() == Types.DOUBLE || column.jdbcType() == Types.FLOAT || column.jdbcType() == Types.REAL) {
      return floating(text, value, column.jdbcType() == Types.REAL);
    }
    boolean sized = column.size() > 0;
    long before = (long) value.precision() - value.scale();
    long allowedBefore = sized ? column.integerDigits() : UNSIZED_DECIMAL_DIGITS;
    if (before > allowedBefore) {
      throw new Invalid(quote(text) + " is too large: at most " + allowedBefore + " digits before the point");
    }
    int allowedAfter = sized ? column.scale() : UNSIZED_DECIMAL_DIGITS;
    // stripped only when needed: a value within the scale cannot lose digits, and stripping can overflow the scale
    int after = value.scale() <= allowedAfter ? value.scale() : Math.max(0, value.stripTrailingZeros().scale());
    if (after > allowedAfter) {
      throw new Invalid(quote(text) + " has " + after + (after == 1 ? " digit" : " digits") + " after the point; "
          + (allowedAfter == 0 ? "the column takes whole numbers only" : "at most " + allowedAfter + " are kept"));
    }
    return value;
  }

  private static BigDecimal floating(String text, BigDecimal value, boolean single) {
    double converted = single ? value.floatValue() : value.doubleValue();
    String type = single ? "REAL" : "DOUBLE PRECISION";
    if (Double.isInfinite(converted)) {
      throw new Invalid(quote(text) + " is out of range: too large for a " + type + " (at most about "
          + (single ? Float.MAX_VALUE : Double.MAX_VALUE) + ")");
    }
    if (converted == 0) {
      throw new Invalid(quote(text) + " is out of range: too close to 0 for a " + type + ", it would be stored as 0");
    }
    return value;
  }

  static OffsetDateTime parseTimestamp(String text) {
    OffsetDateTime value = readTimestamp(text);
    Instant instant = value.toInstant();
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw new Invalid(quote(text) + " is outside the range of dates, " + DATE_RANGE);
    }
    return value;
  }

  private static OffsetDateTime readTimestamp(String text) {
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
      throw new Invalid(quote(text) + " is not a date and time (use ISO-8601 such as 2024-05-01T08:00:00.000Z,"
          + " or 2024-05-01 08:00:00Z)");
    }
  }

  /**
   * A duration in whole seconds (a fraction is dropped, towards 0, as from ticks), computed exactly
   * and refused outside the TimeSpan range. The clock form takes at most 23 hours, 59 minutes and
   * 59 seconds, with or without days: .NET's TimeSpan.Parse refuses more, or reads "24:00:00" as 24
   * days, so such a value is refused rather than stored as a number of hours the client did not mean.
   */
  static long parseDurationSeconds(String text) {
    BigInteger ticks;
    Matcher clock = CLOCK.matcher(text);
    Matcher iso = ISO.matcher(text);
    if (INTEGER.matcher(text).matches()) {
      ticks = parseInteger(text);
    } else if (clock.matches()) {
      ticks = clockTicks(text, clock);
    } else if (iso.matches() && (iso.group(2) != null || iso.group(3) != null || iso.group(4) != null
        || iso.group(5) != null)) {
      ticks = isoTicks(iso);
    } else {
      throw new Invalid(quote(text) + " is not a duration (.NET ticks, hh:mm:ss or ISO-8601 such as PT1H)");
    }
    if (ticks.compareTo(MIN_TICKS) < 0 || ticks.compareTo(MAX_TICKS) > 0) {
      throw new Invalid(quote(text) + " is outside the range of a .NET TimeSpan, " + TIMESPAN_RANGE);
    }
    return ticks.longValueExact() / TICKS_PER_SECOND;
  }

  private static BigInteger clockTicks(String text, Matcher clock) {
    int hours = Integer.parseInt(clock.group(3));
    int minutes = Integer.parseInt(clock.group(4));
    int seconds = clock.group(5) == null ? 0 : Integer.parseInt(clock.group(5));
    if (hours > 23) {
      throw new Invalid(quote(text) + " has " + hours + " hours; at most 23 (give days first: 1.12:00:00 is 36 hours)");
    }
    if (minutes > 59 || seconds > 59) {
      throw new Invalid(quote(text) + " has " + (minutes > 59 ? minutes + " minutes" : seconds + " seconds")
          + "; at most 59");
    }
    BigInteger days = clock.group(2) == null ? BigInteger.ZERO : new BigInteger(clock.group(2));
    BigInteger fraction = clock.group(6) == null ? BigInteger.ZERO : new BigInteger((clock.group(6) + "000000").substring(0, 7));
    BigInteger ticks = days.multiply(TICKS_PER_DAY).add(TICKS_PER_HOUR.multiply(BigInteger.valueOf(hours)))
        .add(TICKS_PER_MINUTE.multiply(BigInteger.valueOf(minutes)))
        .add(TICKS_PER_SECOND_BIG.multiply(BigInteger.valueOf(seconds))).add(fraction);
    return clock.group(1) == null ? ticks : ticks.negate();
  }

  /** As {@link java.time.Duration#parse} reads it: each part signed, the fraction with the seconds' sign. */
  private static BigInteger isoTicks(Matcher iso) {
    BigInteger ticks = part(iso.group(2), TICKS_PER_DAY).add(part(iso.group(3), TICKS_PER_HOUR))
        .add(part(iso.group(4), TICKS_PER_MINUTE)).add(part(iso.group(5), TICKS_PER_SECOND_BIG));
    if (iso.group(6) != null && !iso.group(6).isEmpty()) {
      BigInteger fraction = new BigInteger((iso.group(6) + "000000").substring(0, 7));
      ticks = iso.group(5).startsWith("-") ? ticks.subtract(fraction) : ticks.add(fraction);
    }
    return iso.group(1).equals("-") ? ticks.negate() : ticks;
  }

  private static BigInteger part(String number, BigInteger ticksPerUnit) {
    return number == null ? BigInteger.ZERO : new BigInteger(number.startsWith("+") ? number.substring(1) : number).multiply(ticksPerUnit);
  }
}
