package org.planbridge.integration.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.planbridge.testing.Refusals.assertProblem;

import org.planbridge.testing.ApiClient;
import org.planbridge.testing.ApiClient.Answer;
import org.planbridge.testing.SuiteServer;
import org.planbridge.testing.TestDatabase;

/**
 * Integration templates over HTTP: the ready-made ones installed, a template created, read, changed and deleted,
 * and bad documents refused with the line and field of the mistake, nothing written. Only this test's templates
 * (named "templates-it-...") are removed after each test.
 */
class TemplatesIT {

  static final String ADMIN = "api/admin/templates";


  final URL base = SuiteServer.base();

  ApiClient api;

  @BeforeEach
  void client() {
    api = new ApiClient(base);
  }

  @AfterEach
  void removeWhatThisTestWrote() {
    TestDatabase.execute("DELETE FROM integration_template WHERE name LIKE 'templates-it-%'");
  }

  static String template(String name, String description, String jobNoSource) {
    return "{\"name\": \"" + name + "\", \"description\": \"" + description + "\", \"direction\": \"in\",\n"
        + " \"records\": [{\"record\": \"job\", \"defaults\": {\"SourceApp\": \"ERP\", \"SourceType\": \"ORDER\"},\n"
        + "  \"fields\": {\"JobNo\": " + jobNoSource + ", \"ShortDescription\": \"Text\"}}]}";
  }

  @Test
  void theReadyMadeTemplatesAreListedForAnIngestClient() {
    Answer listed = api.get("api/integration/templates");
    assertEquals(200, listed.status(), listed.body());
    List<String> names = ((JsonObject) listed.json()).getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(item -> item.getString("name")).toList();
    assertTrue(names.containsAll(List.of("customer-import", "project-import", "appointment-export")), names.toString());
    JsonObject project = ((JsonObject) listed.json()).getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(item -> item.getString("name").equals("project-import")).findFirst().orElseThrow();
    assertEquals("in", project.getString("direction"));
    assertTrue(project.getJsonArray("writes").getValuesAs(JsonString::getString).contains("task.TaskNo"),
        project.toString());
  }

  @Test
  void aTemplateIsCreatedReadChangedAndDeleted() {
    Answer created = api.send("POST", ADMIN, template("templates-it-orders", "Orders", "\"OrderNo\""));
    assertEquals(201, created.status(), created.body());
    assertTrue(created.body().contains("job.JobNo"), created.body());
    assertProblem(409, api.send("POST", ADMIN, template("templates-it-orders", "Again", "\"OrderNo\"")), "exists");
    Answer read = api.get(ADMIN + "/templates-it-orders");
    assertEquals(200, read.status(), read.body());
    assertEquals("Orders", ((JsonObject) read.json()).getString("description"));
    Answer changed = api.send("PUT", ADMIN + "/templates-it-orders",
        template("templates-it-orders", "Sales orders", "{\"expression\": \"'SO-' & OrderNo\"}"));
    assertEquals(200, changed.status(), changed.body());
    assertEquals("Sales orders", ((JsonObject) api.get(ADMIN + "/templates-it-orders").json()).getString("description"));
    assertEquals(204, api.send("DELETE", ADMIN + "/templates-it-orders", null).status());
    assertProblem(404, api.get(ADMIN + "/templates-it-orders"), "templates-it-orders");
    assertProblem(404, api.send("DELETE", ADMIN + "/templates-it-orders", null), "templates-it-orders");
  }

  @Test
  void aBadTemplateIsRefusedNamingItsLineAndFieldAndNothingIsWritten() {
    String unknownField = template("templates-it-bad", "x", "\"OrderNo\"").replace("ShortDescription", "ShortDesc");
    assertProblem(400, api.send("POST", ADMIN, unknownField), "line 3", "records[0].fields.ShortDesc",
        "not a field of job");
    assertProblem(400, api.send("POST", ADMIN, template("templates-it-bad", "x", "{\"expression\": \"(\"}")),
        "records[0].fields.JobNo.expression", "does not compile");
    assertProblem(400, api.send("POST", ADMIN, template("templates-it-bad", "x", "\"OrderNo\"")
        .replace("\"in\"", "\"both\"")), "direction", "\"in\" or \"out\"");
    assertProblem(400, api.send("POST", ADMIN, "{\"name\": \"templates-it-bad\""), "Malformed JSON");
    String customers = api.get(ADMIN + "/customer-import").body();
    assertProblem(400, api.send("PUT", ADMIN + "/customer-import", template("templates-it-bad", "x", "\"No\"")),
        "keeps its name");
    assertEquals(customers, api.get(ADMIN + "/customer-import").body(), "a refused change leaves the document as it was");
    assertProblem(404, api.get(ADMIN + "/templates-it-bad"));
  }
}
