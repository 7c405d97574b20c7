package org.planbridge.ingest.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.planbridge.planning.control.Column;

class ItemBinderTest {

  // Columns as JDBC metadata describes the V1 tables (a subset of each).

  static final boolean NULL = true;
  static final boolean NOT_NULL = false;

  static Column varchar(String name, int size, boolean nullable) {
    return new Column(name, Types.VARCHAR, "CHARACTER VARYING", size, nullable, false);
  }

  static Column unbounded(String name) {
    return new Column(name, Types.VARCHAR, "CHARACTER VARYING", Integer.MAX_VALUE, true, false);
  }

  static Column of(String name, int type, String typeName, boolean nullable, boolean hasDefault) {
    return new Column(name, type, typeName, 0, nullable, hasDefault);
  }

  static Column timestamp(String name, boolean nullable) {
    return of(name, Types.TIMESTAMP_WITH_TIMEZONE, "TIMESTAMP WITH TIME ZONE", nullable, false);
  }

  static Map<String, Column> table(Column... columns) {
    Map<String, Column> table = new LinkedHashMap<>();
    table.put("id", of("id", Types.BIGINT, "BIGINT", NOT_NULL, true));
    for (Column column : columns) {
      table.put(column.name(), column);
    }
    table.put("row_version", of("row_version", Types.BIGINT, "BIGINT", NOT_NULL, true));
    table.put("created_at", of("created_at", Types.TIMESTAMP_WITH_TIMEZONE, "TIMESTAMP WITH TIME ZONE", NOT_NULL, true));
    table.put("updated_at", of("updated_at", Types.TIMESTAMP_WITH_TIMEZONE, "TIMESTAMP WITH TIME ZONE", NOT_NULL, true));
    return table;
  }

  static final Map<String, Column> JOB = table(
      varchar("source_app", 30, NOT_NULL), varchar("source_type", 10, NOT_NULL), varchar("job_no", 50, NOT_NULL),
      varchar("short_description", 50, NOT_NULL), unbounded("description"),
      of("importance", Types.SMALLINT, "SMALLINT", NULL, false),
      of("free_bit1", Types.BOOLEAN, "BOOLEAN", NULL, false),
      of("free_decimal1", Types.DECIMAL, "DECIMAL", NULL, false),
      timestamp("start_date", NULL), varchar("customer_no", 20, NULL));

  static final Map<String, Column> TASK = table(
      varchar("source_app", 30, NOT_NULL), varchar("source_type", 10, NOT_NULL), varchar("job_no", 50, NOT_NULL),
      varchar("task_no", 50, NOT_NULL), varchar("short_description", 50, NOT_NULL),
      of("task_index", Types.INTEGER, "INTEGER", NULL, false), timestamp("constraint_date", NULL),
      of("duration", Types.BIGINT, "BIGINT", NULL, false), varchar("url_desc1", 255, NULL),
      of("locked", Types.BOOLEAN, "BOOLEAN", NULL, false));

  static final Map<String, Column> APPOINTMENT = appointment();

  static Map<String, Column> appointment() {
    Map<String, Column> table = new LinkedHashMap<>();
    for (Column column : List.of(
        of("appointment_id", Types.BIGINT, "BIGINT", NOT_NULL, true),
        of("appointment_guid", Types.BINARY, "UUID", NOT_NULL, false),
        varchar("source_app", 30, NOT_NULL), varchar("source_type", 10, NOT_NULL),
        varchar("job_no", 50, NULL), varchar("task_no", 50, NULL), unbounded("subject"), unbounded("body"),
        timestamp("start_time", NOT_NULL), timestamp("end_time", NOT_NULL),
        of("is_all_day_event", Types.BOOLEAN, "BOOLEAN", NOT_NULL, true),
        varchar("time_marker", 100, NULL), varchar("category", 100, NULL),
        of("importance", Types.SMALLINT, "SMALLINT", NOT_NULL, true),
        of("locked", Types.BOOLEAN, "BOOLEAN", NOT_NULL, true),
        varchar("planning_uom", 20, NULL), of("planning_qty", Types.DECIMAL, "DECIMAL", NULL, false),
        of("sent_from_back_office", Types.BOOLEAN, "BOOLEAN", NOT_NULL, true),
        of("row_version", Types.BIGINT, "BIGINT", NOT_NULL, true))) {
      table.put(column.name(), column);
    }
    return table;
  }

  static final Map<String, Column> ASSIGNMENT = Map.of(
      "appointment_id", of("appointment_id", Types.BIGINT, "BIGINT", NOT_NULL, false),
      "resource_no", varchar("resource_no", 50, NOT_NULL),
      "source_app", varchar("source_app", 30, NULL), "source_type", varchar("source_type", 10, NULL),
      "sent_from_back_office", of("sent_from_back_office", Types.BOOLEAN, "BOOLEAN", NOT_NULL, true));

  static final Map<String, Column> TASK_FILTER_VALUE = table(
      varchar("source_app", 30, NOT_NULL), varchar("source_type", 10, NOT_NULL), varchar("job_no", 50, NOT_NULL),
      varchar("task_no", 50, NOT_NULL), varchar("filter_group", 50, NOT_NULL), varchar("filter_value", 100, NOT_NULL),
      of("transfer_to_temp", Types.BOOLEAN, "BOOLEAN", NULL, false));

  // Helpers

  /** Binds name/value pairs as item {@code index} of a request. */
  static BoundItem bind(int index, String procedure, Map<String, Column> columns, String... pairs) {
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      names.add(pairs[i]);
      values.add(pairs[i + 1]);
    }
    Procedure found = ProcedureCatalog.find(procedure).orElseThrow();
    return ItemBinder.bind(new ImportItem(index, procedure, names, values), found, columns);
  }

  static BoundItem bind(String procedure, Map<String, Column> columns, String... pairs) {
    return bind(0, procedure, columns, pairs);
  }

  static String refusal(String procedure, Map<String, Column> columns, String... pairs) {
    ImportRejected rejected = assertThrows(ImportRejected.class, () -> bind(procedure, columns, pairs));
    assertEquals(400, rejected.status());
    return rejected.getMessage();
  }

  static final String[] JOB_KEY = {"SourceApp", "BC", "SourceType", "SO", "JobNo", "J-1"};

  static String[] job(String... more) {
    String[] pairs = Arrays.copyOf(JOB_KEY, JOB_KEY.length + more.length);
    System.arraycopy(more, 0, pairs, JOB_KEY.length, more.length);
    return pairs;
  }

  static final String[] TASK_KEY = {"SourceApp", "BC", "SourceType", "SO", "JobNo", "J-1", "TaskNo", "T-1"};

  static String[] task(String... more) {
    String[] pairs = Arrays.copyOf(TASK_KEY, TASK_KEY.length + more.length);
    System.arraycopy(more, 0, pairs, TASK_KEY.length, more.length);
    return pairs;
  }

  // Matching

  @Test
  void parametersMatchColumnsWhateverTheirCaseAndUnderscores() {
    BoundItem bound = bind("mboc_upsertJob", JOB, "SOURCEAPP", "BC", "source_type", "SO", "jobNo", "J-1",
        "Short_Description", "Repair the pump", "FREE_bit1", "True", "startdate", "2024-05-01 08:00:00Z");
    assertEquals("BC", bound.values().get("source_app"));
    assertEquals("SO", bound.values().get("source_type"));
    assertEquals("J-1", bound.values().get("job_no"));
    assertEquals("Repair the pump", bound.values().get("short_description"));
    assertEquals(Boolean.TRUE, bound.values().get("free_bit1"));
    assertEquals(Instant.parse("2024-05-01T08:00:00Z"), ((OffsetDateTime) bound.values().get("start_date")).toInstant());
  }

  @Test
  void anUnknownParameterIsRefusedNamingItAndTheProcedure() {
    String message = refusal("mboc_upsertJob", JOB, job("ShortDescription", "x", "Colour", "red"));
    assertTrue(message.contains("Colour"), message);
    assertTrue(message.contains("mboc_upsertJob"), message);
    assertTrue(message.startsWith("Item 0"), message);
  }

  @Test
  void aParameterNamedTwiceIsRefusedWhateverItsSpelling() {
    String message = refusal("mboc_upsertJob", JOB, job("ShortDescription", "x", "job_no", "J-2"));
    assertTrue(message.startsWith("Item 0 (mboc_upsertJob), parameter job_no: is given twice"), message);
    assertTrue(refusal("mboc_upsertJob", JOB, job("ShortDescription", "x", "SHORTDESCRIPTION", "x"))
        .contains("parameter SHORTDESCRIPTION: is given twice"), "even with the same value");
  }

  @Test
  void refusalsNameTheItemIndexAndTheParameterAsSent() {
    ImportRejected rejected = assertThrows(ImportRejected.class,
        () -> bind(4, "mboc_upsertJob", JOB, job("ShortDescription", "x", "importance", "5")));
    assertTrue(rejected.getMessage().startsWith("Item 4 (mboc_upsertJob), parameter importance: '5'"),
        rejected.getMessage());
  }

  @Test
  void valuesThatDoNotFitTheirColumnAreRefusedBeforeAnythingIsWritten() {
    assertTrue(refusal("mboc_upsertJob", JOB, job("ShortDescription", "x".repeat(51))).contains("ShortDescription"));
    assertTrue(refusal("mboc_upsertJob", JOB, job("FreeBit1", "yes")).contains("FreeBit1"));
    assertTrue(refusal("mboc_upsertJob", JOB, job("FreeDecimal1", "1,5")).contains("FreeDecimal1"));
    assertTrue(refusal("mboc_upsertJob", JOB, job("StartDate", "01/05/2024")).contains("StartDate"));
  }

  @Test
  void anEmptyParameterNameIsRefused() {
    assertTrue(refusal("mboc_upsertJob", JOB, job("", "x")).contains("empty"));
  }

  // Ignored parameters and extras

  @Test
  void theDotNetDeleteJobFlagsAreAcceptedAndIgnored() {
    BoundItem bound = bind("mboc_deleteJob", JOB, job("CheckAppointments", "True", "SentFromBackOffice", "True"));
    assertEquals(Map.of("source_app", "BC", "source_type", "SO", "job_no", "J-1"), bound.values());
    // ignored means not even parsed
    bind("mboc_deleteJob", JOB, job("checkAppointments", "perhaps"));
  }

  @Test
  void theJsCreateJobFlagOnATaskIsIgnored() {
    BoundItem bound = bind("mboc_upsertTask", TASK, task("ShortDescription", "x", "CreateJob", "true"));
    assertFalse(bound.values().containsKey("create_job"));
    assertEquals(5, bound.values().size());
  }

  @Test
  void anAppointmentsResourcesAreAnExtraNotAColumn() {
    BoundItem bound = bind("mboc_upsertAppointment", APPOINTMENT, "SourceApp", "BC", "SourceType", "SO",
        "ResourceNo", "R1;R2", "ReplaceResource", "True", "AppointmentNo", "A-17");
    assertEquals("R1;R2", bound.extras().get("resourceno"));
    assertEquals("True", bound.extras().get("replaceresource"));
    assertEquals(Set.of("source_app", "source_type"), bound.values().keySet());
  }

  // Aliases

  @Test
  void appointmentStartAndEndAreItsPeriod() {
    BoundItem bound = bind("mboc_upsertAppointment", APPOINTMENT, "SourceApp", "BC", "SourceType", "SO",
        "Start", "2024-05-01T08:00:00.000Z", "End", "2024-05-01 10:00:00Z");
    assertEquals(Instant.parse("2024-05-01T08:00:00Z"), ((OffsetDateTime) bound.values().get("start_time")).toInstant());
    assertEquals(Instant.parse("2024-05-01T10:00:00Z"), ((OffsetDateTime) bound.values().get("end_time")).toInstant());
  }

  @Test
  void typedRouteModelNamesReachTheirColumns() {
    BoundItem bound = bind("mboc_upsertAppointment", APPOINTMENT, "Id", "17", "IsAllDay", "true",
        "UnitOfMeasure", "HOUR", "PlanningQuantity", "2.5");
    assertEquals(17L, bound.values().get("appointment_id"));
    assertEquals(Boolean.TRUE, bound.values().get("is_all_day_event"));
    assertEquals("HOUR", bound.values().get("planning_uom"));
    assertEquals(new BigDecimal("2.5"), bound.values().get("planning_qty"));
  }

  @Test
  void importParameterNamesAndModelNamesAreOneColumn() {
    BoundItem parameter = bind("mboc_upsertAppointment", APPOINTMENT, "IsAllDayEvent", "1", "PlanningUOM", "DAY");
    assertEquals(Boolean.TRUE, parameter.values().get("is_all_day_event"));
    assertEquals("DAY", parameter.values().get("planning_uom"));
  }

  @Test
  void bothSpellingsOfATasksConstraintDate() {
    Instant expected = Instant.parse("2024-06-01T00:00:00Z");
    for (String name : List.of("ConstraintDatetime", "ConstraintDate", "constraintDatetime")) {
      BoundItem bound = bind("mboc_upsertTask", TASK, task("ShortDescription", "x", name, "2024-06-01"));
      assertEquals(expected, ((OffsetDateTime) bound.values().get("constraint_date")).toInstant(), name);
    }
  }

  @Test
  void taskIndexAndUrlDescriptionAliases() {
    BoundItem bound = bind("mboc_upsertTask", TASK, task("ShortDescription", "x", "Index", "3", "UrlDescription1", "Map"));
    assertEquals(3, bound.values().get("task_index"));
    assertEquals("Map", bound.values().get("url_desc1"));
    assertEquals("Map", bind("mboc_upsertTask", TASK, task("urldesc1", "Map")).values().get("url_desc1"));
  }

  @Test
  void aTasksDurationArrivesAsTicksOrClockTimeAndIsStoredInSeconds() {
    assertEquals(3600L, bind("mboc_upsertTask", TASK, task("Duration", "36000000000")).values().get("duration"));
    assertEquals(5400L, bind("mboc_upsertTask", TASK, task("Duration", "01:30:00")).values().get("duration"));
  }

  @Test
  void theOldPlanningQuantityNameOnTheSubUpdate() {
    BoundItem bound = bind("mboc_updateAppointmentPlanningQty", APPOINTMENT, "AppointmentId", "5", "Quantity", "3");
    assertEquals(new BigDecimal("3"), bound.values().get("planning_qty"));
  }

  // Keys

  @ParameterizedTest
  @ValueSource(strings = {"SourceApp", "SourceType", "JobNo"})
  void everyKeyParameterIsRequiredAndNamedWhenMissing(String missing) {
    List<String> pairs = new ArrayList<>(List.of(job("ShortDescription", "x")));
    int at = pairs.indexOf(missing);
    pairs.remove(at + 1);
    pairs.remove(at);
    String message = refusal("mboc_upsertJob", JOB, pairs.toArray(String[]::new));
    assertTrue(message.contains("parameter " + missing), message);
    assertTrue(message.contains("required"), message);
  }

  @Test
  void aBlankOrNullKeyIsMissingToo() {
    String blank = refusal("mboc_deleteJob", JOB, "SourceApp", "BC", "SourceType", "SO", "job_no", "  ");
    assertTrue(blank.contains("parameter job_no"), blank);
    String nul = refusal("mboc_deleteTask", TASK, "SourceApp", "BC", "SourceType", "SO", "JobNo", "J-1", "TaskNo", null);
    assertTrue(nul.contains("parameter TaskNo"), nul);
  }

  @Test
  void aDeleteWithNoParametersAtAllIsRefusedNamingTheKey() {
    assertTrue(refusal("mboc_deleteResource", table(varchar("resource_no", 50, NOT_NULL)))
        .contains("parameter ResourceNo"));
    assertTrue(refusal("mboc_deleteAppointmentResource", ASSIGNMENT).contains("parameter ResourceNo"));
    String refused = refusal("mboc_deleteResource", table(varchar("resource_no", 50, NOT_NULL)));
    assertTrue(refused.contains("names nothing to delete") && refused.contains("DELETE /api/resource with the record"),
        refused);
  }

  // What a procedure keeps

  @Test
  void aDeleteKeepsOnlyTheKeyWhenTheJsSdkSendsTheWholeRecord() {
    BoundItem bound = bind("mboc_deleteJob", JOB, job("ShortDescription", "Repair", "Description", "long text",
        "Importance", "1", "FreeBit1", "false", "StartDate", "2024-05-01T08:00:00.000Z", "CustomerNo", null));
    assertEquals(List.of("source_app", "source_type", "job_no"), List.copyOf(bound.values().keySet()));
    assertEquals(List.of("BC", "SO", "J-1"), List.copyOf(bound.values().values()));
  }

  @Test
  void aDeleteAcceptsNullsForTheRestOfTheRecord() {
    BoundItem bound = bind("mboc_deleteJob", JOB, job("ShortDescription", null, "Importance", null));
    assertEquals(Set.of("source_app", "source_type", "job_no"), bound.values().keySet());
  }

  @Test
  void aClearKeepsOnlyTheOwner() {
    BoundItem bound = bind("mboc_ClearTaskFilterValue", TASK_FILTER_VALUE, task("FilterGroup", "Skill", "TransferToTemp", "0"));
    assertEquals(List.of("source_app", "source_type", "job_no", "task_no"), List.copyOf(bound.values().keySet()));
  }

  @Test
  void aClearNeedsItsOwnerColumns() {
    String message = refusal("mboc_ClearTaskFilterValue", TASK_FILTER_VALUE, "SourceApp", "BC", "SourceType", "SO", "JobNo", "J-1");
    assertTrue(message.contains("parameter TaskNo"), message);
  }

  @Test
  void anAppointmentSubUpdateRefusesAColumnItDoesNotWrite() {
    String message = refusal("mboc_updateAppointmentCategory", APPOINTMENT, "AppointmentId", "5", "Category", "Urgent",
        "Subject", "Changed behind our back");
    assertTrue(message.contains("Subject"), message);
    assertTrue(message.contains("mboc_updateAppointmentCategory"), message);
    assertTrue(refusal("mboc_updateAppointmentContent", APPOINTMENT, "AppointmentId", "5", "Category", "Urgent")
        .contains("Category"));
    assertTrue(refusal("mboc_updateAppointmentLocked", APPOINTMENT, "AppointmentId", "5", "Start", "2024-05-01")
        .contains("Start"));
  }

  @Test
  void anAppointmentSubUpdateTakesWhatTheSdksSendWithIt() {
    BoundItem bound = bind("mboc_updateAppointmentCategory", APPOINTMENT, "SourceApp", "BC", "SourceType", "SO",
        "AppointmentId", "5", "AppointmentGuid", "d3b07384-d9a0-4c5e-9b1a-0123456789ab", "SentFromBackOffice", "True",
        "Category", "Urgent");
    assertEquals("Urgent", bound.values().get("category"));
    assertEquals(5L, bound.values().get("appointment_id"));
    assertEquals(UUID.fromString("d3b07384-d9a0-4c5e-9b1a-0123456789ab"), bound.values().get("appointment_guid"));
    BoundItem content = bind("mboc_updateAppointmentContent", APPOINTMENT, "AppointmentId", "5", "Subject", "S", "Body", "B");
    assertEquals("S", content.values().get("subject"));
    assertEquals("B", content.values().get("body"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"RowVersion", "row_version", "CreatedAt", "updated_at", "Id"})
  void columnsTheDatabaseMaintainsAreNotParameters(String name) {
    String message = refusal("mboc_upsertJob", JOB, job("ShortDescription", "x", name, "1"));
    assertTrue(message.contains("parameter " + name) && message.contains("not a parameter"), message);
  }

  @Test
  void anEmptyValueLeavesAColumnWithADefaultAlone() {
    BoundItem bound = bind("mboc_upsertAppointment", APPOINTMENT, "AppointmentId", "5", "Importance", "", "Locked", null);
    assertEquals(Set.of("appointment_id"), bound.values().keySet());
  }

  @Test
  void anEmptyValueClearsANullableColumn() {
    BoundItem bound = bind("mboc_upsertJob", JOB, job("Importance", "", "StartDate", " "));
    assertTrue(bound.values().containsKey("importance") && bound.values().get("importance") == null);
    assertTrue(bound.values().containsKey("start_date") && bound.values().get("start_date") == null);
  }

  /**
   * A null is a parameter not sent (docs/dime-sdk-reference.md, 1.1): the JS SDK sends null for the
   * fields a caller left unset, so a null for a required column must not refuse an update that
   * leaves that column alone.
   */
  @Test
  void aNullForARequiredColumnIsAParameterNotSent() {
    BoundItem job = bind("mboc_upsertJob", JOB, job("ShortDescription", null, "Description", "new text"));
    assertFalse(job.values().containsKey("short_description"));
    assertEquals("new text", job.values().get("description"));

    BoundItem category = bind("mboc_updateAppointmentCategory", APPOINTMENT, "AppointmentId", "5", "SourceApp", null,
        "SourceType", null, "Category", "Urgent");
    assertEquals(Map.of("appointment_id", 5L, "category", "Urgent"), category.values());

    BoundItem delete = bind("mboc_deleteAppointment", APPOINTMENT, "AppointmentId", "5", "AppointmentGuid", null,
        "SourceApp", null, "SourceType", null, "JobNo", null, "TaskNo", null, "ResourceNo", null);
    assertEquals(5L, delete.values().get("appointment_id"));
  }

  @Test
  void aNullForANullableColumnLeavesItAloneWhileAnEmptyStringClearsIt() {
    BoundItem bound = bind("mboc_upsertJob", JOB, job("Description", null, "CustomerNo", ""));
    assertFalse(bound.values().containsKey("description"), "null: not sent");
    assertEquals("", bound.values().get("customer_no"), "empty string: cleared");
  }

  @Test
  void aBlankRequiredTextIsRefused() {
    assertTrue(refusal("mboc_upsertJob", JOB, job("ShortDescription", "  "))
        .endsWith("parameter ShortDescription: must not be empty"));
  }

  @Test
  void aDeleteDoesNotParseWhatItThrowsAway() {
    BoundItem bound = bind("mboc_deleteJob", JOB, job("StartDate", "not a date", "ShortDescription", "x"));
    assertEquals(Set.of("source_app", "source_type", "job_no"), bound.values().keySet());
    assertTrue(refusal("mboc_deleteJob", JOB, job("Colour", "red")).contains("parameter Colour: is not a parameter"),
        "an unknown name is still refused");
  }

  @Test
  void anAssignmentTakesTheAppointmentGuidAsAnExtra() {
    BoundItem bound = bind("mboc_addAppointmentResource", ASSIGNMENT, "SourceApp", "BC", "SourceType", "SO",
        "AppointmentId", "0", "AppointmentGuid", "d3b07384-d9a0-4c5e-9b1a-0123456789ab", "ResourceNo", "R1",
        "SentFromBackOffice", "True");
    assertEquals("R1", bound.values().get("resource_no"));
    assertEquals("d3b07384-d9a0-4c5e-9b1a-0123456789ab", bound.extras().get("appointmentguid"));
  }
}
