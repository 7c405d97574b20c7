package org.planbridge.ingest.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.planbridge.planning.control.Column;

class ValueParserTest {

  static final Column SHORT_DESCRIPTION = new Column("short_description", Types.VARCHAR, "CHARACTER VARYING", 50, false, false);
  static final Column NOTE = new Column("note", Types.VARCHAR, "CHARACTER VARYING", Integer.MAX_VALUE, true, false);
  static final Column FREE_BIT = new Column("free_bit1", Types.BOOLEAN, "BOOLEAN", 1, true, false);
  static final Column START_DATE = new Column("start_date", Types.TIMESTAMP_WITH_TIMEZONE, "TIMESTAMP WITH TIME ZONE", 35, true, false);
  static final Column FREE_DECIMAL = new Column("free_decimal1", Types.DECIMAL, "DECIMAL", 19, 6, true, false);
  static final Column GEO = new Column("customer_address_geo_long", Types.DECIMAL, "DECIMAL", 12, 8, true, false);
  static final Column FREE_DOUBLE = new Column("free_double", Types.DOUBLE, "DOUBLE PRECISION", 17, true, false);
  static final Column FREE_REAL = new Column("free_real", Types.REAL, "REAL", 7, true, false);
  static final Column FREE_SMALL = new Column("free_small", Types.SMALLINT, "int2", 16, true, false);
  static final Column FREE_TINY = new Column("free_tiny", Types.TINYINT, "TINYINT", 8, true, false);
  static final Column TEAM_SORT = new Column("team_sort", Types.INTEGER, "INTEGER", 32, true, false);
  static final Column DURATION_IN_SECONDS = new Column("duration_in_seconds", Types.BIGINT, "BIGINT", 64, true, false);
  static final Column IMPORTANCE = new Column("importance", Types.SMALLINT, "SMALLINT", 16, true, false);
  static final Column DURATION = new Column("duration", Types.BIGINT, "BIGINT", 64, true, false);
  static final Column GUID = new Column("appointment_guid", Types.OTHER, "UUID", 16, false, false);

  static final Target JOB = ProcedureCatalog.JOB;
  static final Target TASK = ProcedureCatalog.TASK;

  static Object parse(String raw, Column column) {
    return ValueParser.parse(raw, column, column == DURATION ? TASK : JOB);
  }

  static String refusal(String raw, Column column) {
    return assertThrows(ValueParser.Invalid.class, () -> parse(raw, column)).getMessage();
  }

  // --- booleans

  @ParameterizedTest
  @CsvSource({"True,true", "False,false", "true,true", "false,false", "1,true", "0,false", "TRUE,true", " False ,false"})
  void booleansAsTheSdksSendThem(String raw, boolean expected) {
    assertEquals(expected, parse(raw, FREE_BIT));
  }

  @Test
  void aBooleanThatIsNoneOfTheAcceptedSpellingsIsRefusedNamingTheValue() {
    String message = refusal("yes", FREE_BIT);
    assertTrue(message.contains("'yes'"), message);
    assertTrue(refusal("2", FREE_BIT).contains("'2'"));
  }

  // --- dates

  static Instant instant(Object value) {
    return ((OffsetDateTime) value).toInstant();
  }

  @Test
  void isoWithMillisecondsAndZ() {
    assertEquals(Instant.parse("2024-05-01T08:00:00Z"), instant(parse("2024-05-01T08:00:00.000Z", START_DATE)));
  }

  @Test
  void dotNetUniversalSortableFormatWithASpace() {
    assertEquals(Instant.parse("2024-05-01T08:00:00Z"), instant(parse("2024-05-01 08:00:00Z", START_DATE)));
  }

  @Test
  void withoutAZoneTheTimeIsUtc() {
    assertEquals(Instant.parse("2024-03-01T08:00:00Z"), instant(parse("2024-03-01T08:00", START_DATE)));
    assertEquals(Instant.parse("2024-03-01T08:00:30Z"), instant(parse("2024-03-01T08:00:30", START_DATE)));
  }

  @Test
  void anOffsetIsKeptAsTheSameInstant() {
    assertEquals(Instant.parse("2024-05-01T08:00:00Z"), instant(parse("2024-05-01T10:00:00+02:00", START_DATE)));
    assertEquals(Instant.parse("2024-05-01T15:00:00Z"), instant(parse("2024-05-01T10:00:00-05:00", START_DATE)));
  }

  @Test
  void aDateAloneIsMidnightUtc() {
    OffsetDateTime value = (OffsetDateTime) parse("2024-05-01", START_DATE);
    assertEquals(Instant.parse("2024-05-01T00:00:00Z"), value.toInstant());
    assertEquals(ZoneOffset.UTC, value.getOffset());
  }

  @ParameterizedTest
  @ValueSource(strings = {"01/05/2024", "2024-02-30", "2024-05-01T25:00:00Z", "tomorrow", "2024-05-01T08:00:00+25:00", "2024-5-1"})
  void badDatesAreRefusedNamingTheValueAndTheExpectedForm(String raw) {
    String message = refusal(raw, START_DATE);
    assertTrue(message.contains("'" + raw + "'"), message);
    assertTrue(message.contains("ISO-8601"), message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"+10000000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z", "0000-12-31T23:59:59Z",
      "-0001-01-01T00:00:00Z", "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00",
      "9999-12-31T23:59:59.99999999Z", "+10000-01-01"})
  void datesOutsideTheDotNetRangeAreRefusedNamingTheRange(String raw) {
    String message = refusal(raw, START_DATE);
    assertTrue(message.contains("'" + raw + "'"), message);
    assertTrue(message.contains("0001-01-01T00:00:00Z to 9999-12-31T23:59:59.9999999Z") || message.contains("ISO-8601"),
        message);
  }

  @Test
  void theRangeIsNamedForAYearJavaCanRead() {
    assertTrue(refusal("+10000000-01-01T00:00:00Z", START_DATE).contains("outside the range of dates"));
    assertTrue(refusal("0000-12-31T23:59:59Z", START_DATE).contains("outside the range of dates"));
  }

  @Test
  void theEndsOfTheDotNetRangeAreAccepted() {
    assertEquals(Instant.parse("9999-12-31T23:59:59Z"), instant(parse("9999-12-31T23:59:59Z", START_DATE)));
    assertEquals(Instant.parse("9999-12-31T23:59:59.9999999Z"), instant(parse("9999-12-31T23:59:59.9999999Z", START_DATE)));
    assertEquals(Instant.parse("0001-01-01T00:00:00Z"), instant(parse("0001-01-01T00:00:00Z", START_DATE)));
    assertEquals(Instant.parse("0001-01-01T00:00:00Z"), instant(parse("0001-01-01", START_DATE)));
    assertEquals(Instant.parse("0001-01-01T00:00:00Z"), instant(parse("0001-01-01T01:00:00+01:00", START_DATE)));
  }

  // --- decimals

  @Test
  void decimalsUseADot() {
    assertEquals(new BigDecimal("12.5"), parse("12.5", FREE_DECIMAL));
    assertEquals(0, new BigDecimal("-0.000001").compareTo((BigDecimal) parse("-1e-6", FREE_DECIMAL)));
    assertEquals(new BigDecimal("0"), parse("0", FREE_DECIMAL));
  }

  @Test
  void aCommaDecimalIsRefusedRatherThanMisread() {
    String message = refusal("12,5", FREE_DECIMAL);
    assertTrue(message.contains("'12,5'"), message);
    assertTrue(message.contains("dot"), message);
    refusal("1.234,5", FREE_DECIMAL);
  }

  @Test
  void hugeExponentsAreRefusedNotPassedToTheDatabase() {
    // precision() - scale() overflows int for these
    String large = refusal("1E+2147483647", FREE_DECIMAL);
    assertTrue(large.contains("'1E+2147483647' is too large") && large.contains("13 digits before the point"), large);
    String small = refusal("1E-2147483647", FREE_DECIMAL);
    assertTrue(small.contains("2147483647 digits after the point") && small.contains("at most 6"), small);
    assertTrue(refusal("-9E+2147483647", GEO).contains("at most 4 digits before the point"));
    String beyond = refusal("1e99999999999", FREE_DECIMAL);
    assertTrue(beyond.contains("'1e99999999999' is out of range"), beyond);
  }

  @Test
  void moreDigitsAfterThePointThanTheScaleAreRefusedRatherThanRounded() {
    String message = refusal("1.1234567", FREE_DECIMAL);
    assertTrue(message.contains("'1.1234567' has 7 digits after the point; at most 6 are kept"), message);
    assertTrue(refusal("-0.0000001", FREE_DECIMAL).contains("7 digits after the point"));
    assertTrue(refusal("1.5e-6", FREE_DECIMAL).contains("7 digits after the point"));
    String geo = refusal("-122.419415501", GEO);
    assertTrue(geo.contains("9 digits after the point") && geo.contains("at most 8"), geo);
    Column whole = new Column("qty", Types.DECIMAL, "DECIMAL", 10, 0, true, false);
    assertTrue(refusal("1.5", whole).contains("1 digit after the point; the column takes whole numbers only"));
  }

  @Test
  void trailingZerosAreNotDigitsThatWouldBeLost() {
    assertEquals(new BigDecimal("12.500000"), parse("12.500000", FREE_DECIMAL));
    assertEquals(0, new BigDecimal("1.5").compareTo((BigDecimal) parse("1.500000000", FREE_DECIMAL)));
    assertEquals(0, new BigDecimal("1.123456").compareTo((BigDecimal) parse("1.1234560000", FREE_DECIMAL)));
    assertEquals(0, new BigDecimal("100").compareTo((BigDecimal) parse("1E+2", FREE_DECIMAL)));
    assertEquals(0, BigDecimal.ZERO.compareTo((BigDecimal) parse("0E+2147483647", FREE_DECIMAL)));
    assertEquals(0, BigDecimal.ZERO.compareTo((BigDecimal) parse("0.0000000000", FREE_DECIMAL)));
  }

  @Test
  void theLargestValuesOfTheColumnAreAccepted() {
    assertEquals(new BigDecimal("9999999999999.999999"), parse("9999999999999.999999", FREE_DECIMAL));
    assertEquals(new BigDecimal("-9999.99999999"), parse("-9999.99999999", GEO));
    assertTrue(refusal("10000000000000", FREE_DECIMAL).contains("at most 13 digits before the point"));
  }

  @Test
  void aNumberLongerThanAnyColumnHoldsIsRefusedBeforeItIsParsed() {
    String message = refusal("1." + "0".repeat(1_000_000), FREE_DECIMAL);
    assertTrue(message.contains("1000002 characters long") && message.contains("at most 100"), message);
    assertTrue(message.length() < 200, message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u0661\u0662", "1\u0662.5", "\uFF11", "NaN", "Infinity", "1e", ".", "1.2.3", "0x1p3"})
  void onlyAsciiDigitsMakeADecimal(String raw) {
    String message = refusal(raw, FREE_DECIMAL);
    assertTrue(message.contains("'" + raw + "' is not a decimal number"), message);
  }

  @Test
  void floatingPointColumnsRefuseWhatTheyCannotHold() {
    assertEquals(0, new BigDecimal("1.5").compareTo((BigDecimal) parse("1.5", FREE_DOUBLE)));
    assertTrue(refusal("1e400", FREE_DOUBLE).contains("out of range: too large for a DOUBLE PRECISION"));
    assertTrue(refusal("-1e400", FREE_DOUBLE).contains("too large"));
    assertTrue(refusal("1e-400", FREE_DOUBLE).contains("stored as 0"));
    assertTrue(refusal("1e39", FREE_REAL).contains("too large for a REAL"));
    assertTrue(refusal("1e-50", FREE_REAL).contains("stored as 0"));
    assertEquals(0, new BigDecimal("1e38").compareTo((BigDecimal) parse("1e38", FREE_REAL)));
  }

  // --- integers

  @Test
  void integers() {
    assertEquals(42, parse("42", TEAM_SORT));
    assertEquals(-7, parse("-7", TEAM_SORT));
    assertEquals(7, parse("+7", TEAM_SORT));
    assertEquals(Integer.MAX_VALUE, parse("2147483647", TEAM_SORT));
    assertEquals(5_000_000_000L, parse("5000000000", DURATION_IN_SECONDS));
  }

  @Test
  void integersOutOfRangeAreRefused() {
    assertTrue(refusal("2147483648", TEAM_SORT).contains("out of range"));
    assertTrue(refusal("-2147483649", TEAM_SORT).contains("out of range"));
    assertTrue(refusal("9223372036854775808", DURATION_IN_SECONDS).contains("out of range"));
  }

  @Test
  void smallintAndTinyintTakeTheirRangeOnly() {
    assertEquals(32767, parse("32767", FREE_SMALL));
    assertEquals(-32768, parse("-32768", FREE_SMALL));
    for (String raw : new String[] {"32768", "-32769", "2147483647"}) {
      String message = refusal(raw, FREE_SMALL);
      assertTrue(message.contains("'" + raw + "' is out of range") && message.contains("-32768 to 32767"), message);
      assertTrue(message.contains("SMALLINT") && !message.contains("int2"), message);
    }
    assertEquals(127, parse("127", FREE_TINY));
    assertEquals(-128, parse("-128", FREE_TINY));
    assertTrue(refusal("128", FREE_TINY).contains("-128 to 127"));
    assertTrue(refusal("-129", FREE_TINY).contains("-128 to 127"));
  }

  @Test
  void aHugeWholeNumberIsOutOfRangeOrTooLongNeverAnException() {
    assertTrue(refusal("9".repeat(100), DURATION_IN_SECONDS).contains("out of range"));
    assertTrue(refusal("-" + "9".repeat(99), TEAM_SORT).contains("out of range"));
    assertEquals(7L, parse("0".repeat(99) + "7", DURATION_IN_SECONDS));
    String message = refusal("9".repeat(1_000_000), TEAM_SORT);
    assertTrue(message.contains("1000000 characters long") && message.contains("at most 100"), message);
    assertTrue(message.length() < 200, "the value is not repeated whole");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "12,0", "ten", "1e3", "0x10", "\u0663", "1\u0663", "\uFF11", "--1", "+-1", "1_000"})
  void somethingThatIsNotAWholeNumberIsRefused(String raw) {
    assertTrue(refusal(raw, TEAM_SORT).contains("'" + raw + "'"));
  }

  // --- enumerations

  @Test
  void importanceTakesItsThreeValues() {
    assertEquals(0, parse("0", IMPORTANCE));
    assertEquals(1, parse("1", IMPORTANCE));
    assertEquals(2, parse("2", IMPORTANCE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"3", "-1", "4294967296"})
  void importanceOutsideTheAllowedValuesIsRefused(String raw) {
    String message = refusal(raw, IMPORTANCE);
    assertTrue(message.contains("'" + raw + "'"), message);
  }

  @Test
  void anEnumValueBeyondTheColumnTypeIsOutOfRangeNotCutToAnAllowedOne() {
    // (int) 4294967296 is 0, an allowed value: the range is checked first
    for (String raw : new String[] {"4294967296", "4294967297", "-4294967296", "65536"}) {
      String message = refusal(raw, IMPORTANCE);
      assertTrue(message.contains("out of range") && message.contains("SMALLINT"), message);
    }
  }

  @Test
  void theRefusalOfAnEnumValueListsWhatIsAllowed() {
    String message = refusal("3", IMPORTANCE);
    assertAll(
        () -> assertTrue(message.contains("0") && message.contains("Medium"), message),
        () -> assertTrue(message.contains("1") && message.contains("High"), message),
        () -> assertTrue(message.contains("2") && message.contains("Low"), message));
  }

  // --- durations (stored in seconds)

  @Test
  void dotNetTicks() {
    assertEquals(3600L, parse("36000000000", DURATION));
    assertEquals(90L, parse("900000000", DURATION));
    assertEquals(0L, parse("0", DURATION));
  }

  @Test
  void clockDurations() {
    assertEquals(5400L, parse("01:30:00", DURATION));
    assertEquals(93_600L, parse("1.02:00:00", DURATION));
    assertEquals(5400L, parse("1:30", DURATION));
    assertEquals(45L, parse("00:00:45.5000000", DURATION));
  }

  @Test
  void isoDurations() {
    assertEquals(3600L, parse("PT1H", DURATION));
    assertEquals(5430L, parse("PT1H30M30S", DURATION));
  }

  @ParameterizedTest
  @ValueSource(strings = {"an hour", "1h", "PT", "01-30-00"})
  void badDurationsAreRefusedNamingTheValue(String raw) {
    String message = refusal(raw, DURATION);
    assertTrue(message.contains("'" + raw + "'"), message);
    assertTrue(message.contains("duration"), message);
  }

  @Test
  void theLimitsOfATimeSpanAreAccepted() {
    assertEquals(922_337_203_685L, parse("10675199.02:48:05", DURATION));
    assertEquals(922_337_203_685L, parse("10675199.02:48:05.4775807", DURATION));
    assertEquals(-922_337_203_685L, parse("-10675199.02:48:05.4775808", DURATION));
    assertEquals(922_337_203_685L, parse("9223372036854775807", DURATION));
    assertEquals(-922_337_203_685L, parse("-9223372036854775808", DURATION));
    assertEquals(922_337_203_685L, parse("P10675199DT2H48M5.4775807S", DURATION));
    assertEquals(86_399L, parse("23:59:59", DURATION));
    assertEquals(172_799L, parse("1.23:59:59.9999999", DURATION));
  }

  @ParameterizedTest
  @ValueSource(strings = {"99999999999999999999.01:00:00", "106751991167301.00:00:00", "10675199.02:48:05.4775808",
      "10675199.02:48:06", "-10675199.02:48:05.4775809", "10675200.00:00:00", "9223372036854775808",
      "-9223372036854775809", "99999999999999999999999", "PT99999999999999999999H", "PT256204779H",
      "P10675200D", "-PT9223372036854775807S", "P99999999999999999999DT99999999999999999999H", "PT9223372036854775807.9S"})
  void durationsBeyondATimeSpanAreRefusedNamingTheLimit(String raw) {
    String message = refusal(raw, DURATION);
    String quoted = raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
    assertTrue(message.contains("'" + quoted + "' is outside the range of a .NET TimeSpan"), message);
    assertTrue(message.contains("10675199.02:48:05.4775807"), message);
  }

  @ParameterizedTest
  @CsvSource({"00:60:00, 60 minutes", "00:00:60, 60 seconds", "1.00:99:00, 99 minutes", "1.00:00:75, 75 seconds",
      "1.24:00:00, 24 hours", "-2.30:00:00, 30 hours", "24:00:00, 24 hours", "36:00:00, 36 hours"})
  void clockPartsBeyondTheirRangeAreRefused(String raw, String part) {
    String message = refusal(raw, DURATION);
    assertTrue(message.contains("'" + raw + "' has " + part), message);
    assertTrue(message.contains("at most"), message);
  }

  @Test
  void hoursBeyond23AreRefusedWithTheFormThatSaysIt() {
    // .NET reads 36:00:00 as 36 days: the value is refused rather than stored as 36 hours
    String message = refusal("36:00:00", DURATION);
    assertTrue(message.contains("1.12:00:00"), message);
    assertEquals(129_600L, parse("1.12:00:00", DURATION));
  }

  @Test
  void isoDurationsAreReadExactly() {
    assertEquals(-5400L, parse("-PT1H30M", DURATION));
    assertEquals(-5400L, parse("PT-1H-30M", DURATION));
    assertEquals(86_400L, parse("P1D", DURATION));
    assertEquals(3600L, parse("pt1h", DURATION));
    assertEquals(0L, parse("PT0.5S", DURATION));
    assertEquals(-1L, parse("PT-1.5S", DURATION));
    assertEquals(1L, parse("PT1,5S", DURATION));
    assertEquals(3540L, parse("PT1H-1M", DURATION));
  }

  @ParameterizedTest
  @ValueSource(strings = {"P", "-P", "PT1H1D", "P1H", "PT1.5M", "00:00:45.50000000", "1..00:00:00", "\u0661:00"})
  void malformedDurationsAreNotDurations(String raw) {
    assertTrue(refusal(raw, DURATION).contains("'" + raw + "' is not a duration"));
  }

  @Test
  void durationsAreOnlyParsedAsSuchWhereTheCatalogSaysSo() {
    // duration_in_seconds is a plain number of seconds: "01:00:00" is not one
    refusal("01:00:00", DURATION_IN_SECONDS);
    assertEquals(36000000000L, parse("36000000000", DURATION_IN_SECONDS));
  }

  // --- GUIDs

  @Test
  void aLongBooleanIsNotRepeatedWhole() {
    String message = assertThrows(ValueParser.Invalid.class, () -> ValueParser.parseBoolean("y".repeat(100_000))).getMessage();
    assertTrue(message.contains("is not a boolean") && message.length() < 200, message);
  }

  @Test
  void guids() {
    UUID guid = UUID.fromString("d3b07384-d9a0-4c5e-9b1a-0123456789ab");
    assertEquals(guid, parse("d3b07384-d9a0-4c5e-9b1a-0123456789ab", GUID));
    assertEquals(guid, parse("D3B07384-D9A0-4C5E-9B1A-0123456789AB", GUID));
  }

  @ParameterizedTest
  @ValueSource(strings = {"not-a-guid", "d3b07384d9a04c5e9b1a0123456789ab", "{d3b07384-d9a0-4c5e-9b1a-0123456789ab}", "1-1-1-1-1"})
  void badGuidsAreRefused(String raw) {
    String message = refusal(raw, GUID);
    assertTrue(message.contains("'" + raw + "'") && message.contains("GUID"), message);
  }

  // --- text

  @Test
  void textUpToTheColumnLengthIsKeptAsIs() {
    String fifty = "x".repeat(50);
    assertEquals(fifty, parse(fifty, SHORT_DESCRIPTION));
    assertEquals("  padded  ", parse("  padded  ", SHORT_DESCRIPTION));
  }

  @Test
  void textLongerThanTheColumnIsRefusedWithBothLengths() {
    String message = refusal("x".repeat(51), SHORT_DESCRIPTION);
    assertTrue(message.contains("51"), message);
    assertTrue(message.contains("50"), message);
  }

  @Test
  void lengthIsCountedInUtf16UnitsAsH2AndDimeCountIt() {
    // an emoji is 2 UTF-16 units: 25 fill a VARCHAR(50), on H2 as on PostgreSQL
    String emoji = "\uD83D\uDE00".repeat(25);
    assertEquals(emoji, parse(emoji, SHORT_DESCRIPTION));
    assertEquals("x" + emoji.substring(2) + "é", parse("x" + emoji.substring(2) + "é", SHORT_DESCRIPTION));
    String message = refusal("\uD83D\uDE00".repeat(30), SHORT_DESCRIPTION);
    assertTrue(message.contains("60 characters (UTF-16 units)") && message.contains("50 allowed"), message);
    assertTrue(message.contains("emoji counts as 2"), message);
    assertTrue(refusal("\uD83D\uDE00".repeat(26), SHORT_DESCRIPTION).contains("52"));
  }

  @ParameterizedTest
  @CsvSource({"'ab\\u0000', 3", "'\\u0000', 1", "'\\uD83D\\uDE00\\u0000x', 3"})
  void aNulCharacterIsRefusedWithItsPosition(String escaped, int position) {
    String raw = unescape(escaped);
    for (Column column : new Column[] {SHORT_DESCRIPTION, NOTE}) {
      String message = refusal(raw, column);
      assertTrue(message.contains("NUL character (U+0000) at position " + position), message);
    }
  }

  @ParameterizedTest
  @CsvSource({"'a\\uD83D', 2, D83D", "'\\uDE00b', 1, DE00", "'ok\\uDE00\\uD83D', 3, DE00", "'\\uD83D\\uDE00\\uD83Dx', 3, D83D"})
  void anUnpairedSurrogateIsRefusedWithItsPosition(String escaped, int position, String code) {
    String message = refusal(unescape(escaped), NOTE);
    assertTrue(message.contains("unpaired UTF-16 surrogate (U+" + code + ") at position " + position), message);
  }

  @Test
  void aNulOrHalfAnEmojiIsRefusedInEveryOtherTypeToo() {
    // trim() would remove the NUL of "true\u0000": it is refused before
    for (String raw : new String[] {"true\u0000", "\u0000 1"}) {
      assertTrue(refusal(raw, FREE_BIT).contains("NUL"), raw);
    }
    assertTrue(refusal("12\uD83D", TEAM_SORT).contains("unpaired"));
    assertTrue(refusal("2024-05-01\u0000", START_DATE).contains("NUL"));
  }

  static String unescape(String escaped) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < escaped.length(); i++) {
      if (escaped.startsWith("\\u", i)) {
        text.append((char) Integer.parseInt(escaped.substring(i + 2, i + 6), 16));
        i += 5;
      } else {
        text.append(escaped.charAt(i));
      }
    }
    return text.toString();
  }

  @Test
  void textWithoutALengthHasNoLimit() {
    String long_ = "y".repeat(100_000);
    assertEquals(long_, parse(long_, NOTE));
  }

  // --- null and empty

  @Test
  void nullIsNullForEveryColumn() {
    for (Column column : new Column[] {SHORT_DESCRIPTION, FREE_BIT, START_DATE, FREE_DECIMAL, TEAM_SORT, IMPORTANCE, DURATION, GUID}) {
      assertNull(parse(null, column), column.name());
    }
  }

  @Test
  void emptyOrBlankForANonTextColumnIsNull() {
    for (Column column : new Column[] {FREE_BIT, START_DATE, FREE_DECIMAL, TEAM_SORT, IMPORTANCE, DURATION, GUID}) {
      assertNull(parse("", column), column.name());
      assertNull(parse("   ", column), column.name());
    }
  }

  @Test
  void emptyTextStaysEmptyText() {
    assertEquals("", parse("", NOTE));
  }

  @Test
  void aColumnTypeTheImportCannotFillIsRefused() {
    Column blob = new Column("picture", Types.BLOB, "BINARY LARGE OBJECT", 1000, true, false);
    assertTrue(refusal("abc", blob).contains("BINARY LARGE OBJECT"));
  }

  @Test
  void aDecimalTooLargeForItsColumnIsRefused() {
    Column geo = new Column("customer_address_geo_long", Types.DECIMAL, "DECIMAL", 12, 8, true, false);
    Target target = Target.of("job", "job_no");
    assertEquals(new BigDecimal("-122.41941550"), ValueParser.parse("-122.41941550", geo, target));
    ValueParser.Invalid invalid = assertThrows(ValueParser.Invalid.class, () -> ValueParser.parse("12345.5", geo, target));
    assertTrue(invalid.getMessage().contains("at most 4 digits before the point"));
  }
}
