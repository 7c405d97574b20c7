package org.planbridge.testing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.planbridge.testing.Calls.body;
import static org.planbridge.testing.Calls.call;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.util.List;
import org.planbridge.testing.ApiClient.Answer;

/**
 * What the delivery tests do through the API, as a user would: create a connector, import an appointment with its
 * job, task and resource, and read the transactions of a Source App and their statuses.
 */
public final class DeliveryDesk {

  public static final Duration DELIVERY = Duration.ofSeconds(15);

  private final ApiClient api;

  public DeliveryDesk(ApiClient api) {
    this.api = api;
  }

  /** A connector named after its Source App, with the given fields; answers its id. */
  public long connector(String sourceApp, JsonObjectBuilder fields) {
    JsonObject connector = fields.add("name", "Connector " + sourceApp).add("sourceApp", sourceApp).build();
    Answer answer = api.send("POST", "api/admin/connectors", connector.toString());
    assertEquals(201, answer.status(), answer.body());
    return ((JsonObject) answer.json()).getJsonNumber("id").longValue();
  }

  /** Replaces the connector {@code id} with these fields, named after its Source App as {@link #connector} does. */
  public void changeConnector(long id, String sourceApp, JsonObjectBuilder fields) {
    JsonObject connector = fields.add("name", "Connector " + sourceApp).add("sourceApp", sourceApp).build();
    Answer answer = api.send("PUT", "api/admin/connectors/" + id, connector.toString());
    assertEquals(200, answer.status(), answer.body());
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

  /** A job, its task T-1, the resource R-{sourceApp} and an appointment on 2024-05-01 08:00-09:00 UTC; its id. */
  public long appointment(String sourceApp, String jobNo, String subject) {
    Answer answer = api.send("POST", "api/import", body(job(sourceApp, jobNo), task(sourceApp, jobNo),
        resource(sourceApp), call("mboc_upsertAppointment", "SourceApp", sourceApp, "SourceType", "SO", "JobNo", jobNo,
            "TaskNo", "T-1", "Subject", subject, "Start", "2024-05-01T08:00:00Z", "End", "2024-05-01T09:00:00Z",
            "ResourceNo", "R-" + sourceApp)));
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
      calls.add(call("mboc_upsertAppointment", "SourceApp", sourceApp, "SourceType", "SO", "JobNo", jobNo, "TaskNo",
          "T-1", "Subject", "Visit " + i, "Start", "2024-05-01T08:00:00Z", "End",
          "2024-05-01T09:00:00Z", "ResourceNo", "R-" + sourceApp));
    }
    assertOk(api.send("POST", "api/import", body(calls.toArray(JsonObject[]::new))));
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

  public static void assertOk(Answer answer) {
    assertEquals(200, answer.statusCode(), answer.body());
  }
}
