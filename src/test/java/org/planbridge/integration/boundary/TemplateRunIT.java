package org.planbridge.integration.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbridge.testing.Refusals.assertProblem;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planbridge.testing.ApiClient;
import org.planbridge.testing.ApiClient.Answer;
import org.planbridge.testing.SuiteServer;
import org.planbridge.testing.TestDatabase;

/**
 * {@code POST /api/integration/{template}} as a client in its own field names uses it: a simulation that reports
 * every change with its old and new values and writes nothing, a run that applies every valid element whole and
 * reports each refused one, {@code stopOnError} that applies nothing, the template's insert and update flags, a
 * refusal only the engine finds (an appointment's end before its start), 10,000 elements in one request, and bad
 * requests refused naming what is wrong.
 */
class TemplateRunIT {

  static final String ADMIN = "api/admin/templates";

  final URL base = SuiteServer.base();
  ApiClient api;

  @BeforeEach
  void emptyPlanning() {
    api = new ApiClient(base);
    TestDatabase.clearPlanning();
  }

  @AfterEach
  void removeThisTestsTemplates() {
    TestDatabase.execute("DELETE FROM integration_template WHERE name LIKE 'run-it-%'");
  }

  private Answer run(String template, String body) {
    return api.send("POST", "api/integration/" + template, body);
  }

  private static JsonObject json(Answer answer) {
    return (JsonObject) answer.json();
  }

  private static String customer(int number, String name, String city) {
    return "{\"CustomerNumber\": " + number + ", \"Name\": \"" + name + "\", \"Street\": \"Main St 1\", \"PostCode\":"
        + " \"1000\", \"City\": \"" + city + "\", \"Contact\": {\"Number\": \"C" + number + "\", \"FirstName\":"
        + " \"Ann\", \"LastName\": \"Lee\"}}";
  }

  @Test
  void aSimulationReportsEveryInsertAndUpdateWithOldAndNewValuesAndWritesNothing() {
    assertEquals(200, run("customer-import", "{\"model\": [" + customer(1, "Acme", "Ghent") + "]}").status());
    String before = TestDatabase.state();

    Answer simulated = run("customer-import", "{\"simulate\": true, \"model\": [" + customer(1, "Acme NV", "Ghent")
        + ", " + customer(2, "Brix", "Bruges") + "]}");

    assertEquals(200, simulated.status(), simulated.body());
    JsonObject report = json(simulated);
    assertFalse(report.getBoolean("applied"), simulated.body());
    assertEquals(2, report.getInt("succeeded"));
    assertEquals(1, report.getInt("inserted"));
    assertEquals(1, report.getInt("updated"));
    List<JsonObject> changes = report.getJsonArray("changes").getValuesAs(JsonObject.class);
    JsonObject update = changes.get(0);
    assertEquals("update", update.getString("action"));
    assertEquals("job", update.getString("record"));
    assertEquals("CUST-1", update.getJsonObject("key").getString("JobNo"));
    assertEquals("Acme", update.getJsonObject("fields").getJsonObject("CustomerName").getString("old"));
    assertEquals("Acme NV", update.getJsonObject("fields").getJsonObject("CustomerName").getString("new"));
    JsonObject insert = changes.get(1);
    assertEquals("insert", insert.getString("action"));
    assertEquals(1, insert.getInt("element"));
    assertTrue(insert.getJsonObject("fields").getJsonObject("CustomerAddress").isNull("old"), insert.toString());
    assertEquals("Main St 1, 1000 Bruges", insert.getJsonObject("fields").getJsonObject("CustomerAddress")
        .getString("new"));
    assertEquals(before, TestDatabase.state(), "a simulation writes nothing");
    assertFalse(run("customer-import", "{\"simulate\": true, \"model\": [{\"CustomerNumber\": 3, \"Name\": \"No"
        + " contact\"}]}").body().contains("ContactName"), "a customer without a contact gives its job no contact name");
  }

  @Test
  void everyValidElementIsAppliedWholeAndEachRefusedOneIsReportedWithItsFieldNeverHalfApplied() {
    String projects = "{\"verbose\": true, \"model\": ["
        + "{\"ProjectNo\": \"P-1\", \"Title\": \"Roof\", \"Start\": \"01.03.2027\", \"End\": \"31.03.2027\","
        + " \"Phases\": [{\"Code\": \"10\", \"Name\": \"Scaffold\", \"Hours\": \"7,5\"}, {\"Code\": \"20\","
        + " \"Name\": \"Tiles\", \"Hours\": \"12\"}]},"
        + "{\"ProjectNo\": \"P-2\", \"Title\": \"Wall\", \"Start\": \"01.04.2027\", \"End\": \"30.04.2027\","
        + " \"Phases\": [{\"Code\": \"10\", \"Name\": \"Bricks\", \"Hours\": \"many\"}]},"
        + "[1, 2],"
        + "{\"ProjectNo\": \"P-4\", \"Title\": \"Door\", \"Start\": \"01.05.2027\", \"End\": \"02.05.2027\","
        + " \"Phases\": []}]}";

    Answer ran = run("project-import", projects);

    assertEquals(200, ran.status(), ran.body());
    JsonObject report = json(ran);
    assertTrue(report.getBoolean("applied"));
    assertEquals(2, report.getInt("succeeded"), ran.body());
    assertEquals(2, report.getInt("failed"));
    List<JsonObject> errors = report.getJsonArray("errors").getValuesAs(JsonObject.class);
    assertEquals(1, errors.get(0).getInt("element"));
    assertEquals("task", errors.get(0).getString("record"));
    assertEquals("PlanningQty", errors.get(0).getString("field"), ran.body());
    assertEquals(2, errors.get(1).getInt("element"));
    assertTrue(errors.get(1).getString("message").contains("must be an object"), ran.body());
    assertEquals(4, report.getJsonArray("changes").size(), "verbose: two jobs, two tasks");
    assertEquals(2, TestDatabase.count("job", "source_app = 'ERP'"));
    assertEquals(0, TestDatabase.count("job", "job_no = 'P-2'"), "the refused element's job is not written either");
    List<Map<String, Object>> tasks = TestDatabase.rows("SELECT task_no, planning_qty FROM task WHERE job_no = 'P-1' "
        + "ORDER BY task_no");
    assertEquals(2, tasks.size());
    assertEquals(0, new BigDecimal("7.5").compareTo(new BigDecimal(tasks.get(0).get("planning_qty").toString())));
  }

  @Test
  void stopOnErrorAppliesNothingWhenOneElementIsRefusedAndReportsEveryRefusal() {
    String before = TestDatabase.state();
    Answer stopped = run("customer-import", "{\"stopOnError\": true, \"model\": [" + customer(1, "Acme", "Ghent")
        + ", {\"CustomerNumber\": 2, \"Name\": {\"not\": \"a text\"}}, \"x\"]}");

    assertEquals(422, stopped.status(), stopped.body());
    JsonObject report = json(stopped);
    assertFalse(report.getBoolean("applied"));
    assertEquals(0, report.getInt("succeeded"));
    assertEquals(2, report.getJsonArray("errors").size(), stopped.body());
    assertEquals("ShortDescription", report.getJsonArray("errors").getJsonObject(0).getString("field"), stopped.body());
    assertEquals(before, TestDatabase.state(), "nothing applied");
  }

  @Test
  void aRecordTheTemplateMayNotInsertOrUpdateIsSkippedAndLeftAsItWas() {
    String template = "{\"name\": \"run-it-flags\", \"direction\": \"in\", \"records\": ["
        + "{\"record\": \"job\", \"insert\": false, \"defaults\": {\"SourceApp\": \"RUN\", \"SourceType\": \"O\"},"
        + " \"fields\": {\"JobNo\": \"No\", \"ShortDescription\": \"Text\"}},"
        + "{\"record\": \"resource\", \"update\": false, \"fields\": {\"ResourceNo\": \"No\", \"DisplayName\": \"Text\"}}]}";
    assertEquals(201, api.send("POST", ADMIN, template).status());
    api.send("POST", "api/import", "[{\"StoredProcedureName\": \"mboc_upsertJob\", \"ParameterNames\": [\"SourceApp\","
        + " \"SourceType\", \"JobNo\", \"ShortDescription\"], \"ParameterValues\": [\"RUN\", \"O\", \"A\", \"old\"]},"
        + "{\"StoredProcedureName\": \"mboc_upsertResource\", \"ParameterNames\": [\"ResourceNo\", \"DisplayName\"],"
        + " \"ParameterValues\": [\"A\", \"old\"]}]");

    Answer ran = run("run-it-flags", "{\"verbose\": true, \"model\": [{\"No\": \"A\", \"Text\": \"new\"},"
        + " {\"No\": \"B\", \"Text\": \"new\"}]}");

    assertEquals(200, ran.status(), ran.body());
    assertEquals(2, json(ran).getInt("skipped"), ran.body());
    assertEquals("old", TestDatabase.rows("SELECT display_name FROM resource WHERE resource_no = 'A'").get(0)
        .get("display_name"), "an existing resource is not updated");
    assertEquals("new", TestDatabase.rows("SELECT short_description FROM job WHERE job_no = 'A'").get(0)
        .get("short_description"), "an existing job is updated");
    assertEquals(0, TestDatabase.count("job", "job_no = 'B'"), "a new job is not inserted");
    assertEquals(1, TestDatabase.count("resource", "resource_no = 'B'"), "a new resource is inserted");
    assertTrue(ran.body().contains("does not insert job records"), ran.body());
  }

  @Test
  void anElementOnlyTheEngineRefusesIsReportedAndTheOthersAreAppliedInANewRound() {
    api.send("POST", "api/import", "[{\"StoredProcedureName\": \"mboc_upsertJob\", \"ParameterNames\": [\"SourceApp\","
        + " \"SourceType\", \"JobNo\", \"ShortDescription\"], \"ParameterValues\": [\"RUN\", \"O\", \"J\", \"job\"]},"
        + "{\"StoredProcedureName\": \"mboc_upsertTask\", \"ParameterNames\": [\"SourceApp\", \"SourceType\","
        + " \"JobNo\", \"TaskNo\", \"ShortDescription\"], \"ParameterValues\": [\"RUN\", \"O\", \"J\", \"T\", \"t\"]}]");
    String template = "{\"name\": \"run-it-visits\", \"direction\": \"in\", \"records\": [{\"record\": \"appointment\","
        + " \"defaults\": {\"SourceApp\": \"RUN\", \"SourceType\": \"O\", \"JobNo\": \"J\", \"TaskNo\": \"T\"},"
        + " \"fields\": {\"AppointmentGuid\": \"Id\", \"Start\": \"From\", \"End\": \"To\", \"Subject\": \"What\"}}]}";
    assertEquals(201, api.send("POST", ADMIN, template).status());

    Answer ran = run("run-it-visits", "{\"model\": ["
        + "{\"Id\": \"6f1c1d2e-0000-4000-8000-000000000001\", \"From\": \"2027-01-04T09:00:00Z\", \"To\":"
        + " \"2027-01-04T10:00:00Z\", \"What\": \"first\"},"
        + "{\"Id\": \"6f1c1d2e-0000-4000-8000-000000000002\", \"From\": \"2027-01-04T12:00:00Z\", \"To\":"
        + " \"2027-01-04T11:00:00Z\", \"What\": \"backwards\"},"
        + "{\"Id\": \"6f1c1d2e-0000-4000-8000-000000000003\", \"From\": \"2027-01-05T09:00:00Z\", \"To\":"
        + " \"2027-01-05T10:00:00Z\", \"What\": \"third\"}]}");

    assertEquals(200, ran.status(), ran.body());
    JsonObject error = json(ran).getJsonArray("errors").getJsonObject(0);
    assertEquals(1, error.getInt("element"), ran.body());
    assertEquals("appointment", error.getString("record"));
    assertTrue(error.getString("message").contains("must be after Start"), ran.body());
    assertEquals(2, TestDatabase.count("appointment", "job_no = 'J'"));
    assertEquals(2, TestDatabase.count("appointment_transaction", "appointment_guid IN "
        + "('6f1c1d2e-0000-4000-8000-000000000001', '6f1c1d2e-0000-4000-8000-000000000003')"),
        "each applied appointment reached the outbox once (the refused round's rows were rolled back)");
  }

  @Test
  void tenThousandElementsAreImportedInOneRequest() {
    StringBuilder model = new StringBuilder("{\"model\": [");
    for (int i = 0; i < 10_000; i++) {
      model.append(i == 0 ? "" : ",").append(customer(i, "Customer " + i, "City"));
    }
    Answer ran = run("customer-import", model.append("]}").toString());

    assertEquals(200, ran.status(), ran.body());
    assertEquals(10_000, json(ran).getInt("inserted"), ran.body());
    assertEquals(10_000, TestDatabase.count("job", "source_app = 'CRM'"));
  }

  @Test
  void badRequestsAreRefusedNamingWhatIsWrongAndWriteNothing() {
    String before = TestDatabase.state();
    assertProblem(404, run("no-such-template", "{\"model\": []}"), "no-such-template");
    assertProblem(400, run("appointment-export", "{\"model\": []}"), "export template");
    assertProblem(400, run("customer-import", "{\"simulte\": true, \"model\": []}"), "simulte");
    assertProblem(400, run("customer-import", "{\"simulate\": true}"), "'model' is required");
    assertProblem(400, run("customer-import", "{\"simulate\": \"yes\", \"model\": []}"), "'simulate'",
        "true or false");
    assertProblem(400, run("customer-import", "{\"model\": 7}"), "'model'", "not a number");
    assertProblem(400, run("customer-import", "[]"), "run request object");
    assertProblem(400, run("customer-import", "{\"model\": [{]}"), "Malformed JSON");
    assertProblem(413, run("customer-import", "{\"model\": [" + "{},".repeat(10_000) + "{}]}"), "10001",
        "PLANBRIDGE_INTEGRATION_MAX_ELEMENTS");
    Answer allRefused = run("customer-import", "{\"model\": [{\"CustomerNumber\": 1, \"Name\": [\"a\"]}]}");
    assertEquals(422, allRefused.status(), allRefused.body());
    assertEquals("job", json(allRefused).getJsonArray("errors").getJsonObject(0).getString("record"));
    assertEquals(before, TestDatabase.state());
  }
}
