package org.planbridge.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbridge.blackbox.BlackBoxApiIT.on;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.planbridge.testing.ApiClient;
import org.planbridge.testing.ApiClient.Answer;
import org.planbridge.testing.DeliveryDesk;
import org.planbridge.testing.RecordingWebhook;
import org.planbridge.testing.Scrape;
import org.junit.jupiter.api.Test;
import org.planbridge.testing.ServerUnderTest;

/** What an operator watches: readiness where each server serves MicroProfile Health, and the metrics. */
class BlackBoxOperationsIT {

  @Test
  void aMetricsKeySentAsPrometheusSendsItSeesTheBacklogRiseAndDrain() throws Exception {
    ApiClient api = ServerUnderTest.api();
    DeliveryDesk desk = new DeliveryDesk(api);
    String app = "O" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Answer created = api.send("POST", "api/admin/keys", "{\"name\": \"blackbox metrics " + app
        + "\", \"scopes\": [\"metrics\"]}");
    assertEquals(201, created.status(), created.body());
    String key = ((JsonObject) created.json()).getString("key");
    assertEquals(403, api.send("GET", "api/jobs", (String) null, key).status(), "a metrics key reads no data " + on());
    try (RecordingWebhook hook = new RecordingWebhook()) {
      hook.delay(Duration.ofSeconds(2)); // each delivery takes 2 s: long enough for a scrape to see the backlog
      desk.connector(app, Json.createObjectBuilder().add("backOfficeSystem", "WEBHOOK").add("uri", hook.uri())
          .add("concurrency", 1));
      desk.appointments(app, "J-1", 3);
      await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
          .until(() -> scrape(api, key).sum("planbridge_backlog_transactions", "connector", app) >= 2);
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
        Scrape now = scrape(api, key);
        assertEquals(0, now.sum("planbridge_backlog_transactions", "connector", app), on());
        assertEquals(3, now.sum("planbridge_deliveries_total", "connector", app, "status", "success"), on());
      });
    }
  }

  static Scrape scrape(ApiClient api, String key) {
    Answer answer = api.sendWith("GET", "api/metrics", "Authorization", "Bearer " + key);
    assertEquals(200, answer.status(), answer.body() + " " + on());
    assertTrue(answer.contentType().startsWith("text/plain"), answer.contentType() + " " + on());
    return new Scrape(answer.body());
  }

  @Test
  void readinessIsUpWithTheDatabaseCheck() throws Exception {
    HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(ServerUnderTest.readiness())
        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, ready.statusCode(), ready.body() + " " + on());
    JsonObject health = Json.createReader(new StringReader(ready.body())).readObject();
    assertEquals("UP", health.getString("status"), ready.body());
    JsonObject database = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(check -> check.getString("name").equals("database")).findFirst().orElseThrow();
    assertEquals("UP", database.getString("status"), ready.body());
    // a boolean on WildFly, its text on Payara
    assertEquals("true", database.getJsonObject("data").get("schemaMigrated").toString().replace("\"", ""),
        ready.body());
    for (String name : List.of("drain", "connectors")) {
      JsonObject check = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
          .filter(c -> c.getString("name").equals(name)).findFirst().orElseThrow();
      assertEquals("UP", check.getString("status"), ready.body());
      assertFalse(check.containsKey("data") && check.getJsonObject("data").containsKey("error"), ready.body());
    }
  }
}
