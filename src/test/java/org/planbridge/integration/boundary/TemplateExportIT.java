package org.planbridge.integration.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;
import static org.planbridge.testing.Refusals.assertProblem;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planbridge.testing.ApiClient;
import org.planbridge.testing.ApiClient.Answer;
import org.planbridge.testing.DeliveryDesk;
import org.planbridge.testing.SuiteServer;
import org.planbridge.testing.TestDatabase;

/**
 * {@code GET /api/integration/{template}}: appointments exported in the target's field names with their resources
 * and their newest transaction's status, changed since a time (both spellings), a page at a time by cursor; a record
 * whose expression fails named in errors while the others are exported; bad queries refused naming the parameter.
 */
class TemplateExportIT {

  final URL base = SuiteServer.base();
  ApiClient api;

  @BeforeEach
  void threeAppointments() {
    api = new ApiClient(base);
    TestDatabase.clearPlanning();
    StringBuilder calls = new StringBuilder("[" + call("mboc_upsertJob", "SourceApp", "EXP", "SourceType", "O", "JobNo",
        "J", "ShortDescription", "job") + "," + call("mboc_upsertTask", "SourceApp", "EXP", "SourceType", "O", "JobNo",
        "J", "TaskNo", "T", "ShortDescription", "task") + "," + call("mboc_upsertResource", "ResourceNo", "R1",
        "DisplayName", "Ann"));
    for (int i = 1; i <= 3; i++) {
      calls.append(',').append(call("mboc_upsertAppointment", "SourceApp", "EXP", "SourceType", "O", "JobNo", "J",
          "TaskNo", "T", "Subject", "visit " + i, "Start", "2027-01-0" + i + "T09:00:00Z", "End",
          "2027-01-0" + i + "T10:00:00Z", "ResourceNo", "R1"));
    }
    Answer imported = api.send("POST", "api/import", calls.append(']').toString());
    assertEquals(200, imported.statusCode(), imported.body());
  }

  private static String call(String procedure, String... namesAndValues) {
    StringBuilder names = new StringBuilder();
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      names.append(i == 0 ? "" : ",").append('"').append(namesAndValues[i]).append('"');
      values.append(i == 0 ? "" : ",").append('"').append(namesAndValues[i + 1]).append('"');
    }
    return "{\"StoredProcedureName\": \"" + procedure + "\", \"ParameterNames\": [" + names
        + "], \"ParameterValues\": [" + values + "]}";
  }

  private JsonObject export(String query) {
    Answer answer = api.get("api/integration/appointment-export" + query);
    assertEquals(200, answer.status(), answer.body());
    return (JsonObject) answer.json();
  }

  @Test
  void appointmentsChangedSinceYesterdayAreExportedInTheTargetsFieldsAPageAtATime() {
    String yesterday = OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));

    JsonObject first = export("?since=" + yesterday + "&limit=2");

    List<JsonObject> items = first.getJsonArray("items").getValuesAs(JsonObject.class);
    assertEquals(2, items.size(), first.toString());
    assertTrue(first.getBoolean("more"));
    assertEquals("visit 1", items.get(0).getString("Subject"));
    assertEquals("J/T", items.get(0).getString("Order"));
    assertEquals(List.of("R1"), items.get(0).getJsonArray("Resources").getValuesAs(JsonString::getString));
    assertEquals(36, items.get(0).getString("Id").length(), "the appointment's guid");
    JsonObject second = export("?since=" + yesterday + "&limit=2&cursor=" + first.getString("cursor"));
    assertEquals(List.of("visit 3"), second.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(item -> item.getString("Subject")).toList());
    assertFalse(second.getBoolean("more"));
    assertEquals(0, export("?cursor=" + second.getString("cursor")).getJsonArray("items").size(),
        "nothing after the last page");

    assertEquals(3, export("?since=" + OffsetDateTime.now(ZoneOffset.UTC).minusDays(1).toLocalDate())
        .getJsonArray("items").size(), "ISO-8601: a date");
    assertEquals(0, export("?since=" + OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5).withNano(0))
        .getJsonArray("items").size(), "nothing changed after a time to come");
    assertEquals(3, export("").getJsonArray("items").size(), "without since: all");
  }

  @Test
  void eachAppointmentCarriesItsNewestTransactionsStatusAsTheTransactionsListShowsIt() {
    DeliveryDesk desk = new DeliveryDesk(api);
    await().atMost(DeliveryDesk.DELIVERY).until(() -> !desk.statuses("EXP").contains("Pending"));
    Map<String, String> newest = new HashMap<>();
    desk.transactions("EXP").forEach(transaction -> newest.put(transaction.getString("appointmentGuid"),
        transaction.getString("status"))); // oldest first: the newest stays

    List<JsonObject> items = export("").getJsonArray("items").getValuesAs(JsonObject.class);

    assertEquals(3, items.size());
    for (JsonObject item : items) {
      assertEquals(newest.get(item.getString("Id")), item.getString("Status"), item.toString());
    }
  }

  @Test
  void aRecordWhoseExpressionFailsIsNamedInErrorsAndTheOthersAreExported() {
    String template = "{\"name\": \"export-it-subjects\", \"direction\": \"out\", \"source\": \"appointments\","
        + " \"fields\": {\"Subject\": {\"expression\": \"subject = 'visit 2' ? $number(subject) : subject\"}}}";
    assertEquals(201, api.send("POST", "api/admin/templates", template).status());
    try {
      Answer answer = api.get("api/integration/export-it-subjects");
      assertEquals(200, answer.status(), answer.body());
      JsonObject page = (JsonObject) answer.json();

      assertEquals(List.of("visit 1", "visit 3"), page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
          .map(item -> item.getString("Subject")).toList());
      JsonObject error = page.getJsonArray("errors").getJsonObject(0);
      assertEquals(1, page.getJsonArray("errors").size(), page.toString());
      assertEquals("Subject", error.getString("field"));
      long visit2 = ((Number) TestDatabase.rows("SELECT row_version FROM appointment WHERE subject = 'visit 2'").get(0)
          .get("row_version")).longValue();
      assertEquals(visit2, error.getJsonNumber("rowVersion").longValue(), "the record named by its row version");
      assertFalse(page.getBoolean("more"));
    } finally {
      TestDatabase.execute("DELETE FROM integration_template WHERE name = 'export-it-subjects'");
    }
  }

  @Test
  void badQueriesAreRefusedNamingTheParameter() {
    assertProblem(400, api.get("api/integration/appointment-export?since=yesterday"), "'since'", "yyyyMMddHHmmss");
    assertProblem(400, api.get("api/integration/appointment-export?since=20261399000000"), "'since'");
    assertProblem(400, api.get("api/integration/appointment-export?limit=0"), "'limit'", "1 to 1000");
    assertProblem(400, api.get("api/integration/appointment-export?limit=1001"), "'limit'");
    assertProblem(400, api.get("api/integration/appointment-export?cursor=-1"), "'cursor'");
    assertProblem(400, api.get("api/integration/appointment-export?cursor=1&cursor=2"), "'cursor'", "once");
    assertProblem(400, api.get("api/integration/appointment-export?sinse=2026"), "'sinse'");
    assertProblem(400, api.get("api/integration/customer-import"), "import template");
    assertProblem(404, api.get("api/integration/no-such-template"), "no-such-template");
  }
}
