package org.planbridge.ingest.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planbridge.testing.ApiClient;
import org.planbridge.testing.ApiClient.Answer;
import org.planbridge.testing.Deployments;
import org.planbridge.testing.TestDatabase;

/**
 * A whole client run as the JS SDK's typed endpoints make it (camelCase arrays; `POST` create, `PUT` update, `GET`
 * list, `DELETE` with a body), record kind after record kind in the order a client builds a plan, then the deletes in
 * the reverse order; every answer read as the SDK reads it: a write's envelope {@code content} parsed for
 * {@code Success} (and, on appointment routes, {@code Appointments}), a list as a bare array.
 */
@ExtendWith(ArquillianExtension.class)
class SdkClientReplayIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.planbridge();
  }

  @ArquillianResource URL base;

  /** One record kind: its route, the model created, the same model changed, the field the change shows in. */
  record Kind(String route, String created, String updated, String field, String value, String deleted) {}

  static final String TASK_KEY = "\"sourceApp\":\"RP\",\"sourceType\":\"SO\",\"jobNo\":\"RJ1\",\"taskNo\":\"RT1\"";

  static final List<Kind> PLAN = List.of(
      new Kind("filterGroup", "{\"name\":\"Skill\"}", "{\"name\":\"Skill\",\"columnNo\":2}", "columnNo", "2",
          "{\"name\":\"Skill\"}"),
      new Kind("filterValue", "{\"group\":\"Skill\",\"value\":\"Gas\"}", "{\"group\":\"Skill\",\"value\":\"Gas\"}",
          "value", "Gas", "{\"group\":\"Skill\",\"value\":\"Gas\"}"),
      new Kind("categories", "{\"name\":\"Urgent\",\"color\":\"#FF0000\"}", "{\"name\":\"Urgent\",\"color\":\"#00FF00\"}",
          "color", "#00FF00", "{\"name\":\"Urgent\"}"),
      new Kind("timeMarker", "{\"name\":\"Late\",\"color\":\"#111111\"}", "{\"name\":\"Late\",\"color\":\"#222222\"}",
          "color", "#222222", "{\"name\":\"Late\"}"),
      new Kind("pin", "{\"name\":\"Depot\",\"color\":\"#333333\"}", "{\"name\":\"Depot\",\"color\":\"#444444\"}",
          "color", "#444444", "{\"name\":\"Depot\"}"),
      new Kind("container", "{\"name\":\"Truck\",\"handleLocked\":false}", "{\"name\":\"Truck\",\"handleLocked\":true}",
          "handleLocked", "true", "{\"name\":\"Truck\"}"),
      new Kind("caption", "{\"context\":6,\"sourceTable\":\"Job\",\"fieldName\":\"Category\",\"language\":\"de\","
          + "\"text\":\"Kategorie\"}", "{\"context\":6,\"sourceTable\":\"Job\",\"fieldName\":\"Category\","
          + "\"language\":\"de\",\"text\":\"Art\"}", "text", "Art", "{\"context\":6,\"sourceTable\":\"Job\","
          + "\"fieldName\":\"Category\",\"language\":\"de\"}"),
      new Kind("job", "{\"sourceApp\":\"RP\",\"sourceType\":\"SO\",\"jobNo\":\"RJ1\",\"shortDescription\":\"Job\","
          + "\"freeBit1\":false,\"allowDependencies\":true}", "{\"sourceApp\":\"RP\",\"sourceType\":\"SO\","
          + "\"jobNo\":\"RJ1\",\"shortDescription\":\"Job, changed\"}", "shortDescription", "Job, changed",
          "{\"sourceApp\":\"RP\",\"sourceType\":\"SO\",\"jobNo\":\"RJ1\"}"),
      new Kind("task", "{" + TASK_KEY + ",\"shortDescription\":\"Task\",\"importance\":1,\"taskType\":0}",
          "{" + TASK_KEY + ",\"shortDescription\":\"Task, changed\"}", "shortDescription", "Task, changed",
          "{" + TASK_KEY + "}"),
      new Kind("taskFilterValue", "{" + TASK_KEY + ",\"filterGroup\":\"Skill\",\"filterValue\":\"Gas\"}",
          "{" + TASK_KEY + ",\"filterGroup\":\"Skill\",\"filterValue\":\"Gas\",\"transferToTemp\":true}",
          "transferToTemp", "true", "{" + TASK_KEY + ",\"filterGroup\":\"Skill\",\"filterValue\":\"Gas\"}"),
      new Kind("taskContainer", "{" + TASK_KEY + ",\"name\":\"Truck\",\"index\":1}",
          "{" + TASK_KEY + ",\"name\":\"Truck\",\"index\":2}", "index", "2", "{" + TASK_KEY + ",\"name\":\"Truck\"}"),
      new Kind("taskUri", "{" + TASK_KEY + ",\"uri\":\"https://erp.example/RT1\",\"description\":\"Order\"}",
          "{" + TASK_KEY + ",\"uri\":\"https://erp.example/RT1\",\"description\":\"Order, changed\"}", "description",
          "Order, changed", "{" + TASK_KEY + ",\"uri\":\"https://erp.example/RT1\"}"),
      new Kind("resource", "{\"resourceNo\":\"RR1\",\"resourceName\":\"Anna\",\"sourceApp\":\"RP\"}",
          "{\"resourceNo\":\"RR1\",\"resourceName\":\"Anna B.\"}", "resourceName", "Anna B.", "{\"resourceNo\":\"RR1\"}"),
      new Kind("resourceFilterValue", "{\"resourceNo\":\"RR1\",\"filterGroup\":\"Skill\",\"filterValue\":\"Gas\"}",
          "{\"resourceNo\":\"RR1\",\"filterGroup\":\"Skill\",\"filterValue\":\"Gas\",\"transferToTemp\":true}",
          "transferToTemp", "true", "{\"resourceNo\":\"RR1\",\"filterGroup\":\"Skill\",\"filterValue\":\"Gas\"}"),
      new Kind("resourcecalendar", "{\"code\":\"RC1\",\"resourceNo\":\"RR1\",\"calendarCode\":\"Std\","
          + "\"startDate\":\"2024-01-01T00:00:00.000Z\",\"endDate\":\"2024-12-31T00:00:00.000Z\"}",
          "{\"code\":\"RC1\",\"resourceNo\":\"RR1\",\"calendarCode\":\"Night\",\"startDate\":\"2024-01-01T00:00:00.000Z\","
          + "\"endDate\":\"2024-12-31T00:00:00.000Z\"}", "calendarCode", "Night", "{\"code\":\"RC1\"}"),
      new Kind("resourceCapacity", "{\"resourceNo\":\"RR1\",\"date\":\"2024-05-01T00:00:00.000Z\",\"capacityInSeconds\":3600}",
          "{\"resourceNo\":\"RR1\",\"date\":\"2024-05-01T00:00:00.000Z\",\"capacityInSeconds\":7200}",
          "capacityInSeconds", "7200", "{\"resourceNo\":\"RR1\",\"date\":\"2024-05-01T00:00:00.000Z\"}"),
      new Kind("resourceGpsTracking", "{\"resourceNo\":\"RR1\",\"latitude\":1.5,\"longitude\":2.5}",
          "{\"resourceNo\":\"RR1\",\"latitude\":1.5,\"longitude\":2.5,\"speed\":30}", "speed", "30",
          "{\"resourceNo\":\"RR1\"}"),
      new Kind("resourceuri", "{\"resourceNo\":\"RR1\",\"uri\":\"https://hr.example/RR1\",\"description\":\"HR\"}",
          "{\"resourceNo\":\"RR1\",\"uri\":\"https://hr.example/RR1\",\"description\":\"People\"}", "description",
          "People", "{\"resourceNo\":\"RR1\",\"uri\":\"https://hr.example/RR1\"}"),
      new Kind("actionuri", "{\"sourceApp\":\"RP\",\"sourceType\":\"SO\",\"uriType\":2,\"uri\":\"https://erp.example/#JOBNO#\","
          + "\"description\":\"Open\",\"default\":false}", "{\"sourceApp\":\"RP\",\"sourceType\":\"SO\",\"uriType\":2,"
          + "\"uri\":\"https://erp.example/#JOBNO#\",\"description\":\"Open\",\"default\":true}", "default", "true",
          "{\"sourceApp\":\"RP\",\"sourceType\":\"SO\",\"uriType\":2,\"uri\":\"https://erp.example/#JOBNO#\"}"));

  @Test
  void aClientBuildsAPlanChangesItListsItAndTakesItDown() {
    ApiClient api = new ApiClient(base);
    TestDatabase.clearPlanning();
    for (Kind kind : PLAN) {
      write(api, "POST", kind.route(), kind.created());
      write(api, "PUT", kind.route(), kind.updated());
      JsonArray listed = list(api, kind.route());
      assertEquals(1, listed.size(), kind.route() + ": " + listed);
      assertEquals(kind.value(), text(listed.getJsonObject(0), kind.field()), kind.route() + ": " + listed);
    }

    JsonObject created = write(api, "POST", "appointment", "{\"id\":0," + TASK_KEY + ",\"subject\":\"Visit\","
        + "\"start\":\"2024-05-01T08:00:00.000Z\",\"end\":\"2024-05-01T10:00:00.000Z\",\"resourceNo\":\"RR1\"}");
    JsonObject appointment = created.getJsonArray("Appointments").getJsonObject(0);
    long id = appointment.getJsonNumber("Id").longValue();
    String guid = appointment.getString("Guid");
    String named = "\"sourceApp\":\"RP\",\"sourceType\":\"SO\",\"appointmentId\":" + id;
    for (String[] attribute : List.of(new String[] {"appointmentCategory", "\"category\":\"Urgent\""},
        new String[] {"appointmentTimeMarker", "\"timeMarker\":\"Late\""},
        new String[] {"appointmentImportance", "\"importance\":1"},
        new String[] {"appointmentLocked", "\"locked\":true"},
        new String[] {"appointmentPlanningQuantity", "\"quantity\":2.5"},
        new String[] {"appointmentContent", "\"subject\":\"Visit, changed\",\"body\":\"Bring the key\""})) {
      JsonObject answer = write(api, "POST", attribute[0], "{" + named + "," + attribute[1] + "}");
      assertEquals(id, answer.getJsonArray("Appointments").getJsonObject(0).getJsonNumber("Id").longValue(),
          attribute[0]);
    }
    write(api, "POST", "appointmentContainer", "{\"container\":\"Truck\",\"appointment\":\"" + guid + "\"}");
    write(api, "POST", "appointmentUri", "{\"appointmentId\":0,\"appointmentGuid\":\"" + guid + "\","
        + "\"uri\":\"https://erp.example/A\",\"description\":\"Open\"}");
    write(api, "POST", "resource", "{\"resourceNo\":\"RR2\",\"resourceName\":\"Bert\"}");
    write(api, "POST", "assignment", "{" + named + ",\"resourceNo\":\"RR2\"}");
    JsonObject listed = list(api, "appointment").getJsonObject(0);
    assertEquals(List.of("Urgent", "Late", "1", "true", "Visit, changed", "RR1;RR2"), List.of(listed.getString("category"),
        listed.getString("timeMarker"), text(listed, "importance"), text(listed, "locked"), listed.getString("subject"),
        listed.getString("resourceNo")));
    assertEquals(0, listed.getJsonNumber("planningQuantity").bigDecimalValue().compareTo(new java.math.BigDecimal("2.5")));
    write(api, "POST", "notification", "{" + TASK_KEY + ",\"type\":1,\"code\":\"N1\",\"text\":\"Parts\"}");
    write(api, "POST", "message", "{\"Text\":\"Plan ready\",\"Severity\":2}");

    // Taken down in the reverse order.
    write(api, "DELETE", "notification", "{" + TASK_KEY + "}");
    write(api, "DELETE", "appointmentTimeMarker", "{" + named + "}");
    write(api, "DELETE", "assignment", "{" + named + ",\"resourceNo\":\"RR2\"}");
    write(api, "DELETE", "resource", "{\"resourceNo\":\"RR2\"}");
    write(api, "DELETE", "appointmentUri", "{\"appointmentGuid\":\"" + guid + "\",\"uri\":\"https://erp.example/A\"}");
    write(api, "DELETE", "appointmentContainer", "{\"container\":\"Truck\",\"appointment\":\"" + guid + "\"}");
    assertTrue(!list(api, "appointment").getJsonObject(0).containsKey("timeMarker"), "the time marker is cleared");
    write(api, "DELETE", "appointment", "{\"id\":" + id + ",\"sourceApp\":\"RP\",\"sourceType\":\"SO\"}");
    List<Kind> reversed = new ArrayList<>(PLAN);
    java.util.Collections.reverse(reversed);
    for (Kind kind : reversed) {
      write(api, "DELETE", kind.route(), kind.deleted());
      assertEquals(0, list(api, kind.route()).size(), kind.route() + " is empty again");
    }
    for (String route : List.of("appointment", "appointmentUri", "appointmentContainer", "notification")) {
      assertEquals(0, list(api, route).size(), route);
    }
  }

  /** A write as the JS SDK reads its answer: HTTP 2xx, the content parsed, Success true. */
  private static JsonObject write(ApiClient api, String method, String route, String model) {
    Answer answer = api.send(method, "api/" + route, "[" + model + "]");
    String context = method + " " + route + ": " + answer.body();
    assertEquals(200, answer.status(), context);
    JsonObject content = answer.content();
    assertEquals(true, content.getBoolean("Success"), context);
    return content;
  }

  private static JsonArray list(ApiClient api, String route) {
    Answer answer = api.get("api/" + route);
    assertEquals(200, answer.status(), route + ": " + answer.body());
    return answer.json().asJsonArray();
  }

  private static String text(JsonObject row, String field) {
    return row.get(field) instanceof jakarta.json.JsonString string ? string.getString() : String.valueOf(row.get(field));
  }
}
