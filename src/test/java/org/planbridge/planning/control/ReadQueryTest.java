package org.planbridge.planning.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.planbridge.testing.MigratedSchema;

class ReadQueryTest {

  @Test
  void defaultsWithoutParameters() {
    ReadQuery query = ReadQuery.parse(PlanningCollection.JOBS, columns(PlanningCollection.JOBS), Map.of());
    assertEquals(0, query.offset());
    assertEquals(100, query.limit());
    assertEquals(Map.of(), query.filters());
    assertNull(query.changedSince());
    assertNull(query.sinceRowVersion());
  }

  @Test
  void readsEveryParameter() {
    ReadQuery query = ReadQuery.parse(PlanningCollection.TASKS, columns(PlanningCollection.TASKS), params(
        "offset", "20", "limit", "1000", "sourceApp", " BC ", "sourceType", "SO", "jobNo", "J1", "taskNo", "T1",
        "changedSince", "2024-05-01T10:00:00+02:00", "sinceRowVersion", "42"));
    assertEquals(20, query.offset());
    assertEquals(1000, query.limit());
    assertEquals(Map.of("sourceApp", "BC", "sourceType", "SO", "jobNo", "J1", "taskNo", "T1"), query.filters());
    assertEquals(OffsetDateTime.parse("2024-05-01T08:00:00Z").toInstant(), query.changedSince().toInstant());
    assertEquals(42L, query.sinceRowVersion());
  }

  @Test
  void limitOutsideOneToAThousand() {
    assertBad("limit", "from 1 to 1000", PlanningCollection.JOBS, "limit", "1001");
    assertBad("limit", "from 1 to 1000", PlanningCollection.JOBS, "limit", "0");
    assertBad("limit", "'ten'", PlanningCollection.JOBS, "limit", "ten");
  }

  @Test
  void negativeOrNonNumericOffset() {
    assertBad("offset", "from 0 to 2147483647", PlanningCollection.PINS, "offset", "-1");
    assertBad("offset", "from 0 to 2147483647", PlanningCollection.PINS, "offset", "1.5");
  }

  @Test
  void timestampWithoutOffsetOrMalformed() {
    assertBad("changedSince", "ISO-8601", PlanningCollection.APPOINTMENTS, "changedSince", "yesterday");
    assertBad("changedSince", "ISO-8601", PlanningCollection.APPOINTMENTS, "changedSince", "2024-05-01T10:00:00");
  }

  @Test
  void offsetWhosePlusArrivedAsASpace() {
    ReadQuery query = ReadQuery.parse(PlanningCollection.APPOINTMENTS, columns(PlanningCollection.APPOINTMENTS), params("changedSince", "2024-05-01T10:00:00 02:00"));
    assertEquals(OffsetDateTime.parse("2024-05-01T08:00:00Z").toInstant(), query.changedSince().toInstant());
  }

  @Test
  void rowVersionMustBeAWholeNumber() {
    assertBad("sinceRowVersion", "row version", PlanningCollection.JOBS, "sinceRowVersion", "-5");
    assertBad("sinceRowVersion", "row version", PlanningCollection.JOBS, "sinceRowVersion", "abc");
  }

  @Test
  void filterTheCollectionDoesNotHave() {
    BadParameter bad = assertBad("jobNo", "not a filter of categoryPages", PlanningCollection.CATEGORIES, "jobNo", "J1");
    assertTrue(bad.getMessage().contains("it accepts offset, limit, changedSince, sinceRowVersion."), bad.getMessage());
    assertBad("resourceNo", "not a filter of appointments", PlanningCollection.APPOINTMENTS, "resourceNo", "R1");
    assertBad("taskNo", "not a filter of jobs", PlanningCollection.JOBS, "taskNo", "T1");
  }

  @Test
  void unknownParameter() {
    BadParameter bad = assertBad("jobno", "Unknown query parameter 'jobno'", PlanningCollection.JOBS, "jobno", "J1");
    assertTrue(bad.getMessage().contains("sourceApp, sourceType, jobNo"), bad.getMessage());
  }

  @Test
  void emptyFilterOrRepeatedParameter() {
    assertBad("sourceApp", "must not be empty", PlanningCollection.JOBS, "sourceApp", "  ");
    Map<String, List<String>> repeated = Map.of("limit", List.of("5", "6"));
    BadParameter bad = assertThrows(BadParameter.class, () -> ReadQuery.parse(PlanningCollection.JOBS, columns(PlanningCollection.JOBS), repeated));
    assertEquals("limit", bad.parameter());
  }

  private static BadParameter assertBad(String parameter, String text, PlanningCollection collection, String... pairs) {
    BadParameter bad = assertThrows(BadParameter.class, () -> ReadQuery.parse(collection, columns(collection), params(pairs)));
    assertEquals(parameter, bad.parameter());
    assertTrue(bad.getMessage().contains("'" + parameter + "'"), bad.getMessage());
    assertTrue(bad.getMessage().contains(text), bad.getMessage());
    return bad;
  }

  private static java.util.Set<String> columns(PlanningCollection collection) {
    return MigratedSchema.columnNames(collection.table());
  }

  private static Map<String, List<String>> params(String... pairs) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      parameters.put(pairs[i], List.of(pairs[i + 1]));
    }
    return parameters;
  }
}
