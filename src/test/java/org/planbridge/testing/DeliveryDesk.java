package org.planbridge.testing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.planbridge.testing.Calls.body;
import static org.planbridge.testing.Calls.call;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.planbridge.testing.ApiClient.Answer;

/**
 * What the delivery tests do through the API, as a user would: create a connector, import an appointment with its
 * job, task and resource, and read the transactions of a Source App and their statuses.
 */
public final class DeliveryDesk {

  /**
   * How long a delivery may take to be seen: the drain ticks every second, but the server the tests share also
   * drains every other test's transactions, and a busy 2-core machine ran one 15-second wait out. A bound, not a
   * sleep: a delivery seen sooner ends the wait.
   */
  public static final Duration DELIVERY = Duration.ofSeconds(60);
  /** When {@link #appointment} starts and ends. */
  public static final String START = "2024-05-01T08:00:00Z";
  public static final String END = "2024-05-01T09:00:00Z";

  private final ApiClient api;

  public DeliveryDesk(ApiClient api) {
    this.api = api;
  }

  /** A connector named after its Source App, with the given fields; answers its id. */
  public long connector(String sourceApp, JsonObjectBuilder fields) {
    Answer answer = api.send("POST", "api/admin/connectors", named(sourceApp, fields));
    assertEquals(201, answer.status(), answer.body());
    return ((JsonObject) answer.json()).getJsonNumber("id").longValue();
  }

  /** Replaces the connector {@code id} with these fields, named after its Source App as {@link #connector} does. */
  public void changeConnector(long id, String sourceApp, JsonObjectBuilder fields) {
    Answer answer = api.send("PUT", "api/admin/connectors/" + id, named(sourceApp, fields));
    assertEquals(200, answer.status(), answer.body());
  }

  private static String named(String sourceApp, JsonObjectBuilder fields) {
    return fields.add("name", "Connector " + sourceApp).add("sourceApp", sourceApp).build().toString();
  }

  /** The connection check of connector {@code id}: {@code {"connectorId", "ok", "steps": [...]}}. */
  public JsonObject check(long id) {
    Answer answer = api.send("POST", "api/admin/connectors/" + id + "/check", (String) null);
    assertEquals(200, answer.status(), answer.body());
    return (JsonObject) answer.json();
  }

  /** Sends the Source App's only transaction again by hand; it must be one the retry takes. */
  public void retryOnly(String sourceApp) {
    long id = only(sourceApp).getJsonNumber("id").longValue();
    JsonObject retried = (JsonObject) api.send("POST", "api/admin/transactions/retry", "{\"ids\":[" + id + "]}")
        .json();
    assertEquals(1, retried.getInt("affected"), retried.toString());
  }

  /** A job, its task T-1, the resource R-{sourceApp} and an appointment from {@link #START} to {@link #END}; its id. */
  public long appointment(String sourceApp, String jobNo, String subject) {
    Answer answer = api.send("POST", "api/import", body(job(sourceApp, jobNo), task(sourceApp, jobNo),
        resource(sourceApp), newAppointment(sourceApp, jobNo, subject)));
    assertOk(answer);
    return answer.content().getJsonArray("Appointments").getJsonObject(0).getJsonNumber("Id").longValue();
  }

  /**
   * A job, its task T-1, the resource R-{sourceApp} and {@code count} appointments on it, in one request: their
   * transactions are committed together, so the drain finds them all due at once.
   */
  public void appointments(String sourceApp, String jobNo, int count) {
    List<JsonObject> calls = new java.util.ArrayList<>(List.of(job(sourceApp, jobNo), task(sourceApp, jobNo),
        resource(sourceApp)));
    for (int i = 1; i <= count; i++) {
      calls.add(newAppointment(sourceApp, jobNo, "Visit " + i));
    }
    assertOk(api.send("POST", "api/import", body(calls.toArray(JsonObject[]::new))));
  }

  /** Moves the appointment {@code id} of {@link #appointment} to {@code start}-{@code end}, with its job and task. */
  public void move(String sourceApp, long id, String jobNo, String start, String end) {
    assertOk(api.send("POST", "api/import", body(call("mboc_upsertAppointment", "SourceApp", sourceApp, "SourceType",
        "SO", "AppointmentId", String.valueOf(id), "JobNo", jobNo, "TaskNo", "T-1", "Start", start, "End", end))));
  }

  /** Takes the resource R-{sourceApp} of {@link #appointment} off the appointment {@code id}. */
  public void unassign(String sourceApp, long id) {
    assertOk(api.send("POST", "api/import", body(call("mboc_deleteAppointmentResource", "SourceApp", sourceApp,
        "SourceType", "SO", "AppointmentId", String.valueOf(id), "ResourceNo", "R-" + sourceApp))));
  }

  public void delete(String sourceApp, long id) {
    assertOk(api.send("POST", "api/import", body(call("mboc_deleteAppointment", "SourceApp", sourceApp, "SourceType",
        "SO", "AppointmentId", String.valueOf(id)))));
  }

  /** A new appointment on task T-1 of the job, from {@link #START} to {@link #END}, with the resource R-{sourceApp}. */
  static JsonObject newAppointment(String sourceApp, String jobNo, String subject) {
    return call("mboc_upsertAppointment", "SourceApp", sourceApp, "SourceType", "SO", "JobNo", jobNo, "TaskNo", "T-1",
        "Subject", subject, "Start", START, "End", END, "ResourceNo", "R-" + sourceApp);
  }

  public static JsonObject job(String sourceApp, String jobNo) {
    return call("mboc_upsertJob", "SourceApp", sourceApp, "SourceType", "SO", "JobNo", jobNo, "ShortDescription", "Job");
  }

  public static JsonObject task(String sourceApp, String jobNo) {
    return call("mboc_upsertTask", "SourceApp", sourceApp, "SourceType", "SO", "JobNo", jobNo, "TaskNo", "T-1",
        "ShortDescription", "Task");
  }

  public static JsonObject resource(String sourceApp) {
    return call("mboc_upsertResource", "ResourceNo", "R-" + sourceApp, "ResourceName", "Resource");
  }

  /** The Source App's transactions, oldest first. */
  public List<JsonObject> transactions(String sourceApp) {
    JsonObject list = (JsonObject) api.get("api/admin/transactions?sort=id&sourceApp=" + sourceApp).json();
    return list.getJsonArray("items").getValuesAs(JsonObject.class);
  }

  public List<String> statuses(String sourceApp) {
    return transactions(sourceApp).stream().map(t -> t.getString("status")).toList();
  }

  public JsonObject only(String sourceApp) {
    List<JsonObject> transactions = transactions(sourceApp);
    assertEquals(1, transactions.size(), transactions.toString());
    return transactions.get(0);
  }

  public void awaitStatus(String sourceApp, String status) {
    await().atMost(DELIVERY).until(() -> statuses(sourceApp).equals(List.of(status)));
  }

  /**
   * Waits until the Source App has {@code count} transactions, all Success: each change delivered before the next
   * is made, since a newer change supersedes one still waiting.
   */
  public void awaitSuccesses(String sourceApp, int count) {
    await().atMost(DELIVERY).untilAsserted(() -> assertEquals(Collections.nCopies(count, "Success"),
        statuses(sourceApp), () -> transactions(sourceApp).toString()));
  }

  public static void assertOk(Answer answer) {
    assertEquals(200, answer.statusCode(), answer.body());
  }
}
