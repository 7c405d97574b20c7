package org.planbridge.metrics.boundary;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbridge.testing.Calls.body;
import static org.planbridge.testing.Calls.call;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planbridge.testing.ApiClient;
import org.planbridge.testing.ApiClient.Answer;
import org.planbridge.testing.DeliveryDesk;
import org.planbridge.testing.RecordingWebhook;
import org.planbridge.testing.Refusals;
import org.planbridge.testing.Scrape;
import org.planbridge.testing.SuiteServer;

/**
 * What an operator's Prometheus sees at {@code /api/metrics} while PlanBridge imports and delivers, who may see it,
 * and what the health routes say meanwhile.
 */
class MetricsIT {

  static final Duration SCRAPED = Duration.ofSeconds(20);


  final URL base = SuiteServer.base();

  ApiClient api;
  DeliveryDesk desk;
  RecordingWebhook hook;
  RecordingWebhook refusing;
  String app;
  String failing;

  @BeforeEach
  void start() throws IOException {
    api = new ApiClient(base);
    desk = new DeliveryDesk(api);
    hook = new RecordingWebhook();
    refusing = new RecordingWebhook();
    refusing.answer(503);
    app = "M" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    failing = app + "f";
    desk.connector(app, Json.createObjectBuilder().add("backOfficeSystem", "WEBHOOK").add("uri", hook.uri()));
    desk.connector(failing, Json.createObjectBuilder().add("backOfficeSystem", "WEBHOOK").add("uri", refusing.uri()));
  }

  @AfterEach
  void stop() {
    hook.close();
    refusing.close();
  }

  Scrape scrape() {
    Answer answer = api.sendWith("GET", "api/metrics", "X-API-KEY", ApiClient.KEY);
    assertEquals(200, answer.status(), answer.body());
    return new Scrape(answer.body());
  }

  @Test
  void theBacklogRisesAndDrainsAndEachDeliveryAndImportIsCounted() {
    Scrape before = scrape();
    hook.delay(Duration.ofSeconds(3)); // long enough for a scrape to see the three waiting
    desk.appointments(app, "J-1", 3);
    desk.appointment(failing, "J-1", "Refused");
    Answer refused = api.send("POST", "api/import", body(call("mboc_upsertTask", "SourceApp", app, "SourceType", "SO",
        "JobNo", "NO-SUCH-JOB", "TaskNo", "T-1")));
    assertEquals(400, refused.statusCode(), refused.body());

    await().atMost(SCRAPED).pollInterval(Duration.ofMillis(200)).until(() -> scrape()
        .sum("planbridge_backlog_transactions", "connector", app) == 3);
    await().atMost(SCRAPED).untilAsserted(() -> {
      Scrape now = scrape();
      assertEquals(0, now.sum("planbridge_backlog_transactions", "connector", app));
      assertEquals(0, now.sum("planbridge_backlog_oldest_age_seconds", "connector", app));
      assertEquals(3, now.sum("planbridge_deliveries_total", "connector", app, "status", "success"));
      assertEquals(1, now.sum("planbridge_deliveries_total", "connector", failing, "status", "failed"));
    });

    Scrape after = scrape();
    assertEquals(0, after.sum("planbridge_deliveries_total", "connector", app, "status", "failed"));
    assertEquals(0, after.sum("planbridge_deliveries_total", "connector", failing, "status", "success"));
    assertEquals(0, after.sum("planbridge_delivery_retries_total", "connector", app));
    assertTrue(Double.isNaN(after.sum("planbridge_delivery_last_success_timestamp_seconds", "connector", failing)));
    assertTrue(after.sum("planbridge_delivery_last_success_timestamp_seconds", "connector", app)
        > System.currentTimeMillis() / 1000.0 - 60);
    String webhook = "system";
    assertEquals(4, increase(before, after, "planbridge_delivery_duration_seconds_count", webhook, "WEBHOOK"));
    assertEquals(4, increase(before, after, "planbridge_delivery_duration_seconds_bucket", webhook, "WEBHOOK",
        "le", "+Inf"));
    assertEquals(1, increase(before, after, "planbridge_delivery_duration_seconds_bucket", webhook, "WEBHOOK",
        "le", "2.5"), "the refusal came at once, the three deliveries after 3 s");
    assertTrue(increase(before, after, "planbridge_delivery_duration_seconds_sum", webhook, "WEBHOOK") >= 9);
    assertEquals(0, after.sum("planbridge_deliveries_in_flight"));
    assertTrue(increase(before, after, "planbridge_drain_sessions_total") >= 1);

    assertEquals(2, increase(before, after, "planbridge_import_requests_total", "route", "import", "outcome", "success"));
    assertEquals(1, increase(before, after, "planbridge_import_requests_total", "route", "import", "outcome", "rejected"));
    assertEquals(10, increase(before, after, "planbridge_import_records_total", "route", "import", "outcome", "success"),
        "a job, a task, a resource and three appointments; then the same with one");
    assertEquals(1, increase(before, after, "planbridge_import_records_total", "route", "import", "outcome", "rejected"));

    assertTrue(increase(before, after, "planbridge_db_connection_acquire_seconds_count", "use", "import") >= 3);
    assertTrue(increase(before, after, "planbridge_db_connection_acquire_seconds_count", "use", "drain") >= 2);
    assertTrue(after.has("planbridge_db_connections_in_use", "use", "drain"));
    assertTrue(after.has("jvm_memory_used_bytes"));
  }

  private static double increase(Scrape before, Scrape after, String name, String... labels) {
    return after.sum(name, labels) - before.sum(name, labels);
  }

  @Test
  void theMetricsNeedAKeyWithTheScopeMetricsAsXApiKeyOrBearer() {
    String metrics = key("[\"metrics\"]");
    String ingest = key("[\"ingest\"]");

    Refusals.assertRefused("GET", "api/metrics", api.sendWith("GET", "api/metrics"), 401, "Missing X-API-KEY");
    Refusals.assertRefused("GET", "api/metrics", api.sendWith("GET", "api/metrics", "Authorization", "Bearer nope"),
        401, "not valid");
    Refusals.assertRefused("GET", "api/metrics", api.sendWith("GET", "api/metrics", "Authorization", "Basic "
        + metrics), 401, "Missing");
    Refusals.assertRefused("GET", "api/metrics", api.sendWith("GET", "api/metrics", "X-API-KEY", ingest), 403,
        "'metrics'");
    Refusals.assertRefused("GET", "api/metrics", api.sendWith("GET", "api/metrics", "Authorization", "Bearer "
        + ingest), 403, "'metrics'");
    Refusals.assertRefused("GET", "api/jobs", api.sendWith("GET", "api/jobs", "Authorization", "Bearer " + metrics),
        403, "'ingest'");

    Answer text = api.sendWith("GET", "api/metrics", "X-API-KEY", metrics);
    assertEquals(200, text.status(), text.body());
    assertTrue(text.contentType().startsWith("text/plain") && text.contentType().contains("version=0.0.4"),
        text.contentType());
    assertTrue(text.body().contains("# TYPE planbridge_drain_sessions_total counter"), text.body());
    Answer prometheus = api.sendWith("GET", "api/metrics", "Authorization", "Bearer " + metrics, "Accept",
        "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
    assertEquals(200, prometheus.status(), prometheus.body());
    assertTrue(prometheus.contentType().startsWith("application/openmetrics-text"), prometheus.contentType());
    assertTrue(prometheus.body().strip().endsWith("# EOF"));

    Refusals.assertRefused("POST", "api/metrics", api.send("POST", "api/metrics", "{}", metrics), 405, "GET");
    Refusals.assertRefused("DELETE", "api/metrics", api.send("DELETE", "api/metrics", null, metrics), 405, "GET");
    Refusals.assertRefused("GET", "api/metrics?name=x", api.sendWith("GET", "api/metrics?name=x", "X-API-KEY",
        metrics), 400, "name");
    Refusals.assertRefused("GET", "api/metrics/x", api.sendWith("GET", "api/metrics/x", "X-API-KEY", metrics), 404,
        "no route");
  }

  /** A new key with these scopes, made with the configured key. */
  private String key(String scopes) {
    Answer created = api.send("POST", "api/admin/keys", "{\"name\": \"MetricsIT " + app + scopes.length()
        + "\", \"scopes\": " + scopes + "}");
    assertEquals(201, created.status(), created.body());
    return ((JsonObject) created.json()).getString("key");
  }

  @Test
  void readinessSaysTheTimersTickAndEachConnectorsStateWithoutFailingOnAConnector() {
    desk.appointment(failing, "J-1", "Refused");
    await().atMost(SCRAPED).until(() -> desk.statuses(failing).equals(java.util.List.of("Failed")));

    Answer ready = api.sendWith("GET", "health/ready");
    assertEquals(200, ready.status(), ready.body());
    JsonObject health = (JsonObject) ready.json();
    assertEquals("UP", health.getString("status"));
    JsonObject drain = check(health, "drain");
    assertEquals("UP", drain.getString("status"));
    assertTrue(drain.getJsonObject("data").containsKey("lastDrainTick"), drain.toString());
    JsonObject connectors = check(health, "connectors").getJsonObject("data");
    // Payara's health answer writes every value of data as a string
    assertEquals("0", connectors.get(failing + ".pending").toString().replace("\"", ""), connectors.toString());
    assertFalse(connectors.containsKey(failing + ".lastSuccess"), connectors.toString());
    assertFalse(connectors.containsKey(failing + ".pausedUntil"), connectors.toString());
    assertEquals("UP", check(health, "database").getString("status"));

    Answer live = api.sendWith("GET", "health/live");
    assertEquals(200, live.status(), live.body());
    assertEquals("UP", ((JsonObject) live.json()).getString("status"));
  }

  private static JsonObject check(JsonObject health, String name) {
    return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(check -> check.getString("name").equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
  }

  @Test
  void everyMetricTheDashboardAndTheAlertRulesNameIsScraped() throws IOException {
    Set<String> named = new TreeSet<>();
    for (String file : new String[] {"docs/grafana/planbridge-dashboard.json", "docs/prometheus/planbridge-alerts.yml"}) {
      Matcher metric = Pattern.compile("planbridge_[a-z0-9_]+").matcher(Files.readString(Path.of(file)));
      while (metric.find()) {
        named.add(metric.group());
      }
    }
    assertTrue(named.size() >= 10, named.toString());
    desk.appointment(app, "J-1", "Delivered");
    desk.appointment(failing, "J-1", "Refused");
    await().atMost(SCRAPED).untilAsserted(() -> {
      Set<String> missing = new TreeSet<>(named);
      missing.removeAll(scrape().names());
      assertEquals(Set.of(), missing, "named in docs/ but not scraped");
    });
  }
}
