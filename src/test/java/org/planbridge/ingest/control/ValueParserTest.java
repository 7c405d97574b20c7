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
  static final Column FREE_DECIMAL = new Column("free_decimal1", Types.DECIMAL, "DECIMAL", 19, true, false);
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

  // --- decimals

  @Test
  void decimalsUseADot() {
    assertEquals(new BigDecimal("12.5"), parse("12.5", FREE_DECIMAL));
    assertEquals(0, new BigDecimal("-0.0000001").compareTo((BigDecimal) parse("-1e-7", FREE_DECIMAL)));
    assertEquals(new BigDecimal("0"), parse("0", FREE_DECIMAL));
  }

  @Test
  void aCommaDecimalIsRefusedRatherThanMisread() {
    String message = refusal("12,5", FREE_DECIMAL);
    assertTrue(message.contains("'12,5'"), message);
    assertTrue(message.contains("dot"), message);
    refusal("1.234,5", FREE_DECIMAL);
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

  @ParameterizedTest
  @ValueSource(strings = {"1.5", "12,0", "ten", "1e3", "0x10"})
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
  void durationsAreOnlyParsedAsSuchWhereTheCatalogSaysSo() {
    // duration_in_seconds is a plain number of seconds: "01:00:00" is not one
    refusal("01:00:00", DURATION_IN_SECONDS);
    assertEquals(36000000000L, parse("36000000000", DURATION_IN_SECONDS));
  }

  // --- GUIDs

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
  void lengthIsCountedInCharactersAsTheDatabaseDoes() {
    // 50 emoji are 50 characters in VARCHAR(50), though 100 UTF-16 units in Java
    String emoji = "\uD83D\uDE00".repeat(50);
    assertEquals(emoji, parse(emoji, SHORT_DESCRIPTION));
    String message = refusal("\uD83D\uDE00".repeat(51), SHORT_DESCRIPTION);
    assertTrue(message.contains("51") && message.contains("50"), message);
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
