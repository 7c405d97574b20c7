package org.planbridge.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Makes requests for the API the way a careless or hostile client would: a valid request of a random
 * route (an import, a typed route, an admin call, a read), then, most of the time, mutated: a value
 * replaced by one that breaks parsers, a field removed or of the wrong type, the text cut short, a
 * byte that is not UTF-8, a key twice, deep nesting, a hostile query. Everything comes from one
 * seeded {@link Random}, so a seed replays the same requests.
 */
public final class RequestFuzzer {

  /** One request: method, path (with its query) relative to the server, body bytes or null. */
  public record Request(String method, String path, byte[] body) {
    @Override
    public String toString() {
      String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
      return method + " " + path + (body == null ? "" : " " + (text.length() > 300 ? text.substring(0, 300) + "..." : text));
    }
  }

  /** Stand-ins for escapes a JSON builder cannot write (it would escape the backslash). */
  static final String NUL = "\u0001NUL\u0001";
  static final String LONE_SURROGATE = "\u0001D800\u0001";

  static final List<String> HOSTILE_VALUES = List.of("99999999999999999999.01:00:00", "106751991167301.00:00:00",
      "10675199.02:48:06", "00:60:00", "1E+2147483647", "1E-2147483647", "1e999999999", "-0", "NaN", "Infinity",
      "4294967296", "2147483648", "-1", "0.1234567", "12345678901234567890", "+10000-01-01T00:00:00Z",
      "0000-01-01T00:00:00Z", "2024-13-01", "2024-05-01T25:00:00Z", "not-a-guid", "00000000-0000-0000-0000-000000000000",
      "yes", "2", "", " ", "😀".repeat(30), "x".repeat(60), "x".repeat(300), "B" + NUL + "C", "a" + LONE_SURROGATE + "b",
      "'; DROP TABLE job; --", "../../etc/passwd", "<script>alert(1)</script>", "R-F0;R-F1;" + NUL, "%00", "\\");
  static final List<String> TOKENS = List.of("[", "]", "{", "}", "\"", ",", ":", "\\", "\\u", "\\ud800", "\\u0000", "null",
      "1e99999", "-", "😀", "\t", "\u0000", "\"k\":", "[[[[[[[[");
  /** Every page and SDK list of the planning model, and the admin and metrics reads. */
  static final List<String> COLLECTIONS = java.util.stream.Stream.concat(
      java.util.Arrays.stream(org.planbridge.planning.control.PlanningCollection.values())
          .flatMap(collection -> java.util.stream.Stream.of(collection.path(), collection.route())),
      java.util.stream.Stream.of("actionUris/render", "admin/transactions", "admin/appointments", "admin/connectors",
          "admin/keys", "admin/templates", "admin/templates/customer-import", "admin/templates/nosuch",
          "integration/templates", "integration/appointment-export", "integration/customer-import", "changes",
          "changes/maxRowVersion", "metrics"))
      .toList();
  static final List<String> QUERY_NAMES = List.of("offset", "limit", "sourceApp", "sourceType", "jobNo", "taskNo",
      "resourceNo", "changedSince", "sinceRowVersion", "status", "sort", "archived", "from", "to", "appointmentId", "nosuch",
      "startDate", "endDate", "resources", "since", "cursor", "types", "after");
  static final List<String> QUERY_VALUES = List.of("0", "1", "1000", "1001", "-1", "2147483648", "99999999999999999999",
      "abc", "BC", "%00", "%FF", "%ED%A0%80", "%25", "2024-05-01T00:00:00Z", "2024-05-01T00:00:00+02:00",
      "Failed", "-createdAt", "true", "maybe", "1.5", "%F0%9F%98%80", "20261202080000", "2026-12-02", "0-0", "1-2-3-4",
      "99999999999999999-1", "job,task", "appointment,,job", "job%2Cnosuch");

  private final Random random;

  public RequestFuzzer(Random random) {
    this.random = random;
  }

  /** The next request: a read one time in five; a body changed as a tree half the time, as text a third. */
  public Request next() {
    int kind = random.nextInt(10);
    if (kind < 2) {
      return read();
    }
    String method;
    String path;
    JsonValue body;
    if (kind < 5) {
      method = "POST";
      path = "api/import";
      body = importBody();
    } else if (kind < 8) {
      method = pick(List.of("POST", "PUT", "DELETE"));
      String route = pick(List.of("job", "task", "resource", "appointment", "categories", "connector", "taskLocked",
          "appointmentCategory", "assignment", "notification", "resourceCalendar", "taskContainer", "caption", "message",
          "resourceGpsTracking", "appointmentFieldValue", "user"));
      path = "api/" + route;
      if (route.equals("user") && random.nextBoolean()) {
        // The .NET SDK's user routes: POST for all three.
        path = "api/Administration/Users/" + switch (method) {
          case "POST" -> "Create";
          case "PUT" -> "Update";
          default -> "Delete";
        };
        method = "POST";
      }
      body = typedBody(route);
    } else {
      int admin = random.nextInt(8);
      method = admin == 1 || admin == 6 && random.nextBoolean() ? "PUT" : "POST";
      path = switch (admin) {
        case 0 -> "api/admin/connectors";
        case 1 -> "api/admin/connectors/" + (1 + random.nextInt(5));
        case 2 -> "api/admin/transactions/retry";
        case 3 -> "api/admin/transactions/archive";
        case 4 -> "api/admin/connectors/" + pick(List.of("1", "2", "3", "0", "-1", "abc", "99999999999999999999"))
            + "/check";
        case 5 -> "api/admin/keys";
        case 7 -> "api/integration/" + pick(List.of("customer-import", "project-import", "appointment-export",
            "nosuch", "fz-template-0"));
        default -> "api/admin/templates" + (method.equals("PUT") ? "/fz-template-" + random.nextInt(3) : "");
      };
      body = admin < 2 ? connector() : admin < 4 ? action() : admin == 6 ? template(path) : admin == 7 ? run()
          : key();
    }
    if (random.nextBoolean()) {
      body = mutate(body);
    }
    byte[] bytes = escapes(body.toString());
    if (random.nextInt(3) == 0) {
      bytes = mutate(bytes);
    }
    return new Request(method, path, bytes);
  }

  // --- valid requests

  private JsonValue importBody() {
    JsonArrayBuilder calls = Json.createArrayBuilder();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      calls.add(pick(List.<Supplier<JsonObject>>of(
          () -> Calls.call("mboc_upsertJob", "SourceApp", "BC", "SourceType", "SO", "JobNo", jobNo(), "ShortDescription",
              "Fuzz job", "FreeDecimal1", "12.5", "StartDate", "2024-05-01T08:00:00Z"),
          () -> Calls.call("mboc_upsertTask", "SourceApp", "BC", "SourceType", "SO", "JobNo", jobNo(), "TaskNo", taskNo(),
              "ShortDescription", "Fuzz task", "Duration", "01:30:00", "Importance", "1"),
          () -> Calls.call("mboc_upsertResource", "ResourceNo", resourceNo(), "ResourceName", "Fuzz resource"),
          () -> Calls.call("mboc_upsertAppointment", "SourceApp", "BC", "SourceType", "SO", "JobNo", jobNo(), "TaskNo",
              taskNo(), "Subject", "Fuzz visit", "Start", "2024-05-01T08:00:00Z", "End", "2024-05-01T09:00:00Z",
              "ResourceNo", resourceNo()),
          () -> Calls.call("mboc_upsertCategory", "Name", "FZ" + random.nextInt(3), "Color", "#FF0000"),
          () -> Calls.call("mboc_deleteJob", "SourceApp", "BC", "SourceType", "SO", "JobNo", jobNo()),
          () -> Calls.call("mboc_upsertConnector", "SourceApp", "FZ" + random.nextInt(3), "Name", "Fuzz connector",
              "BackOfficeSystem", "WEBHOOK", "WebServiceAddress", "http://127.0.0.1:9/none"))).get());
    }
    return calls.build();
  }

  private JsonValue typedBody(String route) {
    if (route.equals("user")) {
      JsonObjectBuilder user = Json.createObjectBuilder().add("Name", "Fuzz user").add("Type", random.nextInt(3))
          .add("Email", "fz" + random.nextInt(3) + "@example.com").add("Language", "en");
      // A password costs a PBKDF2 hash (about a quarter of a second): one user in four has one.
      return random.nextInt(4) == 0 ? user.add("Password", "fuzz password " + random.nextInt(3)).build() : user.build();
    }
    JsonObjectBuilder object = Json.createObjectBuilder().add("sourceApp", "BC").add("sourceType", "SO")
        .add("jobNo", jobNo());
    switch (route) {
      case "job" -> object.add("shortDescription", "Fuzz job").add("freeDecimal1", 1.25);
      case "task", "taskLocked" -> object.add("taskNo", taskNo()).add("shortDescription", "Fuzz task").add("locked", true);
      case "resource" -> object.add("resourceNo", resourceNo()).add("resourceName", "Fuzz");
      case "appointment" -> object.add("taskNo", taskNo()).add("start", "2024-05-01T08:00:00Z")
          .add("end", "2024-05-01T09:00:00Z").add("resourceNo", Json.createArrayBuilder().add(resourceNo()));
      case "categories" -> object.add("name", "FZ" + random.nextInt(3)).add("color", "#00FF00");
      case "connector" -> object.add("name", "Fuzz").add("sourceApp", "FZ" + random.nextInt(3)).add("type", 3);
      case "notification" -> object.add("taskNo", taskNo()).add("type", random.nextInt(3)).add("code", "FZ")
          .add("text", "Fuzz notice").add("date", "2024-05-01T08:00:00Z");
      case "resourceCalendar" -> object.add("code", "FZ" + random.nextInt(3)).add("resourceNo", resourceNo())
          .add("calendarCode", "Standard").add("startDate", "2024-01-01T00:00:00Z").add("endDate", "2024-12-31T00:00:00Z");
      case "taskContainer" -> object.add("taskNo", taskNo()).add("name", "FZ" + random.nextInt(3)).add("index", 1);
      case "caption" -> object.add("context", 6).add("sourceTable", "Job").add("fieldName", "Category")
          .add("language", "de").add("text", "Kategorie");
      case "message" -> object.add("Text", "Fuzz message").add("Severity", random.nextInt(6));
      case "resourceGpsTracking" -> object.add("resourceNo", resourceNo()).add("latitude", 51.05).add("longitude", 3.72);
      case "appointmentFieldValue" -> object.add("appointmentId", random.nextInt(50)).add("fieldCode", "FZ"
          + random.nextInt(3)).add("fieldValue", "Fuzz value");
      default -> object.add("appointmentId", random.nextInt(50)).add("category", "FZ1").add("resourceNo", resourceNo());
    }
    return random.nextBoolean() ? object.build() : Json.createArrayBuilder().add(object).build();
  }

  private JsonValue connector() {
    return Json.createObjectBuilder().add("name", "Fuzz connector").add("sourceApp", "FZ" + random.nextInt(5))
        .add("backOfficeSystem", "WEBHOOK").add("backOfficeType", "WEBHOOK").add("uri", "http://127.0.0.1:9/none")
        .add("sendAppointmentToWebService", random.nextBoolean()).build();
  }

  private JsonValue action() {
    if (random.nextBoolean()) {
      return Json.createObjectBuilder().add("ids", Json.createArrayBuilder().add(random.nextInt(100)).add(1)).build();
    }
    return Json.createObjectBuilder().add("filter", Json.createObjectBuilder().add("status", "Failed")
        .add("sourceApp", "FZ" + random.nextInt(3))).build();
  }

  /** A template import's request: the flags and a few customers or projects (the fields both ready-made ones read). */
  private JsonValue run() {
    JsonArrayBuilder model = Json.createArrayBuilder();
    for (int i = 1 + random.nextInt(3); i > 0; i--) {
      model.add(Json.createObjectBuilder().add("CustomerNumber", random.nextInt(5)).add("Name", "Fuzz customer")
          .add("City", "Ghent").add("ProjectNo", "FZ-P" + random.nextInt(3)).add("Title", "Fuzz project")
          .add("Start", "01.05.2024").add("End", "31.05.2024").add("No", jobNo()).add("Code", "C")
          .add("Phases", Json.createArrayBuilder().add(Json.createObjectBuilder().add("Code", "10").add("Name", "Phase")
              .add("Hours", "1,5"))));
    }
    return Json.createObjectBuilder().add("simulate", random.nextBoolean()).add("verbose", random.nextBoolean())
        .add("stopOnError", random.nextBoolean()).add("model", model).build();
  }

  /** An import template, named as its path names it (a PUT keeps the name), with a field and an expression. */
  private JsonValue template(String path) {
    String name = path.contains("/fz-") ? path.substring(path.lastIndexOf('/') + 1) : "fz-template-" + random.nextInt(3);
    return Json.createObjectBuilder().add("name", name).add("description", "Fuzz template").add("direction", "in")
        .add("records", Json.createArrayBuilder().add(Json.createObjectBuilder().add("record", "job")
            .add("defaults", Json.createObjectBuilder().add("SourceApp", "BC").add("SourceType", "SO"))
            .add("fields", Json.createObjectBuilder().add("JobNo", "No")
                .add("ShortDescription", Json.createObjectBuilder().add("expression", "Name & ' ' & Code"))))).build();
  }

  private JsonValue key() {
    return Json.createObjectBuilder().add("name", "Fuzz key " + random.nextInt(3))
        .add("scopes", Json.createArrayBuilder().add(pick(List.of("ingest", "admin", "metrics"))))
        .add("sourceApps", Json.createArrayBuilder().add("FZ" + random.nextInt(3))).build();
  }

  private Request read() {
    StringBuilder query = new StringBuilder();
    int n = random.nextInt(4);
    for (int i = 0; i < n; i++) {
      query.append(i == 0 ? "?" : "&").append(pick(QUERY_NAMES)).append('=').append(pick(QUERY_VALUES));
    }
    return new Request("GET", "api/" + pick(COLLECTIONS) + query, null);
  }

  // --- mutations

  /** A copy of {@code value} with one thing changed somewhere inside it. */
  private JsonValue mutate(JsonValue value) {
    if (value instanceof JsonArray array && !array.isEmpty() && random.nextInt(4) > 0) {
      int at = random.nextInt(array.size());
      JsonArrayBuilder copy = Json.createArrayBuilder();
      for (int i = 0; i < array.size(); i++) {
        copy.add(i == at ? mutate(array.get(i)) : array.get(i));
      }
      return copy.build();
    }
    if (value instanceof JsonObject object && !object.isEmpty() && random.nextInt(5) > 0) {
      List<String> keys = new ArrayList<>(object.keySet());
      String key = pick(keys);
      JsonObjectBuilder copy = Json.createObjectBuilder();
      int change = random.nextInt(6);
      for (Map.Entry<String, JsonValue> field : object.entrySet()) {
        if (!field.getKey().equals(key)) {
          copy.add(field.getKey(), field.getValue());
        } else if (change == 0) {
          continue; // the field left out
        } else if (change == 1) {
          copy.add(field.getKey(), field.getValue()).add("unknown" + random.nextInt(3), "x");
        } else {
          copy.add(field.getKey(), mutate(field.getValue()));
        }
      }
      return copy.build();
    }
    return switch (random.nextInt(8)) {
      case 0 -> JsonValue.NULL;
      case 1 -> random.nextBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
      case 2 -> Json.createValue(pick(List.of(-1L, 0L, Long.MAX_VALUE, 4294967296L)));
      case 3 -> Json.createArrayBuilder().add(pick(HOSTILE_VALUES)).build();
      case 4 -> Json.createObjectBuilder().add("x", pick(HOSTILE_VALUES)).build();
      default -> Json.createValue(pick(HOSTILE_VALUES));
    };
  }

  /** The body's text with one change that a JSON builder would never make. */
  private byte[] mutate(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    int at = text.isEmpty() ? 0 : random.nextInt(text.length());
    return switch (random.nextInt(7)) {
      case 0 -> text.substring(0, at).getBytes(StandardCharsets.UTF_8); // cut short
      case 1 -> (text.substring(0, at) + pick(TOKENS) + text.substring(at)).getBytes(StandardCharsets.UTF_8);
      case 2 -> (text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(10))))
          .getBytes(StandardCharsets.UTF_8);
      case 3 -> duplicateKey(text);
      case 4 -> ("[".repeat(1 + random.nextInt(5000)) + text).getBytes(StandardCharsets.UTF_8);
      case 5 -> {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        bytes.write(pick(List.of(0xFF, 0xC3, 0xED, 0x80, 0xF8)));
        bytes.writeBytes(text.substring(at).getBytes(StandardCharsets.UTF_8));
        yield bytes.toByteArray();
      }
      default -> (text + pick(List.of(" {}", "]", "x", " ", "\n[1]"))).getBytes(StandardCharsets.UTF_8);
    };
  }

  /** A key of the body's first object written a second time, in another case. */
  private byte[] duplicateKey(String text) {
    int open = text.indexOf("{\"");
    if (open < 0) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    int end = text.indexOf('"', open + 2);
    String key = text.substring(open + 2, end);
    return (text.substring(0, open + 1) + "\"" + key.toUpperCase() + "\":null," + text.substring(open + 1))
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The stand-ins as the JSON escapes they stand for. */
  private static byte[] escapes(String json) {
    return json.replace(NUL, "\\u0000").replace(LONE_SURROGATE, "\\ud800").getBytes(StandardCharsets.UTF_8);
  }

  private String jobNo() {
    return "J-F" + random.nextInt(5);
  }

  private String taskNo() {
    return "T-" + random.nextInt(3);
  }

  private String resourceNo() {
    return "R-F" + random.nextInt(3);
  }

  private <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }
}
