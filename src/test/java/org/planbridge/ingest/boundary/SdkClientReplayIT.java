package org.planbridge.ingest.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.planbridge.testing.ApiClient;
import org.planbridge.testing.ApiClient.Answer;
import org.planbridge.testing.SuiteServer;
import org.planbridge.testing.TestDatabase;

/**
 * A whole client run as each SDK's typed endpoints make it (the JS SDK: camelCase arrays, `POST` create, `PUT`
 * update, `GET` list, `DELETE` with a body; the .NET SDK: one object, its own verbs and route spellings, its user
 * routes), record kind after record kind in the order a client builds a plan, then the deletes in the reverse order;
 * every answer read as the SDK reads it: a write's envelope {@code content} parsed for {@code Success} (the .NET SDK
 * also reads the envelope's {@code statusCode}, and on appointment routes {@code Appointments}), a list as a bare
 * array.
 */
class SdkClientReplayIT {

  final URL base = SuiteServer.base();

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

  /**
   * How each SDK puts a call on the wire and reads its answer. JS: an array of camelCase models, PUT to update; an
   * answer is good when its content says Success. .NET: one PascalCase object; its task, resource and appointment
   * endpoints update with POST; {@code /taskContainer} and {@code /taskFilterValue} from the server's root; it also
   * reads the envelope's statusCode, and on the appointment routes the content's {@code Appointments}.
   */
  enum Dialect {
    JS, DOTNET;

    static final java.util.Set<String> DOTNET_POST_UPDATES = java.util.Set.of("task", "taskfiltervalue",
        "taskcontainer", "taskuri", "tasklocked", "resource", "resourcefiltervalue", "resourcecalendar",
        "resourcecapacity", "resourcegpstracking", "resourceuri", "appointment", "assignment", "appointmentcontainer",
        "appointmenturi", "appointmentcategory", "appointmenttimemarker", "appointmentimportance",
        "appointmentlocked", "appointmentplanningquantity", "appointmentcontent");

    String path(String route) {
      if (this == JS) {
        return "api/" + route;
      }
      String dotnet = switch (route) {
        case "resourcecalendar" -> "resourceCalendar";
        case "resourceuri" -> "resourceUri";
        default -> route;
      };
      return route.equals("taskContainer") || route.equals("taskFilterValue") ? route : "api/" + dotnet;
    }

    String verb(String method, String route) {
      return this == DOTNET && method.equals("PUT") && DOTNET_POST_UPDATES.contains(route.toLowerCase(
          java.util.Locale.ROOT)) ? "POST" : method;
    }

    String body(String model) {
      if (this == JS) {
        return "[" + model + "]";
      }
      JsonObject camel = jakarta.json.Json.createReader(new java.io.StringReader(model)).readObject();
      jakarta.json.JsonObjectBuilder pascal = jakarta.json.Json.createObjectBuilder();
      camel.forEach((key, value) -> pascal.add(Character.toUpperCase(key.charAt(0)) + key.substring(1), value));
      return pascal.build().toString();
    }
  }

  @Test
  void aJsClientBuildsAPlanChangesItListsItAndTakesItDown() {
    replay(Dialect.JS);
  }

  @Test
  void aDotNetClientBuildsAPlanChangesItAndTakesItDown() {
    replay(Dialect.DOTNET);
  }

  private static final String RUN_GUID = "1b4e28ba-2fa1-11d2-883f-0016d3cca427";

  private void replay(Dialect sdk) {
    ApiClient api = new ApiClient(base);
    TestDatabase.clearPlanning();
    for (Kind kind : PLAN) {
      write(api, sdk, "POST", kind.route(), kind.created());
      write(api, sdk, "PUT", kind.route(), kind.updated());
      JsonArray listed = list(api, kind.route());
      assertEquals(1, listed.size(), kind.route() + ": " + listed);
      assertEquals(kind.value(), text(listed.getJsonObject(0), kind.field()), kind.route() + ": " + listed);
    }

    // The .NET SDK names an appointment by AppointmentId (and a guid it chose), the JS SDK by id.
    JsonObject created = write(api, sdk, "POST", "appointment", (sdk == Dialect.JS ? "{\"id\":0,"
        : "{\"appointmentId\":null,\"appointmentGuid\":\"" + RUN_GUID + "\",") + TASK_KEY + ",\"subject\":\"Visit\","
        + "\"start\":\"2024-05-01T08:00:00.000Z\",\"end\":\"2024-05-01T10:00:00.000Z\",\"resourceNo\":\"RR1\"}");
    JsonObject appointment = created.getJsonArray("Appointments").getJsonObject(0);
    long id = appointment.getJsonNumber("Id").longValue();
    String guid = appointment.getString("Guid");
    if (sdk == Dialect.DOTNET) {
      assertEquals(RUN_GUID, guid, "the guid the client chose");
    }
    String named = "\"sourceApp\":\"RP\",\"sourceType\":\"SO\",\"appointmentId\":" + id;
    for (String[] attribute : List.of(new String[] {"appointmentCategory", "\"category\":\"Urgent\""},
        new String[] {"appointmentTimeMarker", "\"timeMarker\":\"Late\""},
        new String[] {"appointmentImportance", "\"importance\":1"},
        new String[] {"appointmentLocked", "\"locked\":true"},
        new String[] {"appointmentPlanningQuantity", "\"quantity\":2.5"},
        new String[] {"appointmentContent", "\"subject\":\"Visit, changed\",\"body\":\"Bring the key\""})) {
      JsonObject answer = write(api, sdk, "POST", attribute[0], "{" + named + "," + attribute[1] + "}");
      assertEquals(id, answer.getJsonArray("Appointments").getJsonObject(0).getJsonNumber("Id").longValue(),
          attribute[0]);
    }
    write(api, sdk, "POST", "appointmentContainer", "{\"container\":\"Truck\",\"appointment\":\"" + guid + "\"}");
    write(api, sdk, "POST", "appointmentUri", "{\"appointmentId\":0,\"appointmentGuid\":\"" + guid + "\","
        + "\"uri\":\"https://erp.example/A\",\"description\":\"Open\"}");
    write(api, sdk, "POST", "appointmentFieldValue", "{" + named + ",\"fieldCode\":\"REMARK\","
        + "\"fieldValue\":\"Ring twice\"}");
    write(api, sdk, "POST", "resource", "{\"resourceNo\":\"RR2\",\"resourceName\":\"Bert\"}");
    write(api, sdk, "POST", "assignment", "{" + named + ",\"resourceNo\":\"RR2\"}");
    JsonObject listed = list(api, "appointment").getJsonObject(0);
    assertEquals(List.of("Urgent", "Late", "1", "true", "Visit, changed", "RR1;RR2"), List.of(listed.getString("category"),
        listed.getString("timeMarker"), text(listed, "importance"), text(listed, "locked"), listed.getString("subject"),
        listed.getString("resourceNo")));
    assertEquals(0, listed.getJsonNumber("planningQuantity").bigDecimalValue().compareTo(new java.math.BigDecimal("2.5")));
    assertEquals("Ring twice", list(api, "appointmentFieldValue").getJsonObject(0).getString("fieldValue"));
    write(api, sdk, "POST", "notification", "{" + TASK_KEY + ",\"type\":1,\"code\":\"N1\",\"text\":\"Parts\"}");
    write(api, sdk, "POST", "message", "{\"Text\":\"Plan ready\",\"Severity\":2}");
    user(api, sdk, "POST", "{\"Name\":\"Anna\",\"Type\":1,\"Email\":\"anna@example.com\",\"Password\":\"pw\"}");
    user(api, sdk, "PUT", "{\"Name\":\"Anna B.\",\"Type\":1,\"Email\":\"anna@example.com\",\"Password\":null}");
    assertEquals("Anna B.", list(api, "user").getJsonObject(0).getString("name"));

    // Taken down in the reverse order.
    user(api, sdk, "DELETE", "{\"Name\":\"Anna B.\",\"Type\":1,\"Email\":\"anna@example.com\"}");
    write(api, sdk, "DELETE", "notification", "{" + TASK_KEY + "}");
    write(api, sdk, "DELETE", "appointmentTimeMarker", "{" + named + "}");
    write(api, sdk, "DELETE", "assignment", "{" + named + ",\"resourceNo\":\"RR2\"}");
    write(api, sdk, "DELETE", "resource", "{\"resourceNo\":\"RR2\"}");
    write(api, sdk, "DELETE", "appointmentFieldValue", "{" + named + ",\"fieldCode\":\"REMARK\"}");
    write(api, sdk, "DELETE", "appointmentUri", "{\"appointmentGuid\":\"" + guid + "\",\"uri\":\"https://erp.example/A\"}");
    write(api, sdk, "DELETE", "appointmentContainer", "{\"container\":\"Truck\",\"appointment\":\"" + guid + "\"}");
    assertTrue(!list(api, "appointment").getJsonObject(0).containsKey("timeMarker"), "the time marker is cleared");
    write(api, sdk, "DELETE", "appointment", "{\"id\":" + id + ",\"sourceApp\":\"RP\",\"sourceType\":\"SO\"}");
    List<Kind> reversed = new ArrayList<>(PLAN);
    java.util.Collections.reverse(reversed);
    for (Kind kind : reversed) {
      write(api, sdk, "DELETE", kind.route(), kind.deleted());
      assertEquals(0, list(api, kind.route()).size(), kind.route() + " is empty again");
    }
    for (String route : List.of("appointment", "appointmentUri", "appointmentContainer", "appointmentFieldValue",
        "notification", "user")) {
      assertEquals(0, list(api, route).size(), route);
    }
  }

  /** A write as the SDK reads its answer: HTTP 2xx, the content parsed, Success true; .NET: the envelope too. */
  private static JsonObject write(ApiClient api, Dialect sdk, String method, String route, String model) {
    return answered(api.send(sdk.verb(method, route), sdk.path(route), sdk.body(model)), sdk, method + " " + route,
        route.toLowerCase(java.util.Locale.ROOT).startsWith("appointment"));
  }

  /** The JS SDK's user route (PascalCase keys in an array), the .NET SDK's Administration/Users/... (POST each). */
  private static void user(ApiClient api, Dialect sdk, String method, String user) {
    if (sdk == Dialect.JS) {
      answered(api.send(method, "api/user", "[" + user + "]"), sdk, method + " user", false);
    } else {
      String action = switch (method) {
        case "POST" -> "Create";
        case "PUT" -> "Update";
        default -> "Delete";
      };
      answered(api.send("POST", "api/api/Administration/Users/" + action, user), sdk, action + " user", false);
    }
  }

  private static JsonObject answered(Answer answer, Dialect sdk, String call, boolean appointments) {
    String context = sdk + " " + call + ": " + answer.body();
    assertEquals(200, answer.status(), context);
    JsonObject content = answer.content();
    assertEquals(true, content.getBoolean("Success"), context);
    if (sdk == Dialect.DOTNET) {
      assertEquals(200, answer.statusCode(), context);
      if (appointments) {
        assertTrue(content.get("Appointments") instanceof JsonArray, "the .NET SDK reads Appointments: " + context);
      }
    }
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
