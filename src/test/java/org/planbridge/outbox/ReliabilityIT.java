package org.planbridge.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.planbridge.testing.Calls.body;
import static org.planbridge.testing.Calls.call;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.planbridge.testing.ApiClient;
import org.planbridge.testing.ApiClient.Answer;
import org.planbridge.testing.PlanBridgeProcess;
import org.planbridge.testing.PlanBridgeProcess.Server;
import org.planbridge.testing.PostgresCluster;
import org.planbridge.testing.RecordingWebhook;
import org.planbridge.testing.RecordingWebhook.Received;

/**
 * The delivery engine under real faults, on PostgreSQL only: two PlanBridge instances, one on Payara
 * Micro ({@code a}) and one on WildFly ({@code b}), as processes of their own, share one database, and the tests kill one with SIGKILL, stop the back
 * office, stop PostgreSQL, and give an appointment a back office that always refuses. Nothing is
 * faked into the database: every change goes in through {@code /api/import}, every outcome is read
 * at the recording back office and through {@code /api/admin/transactions}. The database is read
 * directly only to learn which rows the killed instance held.
 *
 * <p>The instances use a schema of their own ({@value #SCHEMA}, recreated for each run) in the test
 * database, so the server the other integration tests share ({@code testing.SuiteServer}), which runs during the
 * whole suite on the same database, does not drain these transactions as a third instance.
 *
 * <p>Every test works whatever ran before it ({@link #bothInstancesRun()} restarts an instance a
 * test killed); the order only puts the kill last, to save a restart.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilityIT {

  static final String SCHEMA = "reliability";
  static final int LEASE_SECONDS = 5;
  static final int BATCH_SIZE = 100;
  static final Duration BOOT = Duration.ofSeconds(240);

  static String url;
  static PlanBridgeProcess a;
  static PlanBridgeProcess b;
  static int generation;

  @BeforeAll
  static void startTwoInstances() throws Exception {
    assumeTrue("postgres".equals(System.getenv("PLANBRIDGE_TEST_DB_RESOLVED")),
        "the reliability tests run on PostgreSQL only (PLANBRIDGE_TEST_DB=postgres)");
    String base = System.getenv("PLANBRIDGE_DB_URL");
    url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    try (Connection connection = DriverManager.getConnection(base, user(), password());
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      statement.execute("CREATE SCHEMA " + SCHEMA);
    }
    a = start(Server.PAYARA_MICRO, "rel-a");
    b = start(Server.WILDFLY, "rel-b");
    a.awaitReady(BOOT);
    b.awaitReady(BOOT);
  }

  @AfterAll
  static void stopInstances() {
    for (PlanBridgeProcess instance : new PlanBridgeProcess[] {a, b}) {
      if (instance != null) {
        instance.close();
      }
    }
  }

  @BeforeEach
  void bothInstancesRun() throws Exception {
    if (!a.alive()) {
      a = start(Server.PAYARA_MICRO, "rel-a").awaitReady(BOOT);
    }
    if (!b.alive()) {
      b = start(Server.WILDFLY, "rel-b").awaitReady(BOOT);
    }
  }

  /** A new process each time, with a new lease owner name: a restarted instance is a new one. */
  static PlanBridgeProcess start(Server server, String name) throws Exception {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("PLANBRIDGE_DB_URL", url);
    settings.put("PLANBRIDGE_DRAIN_LEASE_SECONDS", String.valueOf(LEASE_SECONDS));
    // Well inside the lease: a batch must be recorded before its lease ends (see the kill test).
    settings.put("PLANBRIDGE_DRAIN_BATCH_SIZE", String.valueOf(BATCH_SIZE));
    settings.put("PLANBRIDGE_WEBHOOK_READ_TIMEOUT_MS", "2000");
    settings.put("PLANBRIDGE_RETRY_CRON", "* * * * *");
    return PlanBridgeProcess.start(server, name + "-" + (++generation), settings);
  }

  // ---------------------------------------------------------------------------------------------

  @Test
  @Order(1)
  void twoInstancesDrainTenThousandTransactionsOnceEachAndInOrder() throws Exception {
    int appointments = 1000;
    int versions = 10;
    String app = app("TWO");
    try (RecordingWebhook hook = new RecordingWebhook()) {
      connector(a.api(), app, hook.uri());
      long begin = System.nanoTime();
      // Round 0 creates the appointments, rounds 1-9 update each once; each round is two requests
      // of 500 sent at the same time, one to each instance, the halves swapping instances each round.
      // The drain runs all the while.
      List<Long> ids = new ArrayList<>();
      assertOk(a.api().send("POST", "api/import", body(job(app), task(app), resource(app))));
      ExecutorService clients = Executors.newFixedThreadPool(2);
      try {
        for (int round = 0; round < versions; round++) {
          List<Future<List<Long>>> halves = new ArrayList<>();
          for (int half = 0; half < 2; half++) {
            PlanBridgeProcess instance = (round + half) % 2 == 0 ? a : b;
            int from = half * appointments / 2;
            int version = round;
            List<Long> mine = round == 0 ? null : ids.subList(from, from + appointments / 2);
            halves.add(clients.submit(() -> round0OrUpdate(instance.api(), app, appointments / 2, mine, version)));
          }
          for (Future<List<Long>> half : halves) {
            List<Long> created = half.get();
            if (round == 0) {
              ids.addAll(created);
            }
          }
        }
      } finally {
        clients.shutdown();
      }
      double importSeconds = seconds(begin);
      int total = appointments * versions;
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
          .until(() -> counts(a.api(), app).get("Pending") == 0);
      double drainSeconds = seconds(begin);

      Map<String, Long> counts = counts(b.api(), app);
      assertEquals(total, counts.get("total"), "one transaction per change: " + counts);
      assertEquals(total, counts.get("Success") + counts.get("Skipped"), "every one Success or Skipped: " + counts);
      List<Received> received = hook.received();
      Map<Long, Long> duplicates = duplicates(received);
      assertTrue(duplicates.isEmpty(), "no version arrives twice: " + duplicates);
      assertInOrder(received);
      assertNewestArrived(received, ids, versions, "v" + (versions - 1));
      List<JsonObject> transactions = transactions(b.api(), app);
      Set<Long> succeeded = transactions.stream().filter(t -> t.getString("status").equals("Success"))
          .map(t -> t.getJsonNumber("id").longValue()).collect(Collectors.toSet());
      assertEquals(succeeded, received.stream().map(Received::transactionId).collect(Collectors.toSet()),
          "the back office got exactly the transactions marked Success");
      Map<String, Long> byInstance = attemptsByInstance(app);
      assertTrue(byInstance.getOrDefault(a.name(), 0L) > 0 && byInstance.getOrDefault(b.name(), 0L) > 0,
          "both instances delivered: " + byInstance);
      report("two instances: %d transactions for %d appointments; imports took %.1f s, all delivered after %.1f s; "
              + "%d sent (%d Success, %d Skipped), 0 duplicates; attempts by instance %s; back office at most %d at once",
          total, appointments, importSeconds, drainSeconds, received.size(), counts.get("Success"), counts.get("Skipped"),
          byInstance, hook.maxConcurrent());
    }
  }

  @Test
  @Order(2)
  void aPoisonAppointmentHoldsUpNothingAndANewerVersionSupersedesIt() throws Exception {
    String poisonApp = app("POISON");
    String app = app("GOOD");
    try (RecordingWebhook poisonHook = new RecordingWebhook(); RecordingWebhook hook = new RecordingWebhook()) {
      poisonHook.answer(500);
      connector(a.api(), poisonApp, poisonHook.uri());
      connector(a.api(), app, hook.uri());
      assertOk(a.api().send("POST", "api/import", body(job(poisonApp), task(poisonApp), resource(poisonApp))));
      long poison = create(a.api(), poisonApp, 1).get(0);
      await().atMost(Duration.ofSeconds(15)).until(() -> poisonHook.refused() > 0);

      long begin = System.nanoTime();
      assertOk(b.api().send("POST", "api/import", body(job(app), task(app), resource(app))));
      List<Long> ids = create(b.api(), app, 200);
      update(a.api(), ids, 1);
      await().atMost(Duration.ofSeconds(30)).until(() -> counts(a.api(), app).get("Pending") == 0);
      double goodSeconds = seconds(begin);
      assertNewestArrived(hook.received(), ids, 2, "v1");
      // still Failed (the retry CRON may have made it due again for a moment)
      await().atMost(Duration.ofSeconds(10)).until(() -> statuses(a.api(), poisonApp).equals(List.of("Failed")));

      update(b.api(), List.of(poison), 1);
      await().atMost(Duration.ofSeconds(15)).until(() -> statuses(a.api(), poisonApp).equals(List.of("Skipped", "Failed")));
      JsonObject superseded = transactions(a.api(), poisonApp).get(0);
      assertTrue(superseded.getString("message").contains("Superseded"), superseded.toString());

      poisonHook.answer(200); // the back office is repaired; the administrator retries what failed
      Answer retried = a.api().send("POST", "api/admin/transactions/retry",
          "{\"filter\":{\"sourceApp\":\"" + poisonApp + "\",\"status\":\"Failed\"}}");
      assertEquals(200, retried.status(), retried.body());
      await().atMost(Duration.ofSeconds(15)).until(() -> statuses(a.api(), poisonApp).equals(List.of("Skipped", "Success")));
      assertEquals(List.of(2), poisonHook.received().stream().map(Received::sequence).toList(),
          "only the newest version of the poison appointment is ever accepted");
      assertEquals(poison, poisonHook.received().get(0).appointmentId());
      report("poison: 200 other appointments x 2 versions delivered in %.1f s while it failed (%d refusals); "
          + "its newer version superseded the failed one", goodSeconds, poisonHook.refused());
    }
  }

  @Test
  @Order(3)
  void aBackOfficeThatIsDownGetsItsTransactionsFromTheRetryCronOnceItIsBack() throws Exception {
    String app = app("DOWN");
    try (RecordingWebhook hook = new RecordingWebhook()) {
      connector(a.api(), app, hook.uri());
      hook.stop();
      assertOk(b.api().send("POST", "api/import", body(job(app), task(app), resource(app))));
      List<Long> ids = create(b.api(), app, 20);
      await().atMost(Duration.ofSeconds(20)).until(() -> counts(a.api(), app).get("Failed") == 20);
      for (JsonObject failed : transactions(a.api(), app)) {
        assertTrue(failed.getString("message").startsWith("Cannot reach " + hook.uri()), failed.toString());
        assertTrue(failed.getString("message").contains("connection refused"), failed.toString());
      }

      hook.start();
      long begin = System.nanoTime();
      await().atMost(Duration.ofSeconds(75)).pollInterval(Duration.ofMillis(500))
          .until(() -> counts(a.api(), app).get("Success") == 20);
      double waited = seconds(begin);
      for (JsonObject delivered : transactions(a.api(), app)) {
        assertEquals("Timer", delivered.getString("source"), delivered.toString());
        assertTrue(delivered.getInt("attempts") >= 2, delivered.toString());
      }
      assertTrue(duplicates(hook.received()).isEmpty(), "each once");
      assertNewestArrived(hook.received(), ids, 1, "Visit");
      report("back office down: 20 transactions Failed with 'connection refused'; the retry CRON delivered them "
          + "%.1f s after the back office came back", waited);
    }
  }

  @Test
  @Order(4)
  void withBackOffAFailedTransactionGoesOutAgainByItselfAfterTheRetryAfterItWasGivenUntilTheLastAttempt()
      throws Exception {
    // An instance of its own, in a schema of its own: a and b (no back-off) must not drain these transactions.
    String schema = SCHEMA + "_backoff";
    try (Connection connection = DriverManager.getConnection(System.getenv("PLANBRIDGE_DB_URL"), user(), password());
        Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      statement.execute("CREATE SCHEMA " + schema);
    }
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("PLANBRIDGE_DB_URL", url.replace("currentSchema=" + SCHEMA, "currentSchema=" + schema));
    settings.put("PLANBRIDGE_RETRY_MAX_ATTEMPTS", "4");
    settings.put("PLANBRIDGE_RETRY_BACKOFF_SECONDS", "1");
    settings.put("PLANBRIDGE_RETRY_BACKOFF_MAX_SECONDS", "2");
    String app = app("BUSY");
    String brokenApp = app("BROKEN");
    try (PlanBridgeProcess backoff = PlanBridgeProcess.start("rel-backoff-" + (++generation), settings)
            .awaitReady(BOOT);
        RecordingWebhook hook = new RecordingWebhook(); RecordingWebhook broken = new RecordingWebhook()) {
      ApiClient api = backoff.api();
      connector(api, app, hook.uri());
      connector(api, brokenApp, broken.uri());
      broken.answer(500);
      hook.refuseNext(5, 503, Duration.ofSeconds(3)); // busy: each first attempt is refused, "come back in 3 s"
      assertOk(api.send("POST", "api/import", body(job(app), task(app), resource(app), job(brokenApp),
          task(brokenApp), resource(brokenApp))));
      List<Long> ids = create(api, app, 5);
      create(api, brokenApp, 1);

      await().atMost(Duration.ofSeconds(15)).until(() -> hook.refused() == 5);
      Instant refused = Instant.now();
      // recorded a few milliseconds after the refusals arrive; the retry is 3 s away
      await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
          .until(() -> counts(api, app).get("Failed") == 5);
      for (JsonObject failed : transactions(api, app)) {
        assertEquals("Failed", failed.getString("status"), failed.toString());
        String message = failed.getString("message");
        assertTrue(message.startsWith("HTTP 503 from " + hook.uri() + " (Retry-After: 3 s)"), message);
        assertTrue(message.contains("(attempt 1 of 4; the next one at "), message);
        assertTrue(!failed.isNull("retryAt"), failed.toString());
      }
      await().atMost(Duration.ofSeconds(20)).until(() -> counts(api, app).get("Success") == 5);
      double afterRefusal = Duration.between(refused, hook.received().get(0).at()).toMillis() / 1000.0;
      // back-off alone (1 s, then the next 1 s tick) would have sent them within about 2 s
      assertTrue(afterRefusal >= 2.5, "not before the Retry-After (3 s from the refusals): " + afterRefusal + " s");
      for (JsonObject delivered : transactions(api, app)) {
        assertEquals("Timer", delivered.getString("source"), delivered.toString());
        assertEquals(2, delivered.getInt("attempts"), delivered.toString());
        assertTrue(delivered.isNull("retryAt"), delivered.toString());
      }
      assertNewestArrived(hook.received(), ids, 1, "Visit");

      // Always refused: 4 attempts (waiting 1, 2, then 2 s, the cap), then Failed for good.
      await().atMost(Duration.ofSeconds(30)).until(() -> broken.refused() == 4);
      await().atMost(Duration.ofSeconds(10)).until(() -> transactions(api, brokenApp).get(0).isNull("retryAt"));
      JsonObject given = transactions(api, brokenApp).get(0);
      assertEquals("Failed", given.getString("status"), given.toString());
      assertEquals(4, given.getInt("attempts"), given.toString());
      assertTrue(given.getString("message").startsWith("HTTP 500 from "), given.toString());
      assertTrue(!given.getString("message").contains("next one"), given.toString());
      // no fifth attempt (it would come within the 2 s cap and the 1 s tick)
      await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> broken.refused() == 4);
      report("back-off: 5 transactions refused with Retry-After 3 s went out again by themselves %.1f s later; "
          + "an always-refused one stopped Failed after 4 attempts", afterRefusal);
    }
  }

  @Test
  @Order(5)
  void drainingResumesByItselfAfterPostgresqlRestartsMidDrain() throws Exception {
    Optional<PostgresCluster> found = PostgresCluster.of(System.getenv("PLANBRIDGE_DB_URL"));
    assumeTrue(found.isPresent(), "needs a local PostgreSQL cluster and root to stop it (pg_ctlcluster)");
    PostgresCluster cluster = found.get();
    String app = app("PGRESTART");
    int appointments = 1500;
    try (RecordingWebhook hook = new RecordingWebhook(8)) {
      hook.delay(Duration.ofMillis(25)); // about 320 a second: the drain lasts a few seconds
      connector(a.api(), app, hook.uri());
      assertOk(a.api().send("POST", "api/import", body(job(app), task(app), resource(app))));
      List<Long> ids = new ArrayList<>();
      for (int part = 0; part < 3; part++) {
        ids.addAll(create((part % 2 == 0 ? a : b).api(), app, appointments / 3));
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> hook.size() >= 100);
      int before = hook.size();
      long down;
      long up;
      int atDown;
      long stopped = System.nanoTime();
      PlanBridgeProcess.Health whileDown;
      try {
        cluster.stop();
        whileDown = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
            .until(a::health, PlanBridgeProcess.Health::down);
        down = System.nanoTime();
        atDown = hook.size();
      } finally {
        cluster.ensureRunning();
      }
      up = System.nanoTime();
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
          .until(() -> a.health().up() && b.health().up());
      double healthy = seconds(stopped);
      assertTrue(atDown < appointments, "PostgreSQL was down mid-drain: " + atDown + " of " + appointments + " arrived");
      assertTrue(whileDown.body().contains("database"), whileDown.toString());

      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
          .until(() -> counts(a.api(), app).get("Success") == appointments);
      double done = seconds(stopped);
      List<Received> received = hook.received();
      Map<Long, Long> duplicates = duplicates(received);
      assertSameKeys(received);
      assertTrue(duplicates.size() <= 2 * BATCH_SIZE, "at most the batches in flight at the stop arrive twice: "
          + duplicates.size());
      assertInOrder(received);
      assertNewestArrived(received, ids, 1, "Visit");
      assertTrue(a.alive() && b.alive(), "neither instance was restarted");
      report("PostgreSQL restart: stopped after %d of %d deliveries (%d when health said DOWN, %.1f s after the "
              + "stop); started again after %.1f s; both instances UP after %.1f s; all delivered %.1f s after the "
              + "stop; %d duplicates (same idempotency key; a batch delivered while its outcome could not be "
              + "recorded is sent again when its lease ends)",
          before, appointments, atDown, (down - stopped) / 1e9, (up - stopped) / 1e9, healthy, done, duplicates.size());
    }
  }

  @Test
  @Order(6)
  void whenAnInstanceIsKilledTheOtherDeliversItsRowsAfterTheLease() throws Exception {
    String app = app("KILL");
    int appointments = 1000;
    try (RecordingWebhook hook = new RecordingWebhook(16)) {
      hook.delay(Duration.ofMillis(50)); // slow, so an instance always has rows in flight
      connector(b.api(), app, hook.uri());
      assertOk(b.api().send("POST", "api/import", body(job(app), task(app), resource(app))));
      List<Long> ids = new ArrayList<>();
      for (int part = 0; part < 2; part++) {
        ids.addAll(create(b.api(), app, appointments / 2));
      }
      PlanBridgeProcess victim = a;
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
          .until(() -> !leasedBy(victim.name()).isEmpty());
      victim.kill();
      Instant killed = Instant.now();
      Map<Long, Instant> inFlight = leasedBy(victim.name()); // frozen now: its owner is gone
      assertTrue(!inFlight.isEmpty(), "the killed instance held rows");
      int receivedAtKill = hook.size();

      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
          .until(() -> counts(b.api(), app).get("Success") == appointments);
      double done = Duration.between(killed, Instant.now()).toMillis() / 1000.0;

      List<Received> received = hook.received();
      assertNewestArrived(received, ids, 1, "Visit");
      assertInOrder(received);
      assertSameKeys(received);
      Set<Long> duplicated = duplicates(received).keySet();
      assertTrue(inFlight.keySet().containsAll(duplicated),
          "only rows the killed instance had in flight arrive twice: " + duplicated + " not all in " + inFlight.keySet());
      // Nobody touched the dead instance's rows before their lease ended.
      for (Received arrival : received) {
        Instant leaseUntil = inFlight.get(arrival.transactionId());
        if (leaseUntil != null && arrival.at().isAfter(killed.plusMillis(500))) {
          assertTrue(!arrival.at().isBefore(leaseUntil.minusMillis(100)),
              "transaction " + arrival.transactionId() + " sent again at " + arrival.at() + ", before its lease ended at "
                  + leaseUntil);
        }
      }
      for (JsonObject transaction : transactions(b.api(), app)) {
        if (inFlight.containsKey(transaction.getJsonNumber("id").longValue())) {
          assertEquals("Success", transaction.getString("status"), transaction.toString());
        }
      }
      report("kill -9: %s held %d rows in flight; %d of %d had arrived at the kill; %s delivered the rest, all done "
              + "%.1f s after the kill (lease %d s); %d duplicates, all among the rows in flight, same idempotency key",
          victim.name(), inFlight.size(), receivedAtKill, appointments, b.name(), done, LEASE_SECONDS, duplicated.size());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Import and admin API helpers

  static String app(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
  }

  static void connector(ApiClient api, String app, String uri) {
    JsonObject connector = Json.createObjectBuilder().add("name", "Reliability " + app).add("sourceApp", app)
        .add("backOfficeSystem", "WEBHOOK").add("uri", uri).build();
    Answer answer = api.send("POST", "api/admin/connectors", connector.toString());
    assertEquals(201, answer.status(), answer.body());
  }

  static JsonObject job(String app) {
    return call("mboc_upsertJob", "SourceApp", app, "SourceType", "SO", "JobNo", "J-1", "ShortDescription", "Job");
  }

  static JsonObject task(String app) {
    return call("mboc_upsertTask", "SourceApp", app, "SourceType", "SO", "JobNo", "J-1", "TaskNo", "T-1",
        "ShortDescription", "Task");
  }

  static JsonObject resource(String app) {
    return call("mboc_upsertResource", "ResourceNo", "R-" + app, "ResourceName", "Resource");
  }

  /** Creates {@code count} appointments in one request; answers their ids. */
  static List<Long> create(ApiClient api, String app, int count) {
    JsonObject[] calls = new JsonObject[count];
    for (int i = 0; i < count; i++) {
      calls[i] = call("mboc_upsertAppointment", "SourceApp", app, "SourceType", "SO", "JobNo", "J-1", "TaskNo", "T-1",
          "Subject", "Visit", "Start", "2024-05-01T08:00:00Z", "End", "2024-05-01T09:00:00Z", "ResourceNo", "R-" + app);
    }
    Answer answer = api.send("POST", "api/import", body(calls));
    assertOk(answer);
    List<Long> ids = answer.content().getJsonArray("Appointments").getValuesAs(JsonObject.class).stream()
        .map(o -> o.getJsonNumber("Id").longValue()).toList();
    assertEquals(count, ids.size());
    return ids;
  }

  /** Sets the subject of each appointment to v{@code version}, in one request. */
  static void update(ApiClient api, List<Long> ids, int version) {
    JsonObject[] calls = ids.stream().map(id -> call("mboc_updateAppointmentContent", "AppointmentId", "" + id,
        "Subject", "v" + version)).toArray(JsonObject[]::new);
    assertOk(api.send("POST", "api/import", body(calls)));
  }

  static List<Long> round0OrUpdate(ApiClient api, String app, int count, List<Long> ids, int version) {
    if (ids == null) {
      return create(api, app, count);
    }
    update(api, ids, version);
    return List.of();
  }

  static void assertOk(Answer answer) {
    assertEquals(200, answer.status(), answer.body());
    assertEquals(200, answer.statusCode(), answer.body());
  }

  /** How many of the Source App's transactions have each status, and {@code total}. */
  static Map<String, Long> counts(ApiClient api, String app) {
    Map<String, Long> counts = new TreeMap<>();
    for (String status : List.of("Pending", "Success", "Skipped", "Failed")) {
      counts.put(status, total(api, "api/admin/transactions?limit=1&sourceApp=" + app + "&status=" + status));
    }
    counts.put("total", total(api, "api/admin/transactions?limit=1&sourceApp=" + app));
    return counts;
  }

  static long total(ApiClient api, String path) {
    Answer answer = api.get(path);
    assertEquals(200, answer.status(), answer.body());
    return ((JsonObject) answer.json()).getJsonNumber("total").longValue();
  }

  /** Every transaction of the Source App, in id order, a page of 1,000 at a time. */
  static List<JsonObject> transactions(ApiClient api, String app) {
    List<JsonObject> all = new ArrayList<>();
    for (int offset = 0; ; offset += 1000) {
      JsonObject page = (JsonObject) api.get("api/admin/transactions?sort=id&limit=1000&offset=" + offset
          + "&sourceApp=" + app).json();
      all.addAll(page.getJsonArray("items").getValuesAs(JsonObject.class));
      if (all.size() >= page.getInt("total")) {
        return all;
      }
    }
  }

  static List<String> statuses(ApiClient api, String app) {
    return transactions(api, app).stream().map(t -> t.getString("status")).toList();
  }

  // ---------------------------------------------------------------------------------------------
  // What the back office saw

  /** Transactions that arrived more than once, with how many times. */
  static Map<Long, Long> duplicates(List<Received> received) {
    return received.stream().collect(Collectors.groupingBy(Received::transactionId, Collectors.counting()))
        .entrySet().stream().filter(e -> e.getValue() > 1)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /** Per appointment, never an older version after a newer one (the same one again is a duplicate, not disorder). */
  static void assertInOrder(List<Received> received) {
    Map<Long, Integer> newest = new HashMap<>();
    for (Received arrival : received) {
      Integer before = newest.put(arrival.appointmentId(), arrival.sequence());
      if (before != null && arrival.sequence() < before) {
        fail("appointment " + arrival.appointmentId() + ": version " + arrival.sequence() + " arrived after version "
            + before);
      }
    }
  }

  /** Every copy of a transaction carries its id as idempotency key, in the header and the body, and the same version. */
  static void assertSameKeys(List<Received> received) {
    Map<Long, Integer> sequences = new HashMap<>();
    for (Received arrival : received) {
      assertEquals(String.valueOf(arrival.transactionId()), arrival.idempotencyKey());
      Integer sequence = sequences.putIfAbsent(arrival.transactionId(), arrival.sequence());
      assertTrue(sequence == null || sequence == arrival.sequence());
    }
  }

  /** The last arrival for each appointment is its newest version. */
  static void assertNewestArrived(List<Received> received, List<Long> ids, int newestSequence, String subject) {
    Map<Long, Received> last = new HashMap<>();
    received.forEach(r -> last.put(r.appointmentId(), r));
    List<Long> missing = new ArrayList<>();
    for (long id : ids) {
      Received arrival = last.get(id);
      if (arrival == null || arrival.sequence() != newestSequence
          || !arrival.body().getJsonObject("appointment").getString("subject").equals(subject)) {
        missing.add(id);
      }
    }
    assertTrue(missing.isEmpty(), missing.size() + " appointments lack their newest version, e.g. "
        + missing.subList(0, Math.min(10, missing.size())));
  }

  // ---------------------------------------------------------------------------------------------
  // Reads of the database itself: which rows an instance holds, who made the attempts

  /** The transactions {@code instance} holds a lease on, with the lease's end. */
  static Map<Long, Instant> leasedBy(String instance) throws SQLException {
    Map<Long, Instant> leased = new HashMap<>();
    try (Connection connection = DriverManager.getConnection(url, user(), password());
        PreparedStatement query = connection.prepareStatement("SELECT id, lease_until FROM appointment_transaction "
            + "WHERE claimed_by = ? AND status = 'Pending'")) {
      query.setString(1, instance);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          leased.put(rows.getLong(1), rows.getObject(2, Timestamp.class).toInstant());
        }
      }
    }
    return leased;
  }

  static Map<String, Long> attemptsByInstance(String app) throws SQLException {
    Map<String, Long> byInstance = new TreeMap<>();
    try (Connection connection = DriverManager.getConnection(url, user(), password());
        PreparedStatement query = connection.prepareStatement("SELECT a.instance, COUNT(*) FROM transaction_attempt a "
            + "JOIN appointment_transaction t ON t.id = a.transaction_id WHERE t.source_app = ? GROUP BY a.instance")) {
      query.setString(1, app);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          byInstance.put(rows.getString(1), rows.getLong(2));
        }
      }
    }
    return byInstance;
  }

  static String user() {
    return System.getenv("PLANBRIDGE_DB_USER");
  }

  static String password() {
    return System.getenv("PLANBRIDGE_DB_PASSWORD");
  }

  static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  static void report(String format, Object... values) {
    System.out.println("[reliability] " + String.format(format, values));
  }
}
