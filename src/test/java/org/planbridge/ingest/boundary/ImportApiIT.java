package org.planbridge.ingest.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbridge.testing.Calls.body;
import static org.planbridge.testing.Calls.call;
import static org.planbridge.testing.Calls.job;
import static org.planbridge.testing.Calls.resource;
import static org.planbridge.testing.Calls.task;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planbridge.testing.ApiClient;
import org.planbridge.testing.ApiClient.Answer;
import org.planbridge.testing.SuiteServer;
import org.planbridge.testing.TestDatabase;

/** The import API end to end: HTTP in, database rows out, on the database the build tests against. */
class ImportApiIT {

  final URL base = SuiteServer.base();

  ApiClient api;

  @BeforeEach
  void startEmpty() {
    api = new ApiClient(base);
    TestDatabase.clearPlanning();
  }

  @Test
  void importsAJobWithTasksResourcesAndAnAssignedAppointment() {
    Answer answer = api.send("POST", "api/import", body(
        job("J-1", "Boiler service"),
        call("mboc_upsertTask", "SourceApp", "BC", "SourceType", "SO", "JobNo", "J-1", "TaskNo", "T-1",
            "ShortDescription", "Replace valve", "Duration", "36000000000", "RequestedStartDate", "2024-05-01 08:00:00Z",
            "Importance", "1", "FreeBit1", "True", "FreeDecimal1", "12.5"),
        resource("R-1", "Anna"),
        resource("R-2", "Bert"),
        call("mboc_upsertAppointment", "SourceApp", "BC", "SourceType", "SO", "JobNo", "J-1", "TaskNo", "T-1",
            "Subject", "Visit", "Start", "2024-05-01T08:00:00.000Z", "End", "2024-05-01T10:30:00.000Z",
            "ResourceNo", "R-1;R-2", "Importance", "2", "PlanningQty", "2.5", "IsAllDayEvent", "false")));

    assertEquals(200, answer.status());
    assertEquals(200, answer.statusCode(), answer.body());
    JsonObject content = answer.content();
    assertTrue(content.getBoolean("Success"));
    JsonArray appointments = content.getJsonArray("Appointments");
    assertEquals(1, appointments.size());
    long id = appointments.getJsonObject(0).getJsonNumber("Id").longValue();
    UUID guid = UUID.fromString(appointments.getJsonObject(0).getString("Guid"));

    Map<String, Object> task = TestDatabase.rows("SELECT * FROM task WHERE task_no = 'T-1'").get(0);
    assertEquals("Replace valve", task.get("short_description"));
    assertEquals(3600L, ((Number) task.get("duration")).longValue(), "ticks are stored as seconds");
    assertEquals(OffsetDateTime.of(2024, 5, 1, 8, 0, 0, 0, ZoneOffset.UTC), TestDatabase.timestamp(task.get("requested_start_date")));
    assertEquals(true, task.get("free_bit1"));
    assertEquals(0, new BigDecimal("12.5").compareTo((BigDecimal) task.get("free_decimal1")));

    Map<String, Object> appointment = TestDatabase.rows("SELECT * FROM appointment WHERE appointment_id = ?", id).get(0);
    assertEquals(guid.toString(), appointment.get("appointment_guid").toString());
    assertEquals("Visit", appointment.get("subject"));
    assertEquals(2, ((Number) appointment.get("importance")).intValue());
    assertEquals(OffsetDateTime.of(2024, 5, 1, 10, 30, 0, 0, ZoneOffset.UTC), TestDatabase.timestamp(appointment.get("end_time")));
    assertEquals(List.of("R-1", "R-2"), TestDatabase.rows(
        "SELECT resource_no FROM assignment WHERE appointment_id = ? ORDER BY resource_no", id)
        .stream().map(r -> r.get("resource_no")).toList());
  }

  @Test
  void anAppointmentUpsertWithItsGuidUpdatesThatAppointment() {
    String guid = UUID.randomUUID().toString();
    api.send("POST", "api/import", body(job("J-1", "Job"), task("J-1", "T-1", "Task"),
        call("mboc_upsertAppointment", "AppointmentGuid", guid, "SourceApp", "BC", "SourceType", "SO",
            "JobNo", "J-1", "TaskNo", "T-1", "Start", "2024-05-01T08:00:00Z", "End", "2024-05-01T09:00:00Z")));
    Answer moved = api.send("POST", "api/import", body(call("mboc_upsertAppointment", "AppointmentGuid", guid,
        "SourceApp", "BC", "SourceType", "SO", "Start", "2024-05-02T08:00:00Z", "End", "2024-05-02T09:00:00Z")));

    assertEquals(200, moved.statusCode(), moved.body());
    assertEquals(guid, moved.content().getJsonArray("Appointments").getJsonObject(0).getString("Guid"));
    List<Map<String, Object>> rows = TestDatabase.rows("SELECT * FROM appointment");
    assertEquals(1, rows.size(), "the guid names the existing appointment; no second one");
    assertEquals(OffsetDateTime.of(2024, 5, 2, 8, 0, 0, 0, ZoneOffset.UTC), TestDatabase.timestamp(rows.get(0).get("start_time")));
    assertEquals("T-1", rows.get(0).get("task_no"), "what the update did not send stays");
  }

  @Test
  void theAppointmentAttributeProceduresChangeOnlyTheirAttribute() {
    long id = createAppointment();
    Answer answer = api.send("POST", "api/import", body(
        call("mboc_updateAppointmentCategory", "SourceApp", "BC", "SourceType", "SO", "AppointmentId", "" + id,
            "Category", "Urgent", "SentFromBackOffice", "True"),
        call("mboc_updateAppointmentLocked", "AppointmentId", "" + id, "Locked", "1"),
        call("mboc_updateAppointmentPlanningQty", "AppointmentId", "" + id, "PlanningQty", "3.75"),
        call("mboc_updateAppointmentContent", "AppointmentId", "" + id, "Subject", "New subject", "Body", "Details"),
        call("mboc_updateAppointmentTimeMarker", "AppointmentId", "" + id, "TimeMarker", "Late"),
        call("mboc_updateAppointmentImportance", "AppointmentId", "" + id, "Importance", "1")));

    assertEquals(200, answer.statusCode(), answer.body());
    assertEquals(1, answer.content().getJsonArray("Appointments").size(), "one appointment, listed once");
    Map<String, Object> row = TestDatabase.rows("SELECT * FROM appointment WHERE appointment_id = ?", id).get(0);
    assertEquals("Urgent", row.get("category"));
    assertEquals(true, row.get("locked"));
    assertEquals(0, new BigDecimal("3.75").compareTo((BigDecimal) row.get("planning_qty")));
    assertEquals("New subject", row.get("subject"));
    assertEquals("Details", row.get("body"));
    assertEquals("Late", row.get("time_marker"));
    assertEquals(1, ((Number) row.get("importance")).intValue());
    assertEquals(true, row.get("sent_from_back_office"));
    assertEquals(OffsetDateTime.of(2024, 5, 1, 8, 0, 0, 0, ZoneOffset.UTC), TestDatabase.timestamp(row.get("start_time")));
  }

  @Test
  void resourcesAreAssignedAndRemoved() {
    long id = createAppointment();
    api.send("POST", "api/import", body(resource("R-9", "Nina")));
    Answer added = api.send("POST", "api/import", body(call("mboc_addAppointmentResource", "SourceApp", "BC",
        "SourceType", "SO", "AppointmentId", "" + id, "ResourceNo", "R-9", "SentFromBackOffice", "False")));
    assertEquals(200, added.statusCode(), added.body());
    assertEquals(1, TestDatabase.count("assignment", "appointment_id = ? AND resource_no = 'R-9'", id));

    Answer removed = api.send("POST", "api/import", body(call("mboc_deleteAppointmentResource", "SourceApp", "BC",
        "SourceType", "SO", "AppointmentId", "" + id, "ResourceNo", "R-9")));
    assertEquals(200, removed.statusCode(), removed.body());
    assertEquals(0, TestDatabase.count("assignment", "appointment_id = ? AND resource_no = 'R-9'", id));
  }

  @Test
  void deletingAJobDeletesItsTasksAndAppointments() {
    createAppointment();
    api.send("POST", "api/import", body(job("J-2", "Other job"), task("J-2", "T-1", "Other task")));

    Answer deleted = api.send("POST", "api/import", body(call("mboc_deleteJob", "SourceApp", "BC", "SourceType", "SO",
        "JobNo", "J-1", "CheckAppointments", "True", "SentFromBackOffice", "True")));

    assertEquals(200, deleted.statusCode(), deleted.body());
    assertEquals(0, TestDatabase.count("job", "job_no = 'J-1'"));
    assertEquals(0, TestDatabase.count("task", "job_no = 'J-1'"));
    assertEquals(0, TestDatabase.count("appointment", ""));
    assertEquals(1, TestDatabase.count("task", "job_no = 'J-2'"), "other jobs keep their tasks");
  }

  @Test
  void indicatorsFiltersAndActionUrisAreUpsertedAndDeleted() {
    Answer answer = api.send("POST", "api/import", body(job("J-1", "Job"), task("J-1", "T-1", "Task"), resource("R-1", "Anna"),
        call("mboc_upsertCategory", "CategoryName", "Urgent", "DisplayName", "Urgent!", "CategoryHexColor", "#FF0000"),
        call("mboc_upsertTimeMarker", "TimeMarker", "Late", "HexColor", "#00FF00"),
        call("mboc_upsertPin", "Name", "VIP", "HexColor", "#0000FF"),
        call("mboc_upsertFilterGroup", "Id", "0", "GroupName", "Region", "ColumnNo", "1", "DataFilter", "False"),
        call("mboc_upsertFilterValue", "FilterGroupName", "Region", "FilterValue", "North"),
        call("mboc_upsertTaskFilterValue", "SourceApp", "BC", "SourceType", "SO", "JobNo", "J-1", "TaskNo", "T-1",
            "FilterGroup", "Region", "FilterValue", "North", "TransferToTemp", "False"),
        call("mboc_upsertResourceFilterValue", "SourceApp", "BC", "SourceType", "SO", "ResourceNo", "R-1",
            "FilterGroup", "Region", "FilterValue", "North", "TransferToTemp", "True"),
        call("mboc_upsertActionUrl", "SourceApp", "BC", "SourceType", "SO", "UrlType", "2",
            "Url", "https://erp.example/task/{TaskNo}", "UrlDesc", "Open task", "DefaultUrl", "True", "RequestType", "1")));
    assertEquals(200, answer.statusCode(), answer.body());
    assertEquals("#FF0000", TestDatabase.rows("SELECT category_hex_color FROM category").get(0).get("category_hex_color"));
    assertEquals(1, TestDatabase.count("time_marker", "hex_color = '#00FF00'"));
    assertEquals(1, TestDatabase.count("pin", "name = 'VIP'"));
    assertEquals(1, TestDatabase.count("filter_value", "filter_group_name = 'Region' AND filter_value = 'North'"));
    assertEquals(1, TestDatabase.count("task_filter_value", "task_no = 'T-1'"));
    assertEquals(1, TestDatabase.count("resource_filter_value", "resource_no = 'R-1' AND transfer_to_temp = TRUE"));
    assertEquals(1, TestDatabase.count("action_uri", "url_type = 2 AND request_type = 1 AND default_url = TRUE"));

    Answer cleared = api.send("POST", "api/import", body(
        call("mboc_ClearTaskFilterValue", "SourceApp", "BC", "SourceType", "SO", "JobNo", "J-1", "TaskNo", "T-1"),
        call("mboc_ClearResourceFilterValue", "SourceApp", "BC", "SourceType", "SO", "ResourceNo", "R-1"),
        call("mboc_deleteFilterValue", "FilterGroupName", "Region", "FilterValue", "North"),
        call("mboc_deleteCategory", "CategoryName", "Urgent", "DisplayName", "Urgent!", "CategoryHexColor", "#FF0000"),
        call("mboc_deleteTimeMarker", "TimeMarker", "Late"),
        call("mboc_deletePin", "Name", "VIP"),
        call("mboc_deleteFilterGroup", "GroupName", "Region"),
        call("mboc_deleteResource", "ResourceNo", "R-1"),
        call("mboc_deleteTask", "SourceApp", "BC", "SourceType", "SO", "JobNo", "J-1", "TaskNo", "T-1")));
    assertEquals(200, cleared.statusCode(), cleared.body());
    for (String table : List.of("task_filter_value", "resource_filter_value", "filter_value", "category", "time_marker",
        "pin", "filter_group", "resource", "task")) {
      assertEquals(0, TestDatabase.count(table, ""), table);
    }
  }

  @Test
  void theTypedRoutesOfTheSdksWriteTheSameRows() {
    // The JS SDK: arrays of camelCase models; the .NET SDK: one PascalCase object, appointment updates as POST.
    assertEquals(200, api.send("POST", "api/job", "[{\"sourceApp\":\"BC\",\"sourceType\":\"SO\",\"jobNo\":\"J-1\","
        + "\"shortDescription\":\"Typed job\",\"importance\":1,\"freeBit1\":false,\"allowDependencies\":true}]").statusCode());
    assertEquals(200, api.send("POST", "api/task", "{\"SourceApp\":\"BC\",\"SourceType\":\"SO\",\"JobNo\":\"J-1\","
        + "\"TaskNo\":\"T-1\",\"ShortDescription\":\"Typed task\",\"ConstraintDatetime\":\"2024-05-03T00:00:00.000Z\"}").statusCode());
    assertEquals(200, api.send("POST", "api/resource", "[{\"resourceNo\":\"R-1\",\"displayName\":\"Anna\"}]").statusCode());
    Answer created = api.send("POST", "api/appointment", "[{\"sourceApp\":\"BC\",\"sourceType\":\"SO\",\"jobNo\":\"J-1\","
        + "\"taskNo\":\"T-1\",\"subject\":\"Typed\",\"start\":\"2024-05-01T08:00:00.000Z\",\"end\":\"2024-05-01T09:00:00.000Z\","
        + "\"isAllDay\":false,\"unitOfMeasure\":\"HOUR\",\"planningQuantity\":1.5,\"resourceNo\":\"R-1\",\"appointmentNo\":\"A-1\"}]");
    assertEquals(200, created.statusCode(), created.body());
    long id = created.content().getJsonArray("Appointments").getJsonObject(0).getJsonNumber("Id").longValue();
    assertEquals(200, api.send("PUT", "api/job", "[{\"sourceApp\":\"BC\",\"sourceType\":\"SO\",\"jobNo\":\"J-1\","
        + "\"category\":\"Changed\"}]").statusCode());
    assertEquals(200, api.send("POST", "api/appointmentCategory", "{\"SourceApp\":\"BC\",\"SourceType\":\"SO\","
        + "\"AppointmentId\":" + id + ",\"Category\":\"Urgent\",\"SentFromBackOffice\":true}").statusCode());
    assertEquals(200, api.send("POST", "api/categories", "[{\"name\":\"Urgent\",\"displayName\":\"Urgent\",\"color\":\"#FF0000\"}]").statusCode());
    assertEquals(200, api.send("POST", "api/actionuri", "[{\"sourceApp\":\"BC\",\"sourceType\":\"SO\",\"uriType\":1,"
        + "\"uri\":\"https://erp.example/a\",\"description\":\"Open\",\"default\":true}]").statusCode());

    Map<String, Object> job = TestDatabase.rows("SELECT * FROM job WHERE job_no = 'J-1'").get(0);
    assertEquals("Typed job", job.get("short_description"), "PUT changed only what it sent");
    assertEquals("Changed", job.get("category"));
    Map<String, Object> appointment = TestDatabase.rows("SELECT * FROM appointment WHERE appointment_id = ?", id).get(0);
    assertEquals("HOUR", appointment.get("planning_uom"));
    assertEquals("Urgent", appointment.get("category"));
    assertEquals(1, TestDatabase.count("assignment", "appointment_id = ? AND resource_no = 'R-1'", id));
    assertEquals(1, TestDatabase.count("task", "constraint_date IS NOT NULL"));
    assertEquals(1, TestDatabase.count("action_uri", "url_desc = 'Open' AND default_url = TRUE"));

    Answer deleted = api.send("DELETE", "api/appointment", "[{\"id\":" + id + ",\"sourceApp\":\"BC\",\"sourceType\":\"SO\"}]");
    assertEquals(200, deleted.statusCode(), deleted.body());
    assertEquals(0, TestDatabase.count("appointment", ""));
    Answer unknown = api.send("POST", "api/jobz", "[]");
    assertEquals(404, unknown.statusCode());
    assertTrue(unknown.content().getString("Description").contains("/api/jobz"));
  }

  @Test
  void whatBothFormatsImportIsReadBackThroughTheApi() {
    assertEquals(200, api.send("POST", "api/import", body(job("J-P", "By procedure"), task("J-P", "T-1", "Procedure task"),
        resource("R-P", "Procedure resource"),
        call("mboc_upsertAppointment", "SourceApp", "BC", "SourceType", "SO", "JobNo", "J-P", "TaskNo", "T-1",
            "Start", "2024-05-01T08:00:00Z", "End", "2024-05-01T09:00:00Z", "ResourceNo", "R-P"))).statusCode());
    assertEquals(200, api.send("POST", "api/job", "[{\"sourceApp\":\"BC\",\"sourceType\":\"SO\",\"jobNo\":\"J-T\","
        + "\"shortDescription\":\"By route\"}]").statusCode());
    assertEquals(200, api.send("POST", "api/task", "[{\"sourceApp\":\"BC\",\"sourceType\":\"SO\",\"jobNo\":\"J-T\","
        + "\"taskNo\":\"T-1\",\"shortDescription\":\"Route task\"}]").statusCode());
    assertEquals(200, api.send("POST", "api/resource", "[{\"resourceNo\":\"R-T\",\"resourceName\":\"Route resource\"}]").statusCode());
    assertEquals(200, api.send("POST", "api/appointment", "[{\"sourceApp\":\"BC\",\"sourceType\":\"SO\",\"jobNo\":\"J-T\","
        + "\"taskNo\":\"T-1\",\"start\":\"2024-05-02T08:00:00Z\",\"end\":\"2024-05-02T09:00:00Z\",\"resourceNo\":\"R-T\"}]").statusCode());

    JsonObject jobs = (JsonObject) api.get("api/jobs?sourceApp=BC").json();
    assertEquals(2, jobs.getInt("total"));
    assertEquals(List.of("By procedure", "By route"), jobs.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(j -> j.getString("shortDescription")).sorted().toList());
    JsonObject tasks = (JsonObject) api.get("api/tasks?jobNo=J-T").json();
    assertEquals("Route task", tasks.getJsonArray("items").getJsonObject(0).getString("shortDescription"));
    JsonObject resources = (JsonObject) api.get("api/resources").json();
    assertEquals(2, resources.getInt("total"));
    JsonObject appointments = (JsonObject) api.get("api/appointments?jobNo=J-T").json();
    assertEquals(1, appointments.getInt("total"));
    assertEquals("R-T", appointments.getJsonArray("items").getJsonObject(0).getJsonArray("resources").getString(0));
  }

  @Test
  void refusedRequestsLeaveTheDatabaseAsItWas() {
    api.send("POST", "api/import", body(job("J-0", "Existing")));
    String longText = "x".repeat(51);
    Map<String, String> cases = Map.ofEntries(
        Map.entry("[{\"StoredProcedureName\":\"mboc_upsertJob\",", "Malformed JSON at line 1"),
        Map.entry("{\"StoredProcedureName\":\"mboc_upsertJob\"}", "must be a JSON array"),
        Map.entry(body(job("J-1", "ok"), call("mboc_upsertNothing", "A", "b")), "Item 1: unknown procedure 'mboc_upsertNothing'"),
        Map.entry(body(job("J-1", "ok"), call("mboc_upsertJob", "SourceApp", "BC", "SourceType", "SO", "ShortDescription", "x")),
            "Item 1 (mboc_upsertJob), parameter JobNo: is required and missing"),
        Map.entry(body(job("J-1", "ok"), job("J-2", longText)),
            "Item 1 (mboc_upsertJob), parameter ShortDescription: 51 characters (UTF-16 units), longer than the 50 allowed"),
        Map.entry(body(job("J-1", "ok"), call("mboc_upsertJob", "SourceApp", "BC", "SourceType", "SO", "JobNo", "J-2",
            "ShortDescription", "x", "StartDate", "31/12/2024")), "Item 1 (mboc_upsertJob), parameter StartDate: '31/12/2024' is not a date"),
        Map.entry(body(job("J-1", "ok"), call("mboc_upsertJob", "SourceApp", "BC", "SourceType", "SO", "JobNo", "J-2",
            "ShortDescription", "x", "FreeDecimal1", "12,5")), "Item 1 (mboc_upsertJob), parameter FreeDecimal1: '12,5' is not a decimal"),
        Map.entry(body(job("J-1", "ok"), call("mboc_upsertJob", "SourceApp", "BC", "SourceType", "SO", "JobNo", "J-2",
            "ShortDescription", "x", "FreeBit1", "yes")), "Item 1 (mboc_upsertJob), parameter FreeBit1: 'yes' is not a boolean"),
        Map.entry(body(job("J-1", "ok"), call("mboc_upsertAppointment", "SourceApp", "BC", "SourceType", "SO",
            "Start", "2024-05-01T10:00:00Z", "End", "2024-05-01T09:00:00Z")), "Item 1 (mboc_upsertAppointment): End"),
        Map.entry(body(job("J-1", "ok"), task("J-404", "T-1", "Orphan")),
            "Item 1 (mboc_upsertTask): job (SourceApp=BC, SourceType=SO, JobNo=J-404) does not exist"),
        Map.entry("[{\"StoredProcedureName\":\"mboc_upsertJob\",\"ParameterNames\":[\"SourceApp\",\"SourceType\",\"JobNo\"],"
            + "\"ParameterValues\":[\"BC\",\"SO\"]}]", "Item 0 (mboc_upsertJob): ParameterNames has 3 entries but ParameterValues has 2"),
        Map.entry(body(job("J-1", "ok"), call("mboc_upsertJob", "SourceApp", "BC", "SourceType", "SO", "JobNo", "J-2",
            "ShortDescription", "x", "Colour", "red")), "Item 1 (mboc_upsertJob), parameter Colour: is not a parameter"));

    Map<String, Long> before = snapshot();
    cases.forEach((request, expected) -> {
      Answer answer = api.send("POST", "api/import", request);
      assertEquals(200, answer.status(), request);
      assertEquals(400, answer.statusCode(), request);
      assertFalse(answer.content().getBoolean("Success"));
      String description = answer.content().getString("Description");
      assertTrue(description.startsWith(expected) || description.contains(expected), description + " <- " + request);
      assertEquals(before, snapshot(), "nothing written by " + request);
    });
  }

  @Test
  void aBodyOverTheLimitIsRefusedWith413() {
    String padding = "x".repeat(50);
    StringBuilder large = new StringBuilder("[");
    int item = 0;
    while (large.length() < 2_200_000) {
      large.append(item == 0 ? "" : ",").append(job("J-" + item++, padding));
    }
    Answer answer = api.send("POST", "api/import", large.append(']').toString());

    assertEquals(413, answer.status());
    assertEquals(413, answer.statusCode());
    assertTrue(answer.content().getString("Description").contains("2097152 bytes"), answer.body());
    assertEquals(0, TestDatabase.count("job", ""));
  }

  @Test
  void oneRequestIsOneTransaction() {
    JsonObject[] calls = Stream.concat(
        Stream.of(job("J-1", "Job")),
        Stream.concat(java.util.stream.IntStream.range(0, 999).mapToObj(i -> task("J-1", "T-" + i, "Task " + i)),
            Stream.of(task("J-1", "T-last", null)))).toArray(JsonObject[]::new);
    Answer answer = api.send("POST", "api/import", body(calls));

    assertEquals(400, answer.statusCode());
    assertTrue(answer.content().getString("Description").startsWith("Item 1000 (mboc_upsertTask), parameter ShortDescription"),
        answer.body());
    assertEquals(0, TestDatabase.count("job", ""), "the job of the refused request is not kept");
    assertEquals(0, TestDatabase.count("task", ""));
  }

  @Test
  void aMissingOrWrongKeyIsRefused() {
    Answer missing = api.send("POST", "api/import", body(job("J-1", "x")), null);
    Answer wrong = api.send("POST", "api/import", body(job("J-1", "x")), "not-the-key-0000000");
    Answer read = api.send("GET", "api/jobs", null, "not-the-key-0000000");

    assertEquals(401, missing.status());
    assertEquals(401, missing.statusCode());
    assertTrue(missing.content().getString("Description").contains("Missing X-API-KEY"));
    assertEquals(401, wrong.status());
    assertEquals(401, read.status());
    assertEquals(401, ((JsonObject) read.json()).getInt("status"), "reads answer problem details");
    assertEquals(0, TestDatabase.count("job", ""));
  }

  @Test
  void updatesMoveTheRowVersion() {
    api.send("POST", "api/import", body(job("J-1", "First")));
    long first = ((Number) TestDatabase.rows("SELECT row_version FROM job").get(0).get("row_version")).longValue();
    api.send("POST", "api/import", body(job("J-1", "Second")));
    Map<String, Object> row = TestDatabase.rows("SELECT * FROM job").get(0);

    assertNotEquals(first, ((Number) row.get("row_version")).longValue());
    assertTrue(((Number) row.get("row_version")).longValue() > first);
    assertEquals("Second", row.get("short_description"));
  }

  private long createAppointment() {
    Answer answer = api.send("POST", "api/import", body(job("J-1", "Job"), task("J-1", "T-1", "Task"),
        call("mboc_upsertAppointment", "SourceApp", "BC", "SourceType", "SO", "JobNo", "J-1", "TaskNo", "T-1",
            "Subject", "Visit", "Start", "2024-05-01T08:00:00Z", "End", "2024-05-01T09:00:00Z")));
    assertEquals(200, answer.statusCode(), answer.body());
    return answer.content().getJsonArray("Appointments").getJsonObject(0).getJsonNumber("Id").longValue();
  }

  private static Map<String, Long> snapshot() {
    return Map.of("job", TestDatabase.count("job", ""), "task", TestDatabase.count("task", ""),
        "appointment", TestDatabase.count("appointment", ""),
        "version", ((Number) TestDatabase.rows("SELECT COALESCE(MAX(row_version), 0) AS v FROM job").get(0).get("v")).longValue());
  }
}
