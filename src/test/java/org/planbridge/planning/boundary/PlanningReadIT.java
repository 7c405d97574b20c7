package org.planbridge.planning.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planbridge.testing.ApiClient;
import org.planbridge.testing.SuiteServer;
import org.planbridge.testing.TestDatabase;

/**
 * The read API over HTTP against rows written with plain JDBC, the way the import engine writes
 * them. Every test starts from the same seeded rows and only reads.
 */
class PlanningReadIT {

  private static final UUID A1 = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
  private static final UUID A2 = UUID.fromString("00000000-0000-0000-0000-0000000000a2");
  private static final UUID A3 = UUID.fromString("00000000-0000-0000-0000-0000000000a3");

  final URL base = SuiteServer.base();

  // One client (and its keep-alive connections) for all tests: it holds no test state.
  private static ApiClient api;

  @BeforeEach
  void seed() throws SQLException {
    if (api == null) {
      api = new ApiClient(base);
    }
    TestDatabase.clearPlanning();
    try (Connection db = TestDatabase.connect()) {
      insert(db, "INSERT INTO job (source_app, source_type, job_no, short_description, customer_address_geo_lat, importance,"
          + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", "BC", "SO", "J1", "Job one", new BigDecimal("51.21234567"), (short) 2,
          at("2024-03-01T00:00:00Z"));
      insert(db, "INSERT INTO job (source_app, source_type, job_no, short_description, updated_at) VALUES (?, ?, ?, ?, ?)",
          "BC", "SQ", "J2", "Job two", at("2024-01-01T00:00:00Z"));
      insert(db, "INSERT INTO job (source_app, source_type, job_no, short_description, updated_at) VALUES (?, ?, ?, ?, ?)",
          "NAV", "SO", "J3", "Job three", at("2024-02-01T00:00:00Z"));
      // J1 changes after J2 and J3 were written, as an import engine update would: it moves to the end of the feed.
      insert(db, "UPDATE job SET short_description = ?, row_version = nextval('row_version_seq') WHERE job_no = ?",
          "Job one, changed", "J1");

      for (String[] task : List.of(new String[] {"BC", "SO", "J1", "T1"}, new String[] {"BC", "SO", "J1", "T2"},
          new String[] {"BC", "SQ", "J2", "T1"}, new String[] {"NAV", "SO", "J3", "T9"})) {
        insert(db, "INSERT INTO task (source_app, source_type, job_no, task_no, short_description, planning_qty, task_index)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)", task[0], task[1], task[2], task[3], "Task " + task[3], new BigDecimal("1.5"), 7);
      }
      insert(db, "INSERT INTO resource (resource_no, source_app, source_type, resource_name) VALUES (?, ?, ?, ?)",
          "R1", "BC", "RES", "Ann");
      insert(db, "INSERT INTO resource (resource_no, source_app, source_type, resource_name) VALUES (?, ?, ?, ?)",
          "R2", "BC", "RES", "Bob");
      insert(db, "INSERT INTO resource (resource_no, source_app, source_type, resource_name) VALUES (?, ?, ?, ?)",
          "R3", "NAV", "RES", "Cy");

      appointment(db, A1, "BC", "SO", "J1", "T1", "2024-05-01T08:00:00Z");
      appointment(db, A2, "BC", "SO", "J1", "T2", "2024-05-02T08:00:00Z");
      appointment(db, A3, "NAV", "SO", "J3", "T9", "2024-05-03T08:00:00Z");
      assign(db, A1, "R2");
      assign(db, A1, "R1");
      assign(db, A2, "R2");

      insert(db, "INSERT INTO category (category_name, display_name, category_hex_color) VALUES (?, ?, ?)", "Urgent", "Urgent!",
          "#FF0000");
      insert(db, "INSERT INTO category (category_name, display_name, category_hex_color) VALUES (?, ?, ?)", "Routine", null,
          "#00FF00");
      insert(db, "INSERT INTO time_marker (time_marker, hex_color) VALUES (?, ?)", "Late", "#123456");
      insert(db, "INSERT INTO pin (name, hex_color) VALUES (?, ?)", "Depot", "#654321");
      insert(db, "INSERT INTO filter_group (group_name, column_no, data_filter) VALUES (?, ?, ?)", "Skill", 3, true);
      insert(db, "INSERT INTO filter_value (filter_group_name, filter_value) VALUES (?, ?)", "Skill", "Electric");
      insert(db, "INSERT INTO filter_value (filter_group_name, filter_value) VALUES (?, ?)", "Skill", "Gas");
      insert(db, "INSERT INTO task_filter_value (source_app, source_type, job_no, task_no, filter_group, filter_value)"
          + " VALUES (?, ?, ?, ?, ?, ?)", "BC", "SO", "J1", "T1", "Skill", "Electric");
      insert(db, "INSERT INTO task_filter_value (source_app, source_type, job_no, task_no, filter_group, filter_value)"
          + " VALUES (?, ?, ?, ?, ?, ?)", "NAV", "SO", "J3", "T9", "Skill", "Gas");
      insert(db, "INSERT INTO resource_filter_value (resource_no, filter_group, filter_value, transfer_to_temp)"
          + " VALUES (?, ?, ?, ?)", "R1", "Skill", "Electric", false);
      insert(db, "INSERT INTO resource_filter_value (resource_no, filter_group, filter_value, transfer_to_temp)"
          + " VALUES (?, ?, ?, ?)", "R2", "Skill", "Gas", true);
      insert(db, "INSERT INTO action_uri (source_app, source_type, url_type, url, url_desc, default_url, request_type)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)", "BC", "SO", (short) 0, "https://erp.example/order/{jobNo}", "Open order", true,
          (short) 1);
      insert(db, "INSERT INTO action_uri (source_app, source_type, url_type, url) VALUES (?, ?, ?, ?)", "NAV", "SO", (short) 2,
          "https://nav.example/");
    }
  }

  @Test
  void pagesInRowVersionOrder() {
    JsonObject first = page("api/jobs?limit=2");
    assertEquals(3, first.getInt("total"));
    assertEquals(0, first.getInt("offset"));
    assertEquals(2, first.getInt("limit"));
    assertEquals(List.of("J2", "J3"), strings(first, "jobNo"));
    JsonObject second = page("api/jobs?offset=2&limit=2");
    assertEquals(3, second.getInt("total"));
    assertEquals(2, second.getInt("offset"));
    assertEquals(List.of("J1"), strings(second, "jobNo"));
    assertEquals("Job one, changed", item(second, 0).getString("shortDescription"));

    JsonObject all = page("api/jobs");
    assertEquals(100, all.getInt("limit"));
    List<Long> versions = all.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(job -> job.getJsonNumber("rowVersion").longValue()).toList();
    assertEquals(versions.stream().sorted().distinct().toList(), versions);
    assertEquals(List.of(), page("api/jobs?offset=3").getJsonArray("items"));
  }

  @Test
  void filtersByEachKey() {
    assertEquals(List.of("J3"), strings(page("api/jobs?sourceApp=NAV"), "jobNo"));
    assertEquals(1, page("api/jobs?sourceApp=NAV").getInt("total"));
    assertEquals(List.of("J2"), strings(page("api/jobs?sourceType=SQ"), "jobNo"));
    assertEquals(List.of("J1"), strings(page("api/jobs?jobNo=J1"), "jobNo"));
    JsonObject tasks = page("api/tasks?sourceApp=BC&sourceType=SO&jobNo=J1");
    assertEquals(2, tasks.getInt("total"));
    assertEquals(List.of("T1", "T2"), strings(tasks, "taskNo"));
    assertEquals(List.of("J1", "J2"), strings(page("api/tasks?taskNo=T1"), "jobNo"));
    assertEquals(List.of(A2.toString()), strings(page("api/appointments?jobNo=J1&taskNo=T2"), "appointmentGuid"));
    assertEquals(List.of("Bob"), strings(page("api/resources?resourceNo=R2"), "resourceName"));
    assertEquals(List.of("R1", "R2"), strings(page("api/resources?sourceApp=BC"), "resourceNo"));
    assertEquals(List.of("Gas"), strings(page("api/resourceFilterValues?resourceNo=R2"), "filterValue"));
    assertEquals(List.of("T9"), strings(page("api/taskFilterValues?sourceApp=NAV&taskNo=T9"), "taskNo"));
    assertEquals(List.of("https://nav.example/"), strings(page("api/actionUris?sourceApp=NAV&sourceType=SO"), "url"));
    assertEquals(0, page("api/jobs?sourceApp=NONE").getInt("total"));
  }

  @Test
  void changeFeedByTimestampAndRowVersion() {
    assertEquals(List.of("J3", "J1"), strings(page("api/jobs?changedSince=2024-01-15T00:00:00Z"), "jobNo"));
    // 03:00+02:00 is 01:00Z, after J3 (00:00Z): the offset counts. %2B is the '+' of the offset.
    assertEquals(List.of("J1"), strings(page("api/jobs?changedSince=2024-02-01T03:00:00%2B02:00"), "jobNo"));
    assertEquals(List.of("J3", "J1"), strings(page("api/jobs?changedSince=2024-02-01T01:00:00%2B02:00"), "jobNo"));

    long j2 = rowVersion("job", "J2");
    JsonObject feed = page("api/jobs?sinceRowVersion=" + j2);
    assertEquals(2, feed.getInt("total"));
    assertEquals(List.of("J3", "J1"), strings(feed, "jobNo"));
    long last = item(feed, 1).getJsonNumber("rowVersion").longValue();
    assertEquals(rowVersion("job", "J1"), last);
    assertEquals(0, page("api/jobs?sinceRowVersion=" + last).getInt("total"));
  }

  @Test
  void appointmentsCarryTheirResources() {
    JsonObject appointments = page("api/appointments");
    assertEquals(3, appointments.getInt("total"));
    assertEquals(List.of(A1.toString(), A2.toString(), A3.toString()), strings(appointments, "appointmentGuid"));
    assertEquals(List.of("R1", "R2"), strings(item(appointments, 0).getJsonArray("resources")));
    assertEquals(List.of("R2"), strings(item(appointments, 1).getJsonArray("resources")));
    assertEquals(List.of(), strings(item(appointments, 2).getJsonArray("resources")));
    JsonObject first = item(appointments, 0);
    assertEquals(appointmentId(A1), first.getJsonNumber("appointmentId").longValue());
    assertEquals(OffsetDateTime.parse("2024-05-01T08:00:00Z").toInstant(),
        OffsetDateTime.parse(first.getString("startTime")).toInstant());
    assertEquals(false, first.getBoolean("locked"));
    assertEquals(0, first.getInt("importance"));
    assertEquals("Visit T1", first.getString("subject"));
  }

  @Test
  void everyCollectionAnswersItsRows() {
    JsonObject j1 = item(page("api/jobs?jobNo=J1"), 0);
    assertEquals(new BigDecimal("51.21234567"), j1.getJsonNumber("customerAddressGeoLat").bigDecimalValue());
    assertEquals(2, j1.getInt("importance"));
    assertTrue(j1.containsKey("createdAt") && j1.containsKey("updatedAt") && j1.containsKey("id"), j1.toString());
    assertEquals(OffsetDateTime.parse("2024-03-01T00:00:00Z").toInstant(),
        OffsetDateTime.parse(j1.getString("updatedAt")).toInstant());
    JsonObject t1 = item(page("api/tasks?jobNo=J1&taskNo=T1"), 0);
    assertEquals(7, t1.getInt("taskIndex"));
    assertEquals(0, new BigDecimal("1.5").compareTo(t1.getJsonNumber("planningQty").bigDecimalValue()));

    JsonObject categories = page("api/categoryPages");
    assertEquals(List.of("Urgent", "Routine"), strings(categories, "categoryName"));
    assertEquals("Urgent!", item(categories, 0).getString("displayName"));
    assertEquals("#FF0000", item(categories, 0).getString("categoryHexColor"));
    assertEquals("#123456", item(page("api/timeMarkers"), 0).getString("hexColor"));
    assertEquals(List.of("Late"), strings(page("api/timeMarkers"), "timeMarker"));
    assertEquals(List.of("Depot"), strings(page("api/pins"), "name"));
    JsonObject group = item(page("api/filterGroups"), 0);
    assertEquals("Skill", group.getString("groupName"));
    assertEquals(3, group.getInt("columnNo"));
    assertEquals(true, group.getBoolean("dataFilter"));
    assertEquals(List.of("Electric", "Gas"), strings(page("api/filterValues"), "filterValue"));
    assertEquals(List.of("Skill", "Skill"), strings(page("api/filterValues"), "filterGroupName"));
    assertEquals(List.of("Electric", "Gas"), strings(page("api/taskFilterValues"), "filterValue"));
    JsonObject gas = item(page("api/resourceFilterValues"), 1);
    assertEquals("R2", gas.getString("resourceNo"));
    assertEquals(true, gas.getBoolean("transferToTemp"));
    JsonObject uri = item(page("api/actionUris"), 0);
    assertEquals("https://erp.example/order/{jobNo}", uri.getString("url"));
    assertEquals(0, uri.getInt("urlType"));
    assertEquals(1, uri.getInt("requestType"));
    assertEquals(true, uri.getBoolean("defaultUrl"));
    assertEquals("Open order", uri.getString("urlDesc"));
  }

  @Test
  void badParametersAreProblemsNamingTheParameter() {
    assertProblem(api.get("api/jobs?limit=1001"), "limit", "from 1 to 1000");
    assertProblem(api.get("api/appointments?changedSince=yesterday"), "changedSince", "ISO-8601");
    assertProblem(api.get("api/categoryPages?jobNo=J1"), "jobNo", "not a filter of categoryPages");
    assertProblem(api.get("api/jobs?offset=-1"), "offset", "from 0 to 2147483647");
    assertProblem(api.get("api/tasks?sinceRowVersion=x"), "sinceRowVersion", "row version");
  }

  @Test
  void refusesCallsWithoutTheApiKey() {
    ApiClient.Answer answer = api.send("GET", "api/jobs", null, null);
    assertEquals(401, answer.status());
    assertEquals(401, answer.json().asJsonObject().getInt("status"));
    assertTrue(answer.json().asJsonObject().getString("detail").contains("X-API-KEY"), answer.body());
  }

  @Test
  void openApiDescribesTheReads() {
    ApiClient.Answer answer = api.get("openapi");
    assertEquals(200, answer.status(), answer.body());
    JsonObject paths = answer.json().asJsonObject().getJsonObject("paths");
    assertTrue(paths.containsKey("/api/appointments"), paths.keySet().toString());
    JsonObject appointments = paths.getJsonObject("/api/appointments").getJsonObject("get");
    List<String> parameters = appointments.getJsonArray("parameters").getValuesAs(JsonObject.class).stream()
        .map(parameter -> parameter.getString("name")).sorted().toList();
    assertEquals(List.of("changedSince", "endDate", "jobNo", "limit", "offset", "resources", "sinceRowVersion", "sourceApp",
            "sourceType", "startDate", "taskNo"),
        parameters);
    JsonObject schemas = answer.json().asJsonObject().getJsonObject("components").getJsonObject("schemas");
    String pageRef = appointments.getJsonObject("responses").getJsonObject("200").getJsonObject("content")
        .getJsonObject("application/json").getJsonObject("schema").getString("$ref");
    JsonObject page = schemas.getJsonObject(pageRef.substring(pageRef.lastIndexOf('/') + 1)).getJsonObject("properties");
    assertEquals("#/components/schemas/Appointment", page.getJsonObject("items").getJsonObject("items").getString("$ref"),
        page.toString());
    assertTrue(page.containsKey("total") && page.containsKey("offset") && page.containsKey("limit"), page.toString());
    JsonObject appointment = schemas.getJsonObject("Appointment").getJsonObject("properties");
    assertTrue(appointment.containsKey("appointmentGuid") && appointment.containsKey("resources"), appointment.toString());
    assertEquals(30, appointment.getJsonObject("sourceApp").getInt("maxLength"), appointment.toString());
    JsonObject model = schemas.getJsonObject("AppointmentModel").getJsonObject("properties");
    assertTrue(model.containsKey("start") && model.containsKey("id") && model.containsKey("resourceNo"), model.toString());
    for (String path : List.of("jobs", "tasks", "resources", "categoryPages", "timeMarkers", "pins", "filterGroups",
        "filterValues", "taskFilterValues", "resourceFilterValues", "actionUris", "job", "task", "appointment", "resource",
        "categories", "timeMarker", "pin", "filterGroup", "filterValue", "taskFilterValue", "resourceFilterValue",
        "actionuri")) {
      assertTrue(paths.containsKey("/api/" + path), path);
    }
    String listed = paths.getJsonObject("/api/categories").getJsonObject("get").getJsonObject("responses")
        .getJsonObject("200").getJsonObject("content").getJsonObject("application/json").getJsonObject("schema")
        .getJsonObject("items").getString("$ref");
    assertEquals("#/components/schemas/CategoryModel", listed);
  }

  /** GET on an SDK route answers what the SDKs' getAll() reads: a bare JSON array of model objects. */
  @Test
  void sdkListsAnswerArraysOfModelObjects() {
    JsonArray categories = list("api/categories");
    assertEquals(List.of("Urgent", "Routine"), fields(categories, "name"));
    assertEquals("#FF0000", categories.getJsonObject(0).getString("color"));
    assertEquals("Urgent!", categories.getJsonObject(0).getString("displayName"));
    assertFalse(categories.getJsonObject(1).containsKey("displayName"), "a null is left out: " + categories);
    JsonObject late = list("api/timeMarker").getJsonObject(0);
    assertEquals(List.of("Late", "#123456"), List.of(late.getString("name"), late.getString("color")));
    assertEquals("#654321", list("api/pin").getJsonObject(0).getString("color"));
    assertEquals("Skill", list("api/filterGroup").getJsonObject(0).getString("name"));
    assertEquals(List.of("Electric", "Gas"), fields(list("api/filterValue"), "value"));
    assertEquals(List.of("Skill", "Skill"), fields(list("api/filterValue"), "group"));
    assertEquals(List.of("R1", "R2", "R3"), fields(list("api/resource"), "resourceNo"));
    assertEquals(List.of("R1", "R2"), fields(list("api/resource?sourceApp=BC"), "resourceNo"));
    // The JS SDK's paged calls (GET resourceCapacity?page=1&limit=100): {"data": [...], "total": n}.
    ApiClient.Answer second = api.get("api/resource?page=2&limit=2");
    assertEquals(200, second.status(), second.body());
    assertEquals(List.of("R3"), fields(second.json().asJsonObject().getJsonArray("data"), "resourceNo"));
    assertEquals(3, second.json().asJsonObject().getInt("total"));
    assertEquals(List.of("Electric"), fields(list("api/taskFilterValue?taskNo=T1"), "filterValue"));
    JsonObject task = list("api/task?jobNo=J1&taskNo=T1").getJsonObject(0);
    assertEquals(7, task.getInt("index"));
    JsonObject uri = list("api/actionuri?sourceApp=BC").getJsonObject(0);
    assertEquals("https://erp.example/order/{jobNo}", uri.getString("uri"));
    assertEquals(List.of(0, 1), List.of(uri.getInt("uriType"), uri.getInt("requestType")));
    assertEquals("Open order", uri.getString("description"));
    assertEquals(true, uri.getBoolean("default"));

    JsonArray appointments = list("api/appointment");
    assertEquals(List.of(A1.toString(), A2.toString(), A3.toString()), fields(appointments, "appointmentGuid"));
    JsonObject first = appointments.getJsonObject(0);
    assertEquals(appointmentId(A1), first.getJsonNumber("id").longValue());
    assertEquals("2024-05-01T08:00:00Z", first.getString("start"));
    assertEquals("2024-05-01T10:00:00Z", first.getString("end"));
    assertEquals(false, first.getBoolean("isAllDay"));
    assertEquals("R1;R2", first.getString("resourceNo"));
    assertEquals(List.of("R1", "R2"), strings(first.getJsonArray("resources")));
    assertEquals(List.of(A2.toString()), fields(list("api/appointment?offset=1&limit=1"), "appointmentGuid"));
    // The JS SDK's appointments in a window, for some resources (repeated keys; its resources are ids).
    String window = "api/appointment?startDate=2024-05-01T09:00:00.000Z&endDate=2024-05-02T09:00:00.000Z";
    assertEquals(List.of(A1.toString(), A2.toString()), fields(list(window), "appointmentGuid"));
    assertEquals(List.of(A1.toString()), fields(list(window + "&resources=R1"), "appointmentGuid"));
    assertEquals(List.of(A1.toString(), A2.toString()), fields(list(window + "&resources=R1&resources=R2"),
        "appointmentGuid"));
    assertEquals(List.of(A1.toString()), fields(list(window + "&resources=" + resourceId("R1")), "appointmentGuid"));
    assertEquals(List.of(), fields(list("api/appointment?startDate=2024-05-03T10:00:00Z"), "appointmentGuid"),
        "an appointment ending at the window's start is not in it");
    assertEquals(List.of("Urgent", "Routine"), fields(list("api/CATEGORIES"), "name"), "routes match in any case");
  }

  @Test
  void sdkListsRefuseInTheEnvelopeWithTheHttpStatus() {
    assertEnvelope(api.get("api/resource?jobNo=J1"), 400, "'jobNo' is not a filter of resources");
    assertEnvelope(api.get("api/job?limit=0"), 400, "'limit' must be a whole number from 1 to 50");
    assertEnvelope(api.get("api/appointment?startDate=tomorrow"), 400, "'startDate' must be an ISO-8601 timestamp");
    assertEnvelope(api.get("api/job?resources=R1"), 400, "Unknown query parameter 'resources'");
    assertEnvelope(api.get("api/job?page=0"), 400, "'page' must be a whole number from 1");
    assertEnvelope(api.get("api/job?page=2&offset=5"), 400, "give one of them");
    assertEnvelope(api.get("api/appointmentLocked"), 405, "GET is not allowed on /api/appointmentLocked");
    assertEnvelope(api.get("api/connector"), 405, "it takes POST, PUT, DELETE");
    ApiClient.Answer unknown = api.get("api/nosuch");
    assertEquals(404, unknown.status(), unknown.body());
    assertTrue(unknown.body().contains("api/job") && unknown.body().contains("categoryPages"), "it lists the reads: "
        + unknown.body());
  }

  /** The ITs run with PLANBRIDGE_API_LIST_MAX=50: a longer list is refused unless the client asks for fewer. */
  @Test
  void aListLongerThanTheMaximumIsRefusedUnlessNarrowed() throws SQLException {
    try (Connection db = TestDatabase.connect()) {
      for (int i = 0; i < 48; i++) {
        insert(db, "INSERT INTO pin (name) VALUES (?)", "P" + i);
      }
    }
    assertEquals(49, list("api/pin").size());
    try (Connection db = TestDatabase.connect()) {
      insert(db, "INSERT INTO pin (name) VALUES (?)", "P48");
      insert(db, "INSERT INTO pin (name) VALUES (?)", "P49");
    }
    assertEnvelope(api.get("api/pin"), 400, "More than 50 records match GET /api/pin");
    assertEquals(50, list("api/pin?limit=50").size());
    assertEquals(1, list("api/pin?offset=50").size());
    assertEquals(2, list("api/pin?sinceRowVersion=" + rowVersionOfPin("P47")).size());
  }

  private JsonArray list(String path) {
    ApiClient.Answer answer = api.get(path);
    assertEquals(200, answer.status(), path + ": " + answer.body());
    return answer.json().asJsonArray();
  }

  private static List<String> fields(JsonArray rows, String field) {
    return rows.getValuesAs(JsonObject.class).stream().map(row -> row.getString(field)).toList();
  }

  /** A refusal in the SDK envelope, with the same status on the HTTP answer (the JS SDK then throws). */
  private static void assertEnvelope(ApiClient.Answer answer, int status, String text) {
    assertEquals(status, answer.status(), answer.body());
    assertEquals(status, answer.statusCode(), answer.body());
    JsonObject content = Json.createReader(new java.io.StringReader(answer.json().asJsonObject().getString("content")))
        .readObject();
    assertEquals(false, content.getBoolean("Success"), answer.body());
    assertTrue(content.getString("Description").contains(text), answer.body());
  }

  private static long resourceId(String resourceNo) {
    return ((Number) TestDatabase.rows("SELECT id FROM resource WHERE resource_no = ?", resourceNo).get(0).get("id"))
        .longValue();
  }

  private static long rowVersionOfPin(String name) {
    return ((Number) TestDatabase.rows("SELECT row_version FROM pin WHERE name = ?", name).get(0).get("row_version"))
        .longValue();
  }

  private JsonObject page(String path) {
    ApiClient.Answer answer = api.get(path);
    assertEquals(200, answer.status(), path + ": " + answer.body());
    return answer.json().asJsonObject();
  }

  private static void assertProblem(ApiClient.Answer answer, String parameter, String text) {
    assertEquals(400, answer.status(), answer.body());
    JsonObject problem = answer.json().asJsonObject();
    assertEquals(400, problem.getInt("status"));
    assertEquals("Invalid query parameter: " + parameter, problem.getString("title"));
    assertTrue(problem.getString("detail").contains("'" + parameter + "'"), answer.body());
    assertTrue(problem.getString("detail").contains(text), answer.body());
  }

  private static JsonObject item(JsonObject page, int index) {
    return page.getJsonArray("items").getJsonObject(index);
  }

  private static List<String> strings(JsonObject page, String field) {
    return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(row -> row.getString(field)).toList();
  }

  private static List<String> strings(List<JsonValue> values) {
    return values.stream().map(value -> ((JsonString) value).getString()).toList();
  }

  private static long rowVersion(String table, String jobNo) {
    return ((Number) TestDatabase.rows("SELECT row_version FROM " + table + " WHERE job_no = ?", jobNo).get(0)
        .get("row_version")).longValue();
  }

  private static long appointmentId(UUID guid) {
    return ((Number) TestDatabase.rows("SELECT appointment_id FROM appointment WHERE appointment_guid = ?", guid).get(0)
        .get("appointment_id")).longValue();
  }

  private static void appointment(Connection db, UUID guid, String app, String type, String job, String task, String start)
      throws SQLException {
    insert(db, "INSERT INTO appointment (appointment_guid, source_app, source_type, job_no, task_no, subject, start_time,"
        + " end_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", guid, app, type, job, task, "Visit " + task, at(start),
        at(start).plusHours(2));
  }

  private static void assign(Connection db, UUID appointment, String resource) throws SQLException {
    insert(db, "INSERT INTO assignment (appointment_id, resource_no) SELECT appointment_id, ? FROM appointment"
        + " WHERE appointment_guid = ?", resource, appointment);
  }

  private static OffsetDateTime at(String timestamp) {
    return OffsetDateTime.parse(timestamp);
  }

  private static void insert(Connection db, String sql, Object... values) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      assertEquals(1, statement.executeUpdate(), sql);
    }
  }
}
