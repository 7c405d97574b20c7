package org.planbridge.testing;

import static org.planbridge.testing.Calls.body;
import static org.planbridge.testing.Calls.call;
import static org.planbridge.testing.Calls.job;
import static org.planbridge.testing.Calls.resource;
import static org.planbridge.testing.Calls.task;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.util.ArrayList;
import java.util.List;
import org.planbridge.testing.ApiClient.Answer;

/**
 * Sends every {@link WireCase} (src/test/resources/sdk-wire/cases.json) to a deployment, each from the same fixture,
 * and says which did not hold: answered as the SDK reads an answer, and the record read back as it was sent.
 */
public final class WireRunner {

  private WireRunner() {}

  /** What went wrong, one line per case that did not hold; empty when all did. */
  public static List<String> failures(ApiClient api, List<WireCase> cases) {
    List<String> failures = new ArrayList<>();
    for (WireCase wire : cases) {
      String failure = run(api, wire);
      if (failure != null) {
        failures.add(wire.name() + ": " + failure);
      }
    }
    return failures;
  }

  /** Null when the case holds; else what went wrong. */
  private static String run(ApiClient api, WireCase wire) {
    TestDatabase.clearPlanning();
    Answer created = api.send("POST", "api/import", body(job("J1", "Service"), task("J1", "T1", "Visit"),
        resource("R1", "Anna"), call("mboc_upsertAppointment", "SourceApp", "BC", "SourceType", "SO", "JobNo", "J1",
            "TaskNo", "T1", "Start", "2024-05-01T08:00:00.000Z", "End", "2024-05-01T10:00:00.000Z", "ResourceNo", "R1")));
    JsonObject appointment = created.content().getJsonArray("Appointments").getJsonObject(0);
    String guid = appointment.getString("Guid");
    String id = String.valueOf(appointment.getJsonNumber("Id").longValue());
    for (WireCase.Request given : wire.given()) {
      String failure = send(api, given, guid, id);
      if (failure != null) {
        return "given " + given.method() + " " + given.path() + ": " + failure;
      }
    }
    if (wire.refused() != null) {
      return refused(api, wire, guid, id);
    }
    String failure = send(api, wire.request(), guid, id);
    if (failure != null || wire.read() == null) {
      return failure;
    }
    Answer read = api.get(filled(wire.read(), guid, id));
    if (read.status() != 200) {
      return "GET " + wire.read() + " answered " + read.status() + ": " + read.body();
    }
    JsonStructure json = read.json();
    JsonArray rows = json instanceof JsonArray array ? array : json.asJsonObject().getJsonArray("items");
    if (wire.expect() != null) {
      JsonObject expected = filled(wire.expect(), guid, id);
      if (rows.stream().noneMatch(row -> WireCase.matches(row.asJsonObject(), expected))) {
        return "no row of " + wire.read() + " has " + expected + ": " + rows;
      }
    }
    if (wire.expectNone() != null) {
      JsonObject unexpected = filled(wire.expectNone(), guid, id);
      if (rows.stream().anyMatch(row -> WireCase.matches(row.asJsonObject(), unexpected))) {
        return "a row of " + wire.read() + " still has " + unexpected + ": " + rows;
      }
    }
    return null;
  }

  /**
   * Sends a request; null when it was answered as the SDK expects: 200, and for a write the envelope with
   * {@code statusCode} 200 and a {@code content} string whose JSON says {@code Success} (the JS SDK's test), for a
   * list a bare JSON array.
   */
  private static String send(ApiClient api, WireCase.Request request, String guid, String id) {
    String path = filled(request.path(), guid, id);
    Answer answer = request.method().equals("GET") ? api.get(path)
        : api.send(request.method(), path, request.body() == null ? null : filled(request.body().toString(), guid, id));
    if (answer.status() != 200) {
      return "HTTP " + answer.status() + ": " + answer.body();
    }
    try {
      if (request.method().equals("GET")) {
        return answer.json() instanceof JsonArray || answer.json().asJsonObject().containsKey("data") ? null
            : "a list must be a bare JSON array (or, with page, {data, total}): " + answer.body();
      }
      if (answer.statusCode() != 200) {
        return "envelope statusCode " + answer.statusCode() + ": " + answer.body();
      }
      JsonObject content = answer.content();
      return content.getBoolean("Success", false) ? null : "content does not say Success: " + answer.body();
    } catch (RuntimeException e) {
      return "not the SDK's answer (" + e + "): " + answer.body();
    }
  }

  /** Null when the request was refused in the SDK envelope, saying what it says it must, and changed nothing. */
  private static String refused(ApiClient api, WireCase wire, String guid, String id) {
    String before = TestDatabase.state();
    Answer answer = api.send(wire.request().method(), filled(wire.request().path(), guid, id),
        filled(wire.request().body().toString(), guid, id));
    try {
      if (answer.statusCode() != 400 || !answer.content().getString("Description", "").contains(wire.refused())) {
        return "not refused with '" + wire.refused() + "': HTTP " + answer.status() + " " + answer.body();
      }
    } catch (RuntimeException e) {
      return "not the SDK's answer (" + e + "): " + answer.body();
    }
    return before.equals(TestDatabase.state()) ? null : "a refused request changed the database";
  }

  private static String filled(String text, String guid, String id) {
    return text.replace("{{guid}}", guid).replace("{{id}}", id);
  }

  private static JsonObject filled(JsonObject json, String guid, String id) {
    return jakarta.json.Json.createReader(new java.io.StringReader(filled(json.toString(), guid, id))).readObject();
  }

}
