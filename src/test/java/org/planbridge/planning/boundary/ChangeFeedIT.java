package org.planbridge.planning.boundary;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.planbridge.testing.Refusals.assertProblem;

import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planbridge.planning.control.ChangeCursor;
import org.planbridge.planning.control.PlanningCollection;
import org.planbridge.testing.ApiClient;
import org.planbridge.testing.ApiClient.Answer;
import org.planbridge.testing.Calls;
import org.planbridge.testing.SuiteServer;
import org.planbridge.testing.TestDatabase;

/**
 * {@code GET /api/changes} and {@code /api/changes/maxRowVersion}: every write handed out once, in cursor order, a
 * poller going on from the cursor it stored; on PostgreSQL deletes as tombstones, a transaction that commits late
 * never skipped (provoked with a plain JDBC transaction held open), ten writers and a poller that stores only the
 * cursor, and a cursor from before the pruned horizon answered 410.
 */
class ChangeFeedIT {

  static final boolean POSTGRES = "postgres".equals(System.getenv("PLANBRIDGE_TEST_DB_RESOLVED"));

  final URL base = SuiteServer.base();
  ApiClient api;

  @BeforeEach
  void empty() {
    api = new ApiClient(base);
    TestDatabase.clearPlanning();
  }

  static String call(String procedure, String... namesAndValues) {
    return Calls.call(procedure, namesAndValues).toString();
  }

  static String job(String no, String description) {
    return call("mboc_upsertJob", "SourceApp", "CF", "SourceType", "O", "JobNo", no, "ShortDescription", description);
  }

  void imports(ApiClient client, String... calls) {
    Answer answer = client.send("POST", "api/import", "[" + String.join(",", calls) + "]");
    assertEquals(200, answer.statusCode(), answer.body());
  }

  JsonObject changes(String query) {
    Answer answer = api.get("api/changes" + query);
    assertEquals(200, answer.status(), answer.body());
    return (JsonObject) answer.json();
  }

  /**
   * The end of the feed once it has caught up with every commit so far: a poller's cursor after its last page,
   * read when no transaction held the feed back (the server's own timers write too), as a test's starting point.
   */
  String end() {
    return end("");
  }

  /** The same for some types only ({@code types=job&}). */
  String end(String types) {
    String[] cursor = {null};
    await().atMost(Duration.ofSeconds(30)).until(() -> {
      JsonObject page = changes("?" + types + (cursor[0] == null ? "" : "after=" + cursor[0]));
      cursor[0] = page.getString("cursor");
      return !page.getBoolean("more") && (!POSTGRES || page.isNull("heldBack"));
    });
    return cursor[0];
  }

  static List<JsonObject> list(JsonObject page) {
    return page.getJsonArray("changes").getValuesAs(JsonObject.class);
  }

  @Test
  void everyWriteIsHandedOutOnceInCursorOrderAndThePollerGoesOnFromItsCursor() {
    String start = end();
    imports(api, job("J1", "first"), call("mboc_upsertTask", "SourceApp", "CF", "SourceType", "O", "JobNo", "J1",
        "TaskNo", "T1", "ShortDescription", "task"), call("mboc_upsertResource", "ResourceNo", "CF-R", "DisplayName",
        "Ann"), call("mboc_upsertAppointment", "SourceApp", "CF", "SourceType", "O", "JobNo", "J1", "TaskNo", "T1",
        "AppointmentGuid", "6f1d2c3b-0000-4000-8000-000000000001", "Subject", "visit", "Start", "2027-01-04T09:00:00Z",
        "End", "2027-01-04T10:00:00Z", "ResourceNo", "CF-R"));

    JsonObject page = changes("?types=job,task,appointment&after=" + start);

    List<JsonObject> changes = list(page);
    assertEquals(List.of("job", "task", "appointment"), changes.stream().map(c -> c.getString("type")).toList(),
        page.toString());
    changes.forEach(change -> assertEquals("upsert", change.getString("change")));
    assertEquals(Map.of("sourceApp", "CF", "sourceType", "O", "jobNo", "J1"), strings(changes.get(0).getJsonObject("key")));
    assertEquals("first", changes.get(0).getJsonObject("record").getString("shortDescription"));
    assertEquals("6f1d2c3b-0000-4000-8000-000000000001",
        changes.get(2).getJsonObject("key").getString("appointmentGuid"));
    assertEquals(List.of("CF-R"), changes.get(2).getJsonObject("record").getJsonArray("resources").getValuesAs(
        jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
    assertFalse(changes.get(0).getJsonObject("record").containsKey("changeXid"), "the stamp is not a field");
    assertEquals(changes.get(2).getString("cursor"), page.getString("cursor"));
    assertEquals(POSTGRES, page.getBoolean("safe"));

    imports(api, job("J1", "second"));
    JsonObject next = changes("?after=" + page.getString("cursor"));
    assertEquals(1, list(next).size(), next.toString());
    assertEquals("second", list(next).get(0).getJsonObject("record").getString("shortDescription"));
    assertTrue(list(next).get(0).getJsonNumber("rowVersion").longValue()
        > changes.get(0).getJsonNumber("rowVersion").longValue());

    JsonObject none = changes("?after=" + next.getString("cursor"));
    assertEquals(0, list(none).size(), none.toString());
    assertEquals(next.getString("cursor"), none.getString("cursor"), "an empty page keeps the cursor");
    assertFalse(none.getBoolean("more"));

    JsonObject one = changes("?types=job,task,appointment&limit=1&after=" + start);
    assertTrue(one.getBoolean("more"));
    assertEquals("task", list(one).get(0).getString("type"), "the job, written again, is now the last change");
    assertEquals(List.of("appointment", "job"), list(changes("?types=job,task,appointment&limit=2&after="
        + one.getString("cursor"))).stream().map(c -> c.getString("type")).toList(), "the next page goes on from it");

    JsonObject max = (JsonObject) api.get("api/changes/maxRowVersion").json();
    assertEquals(next.getString("cursor"), max.getString("maxRowVersion"), max.toString());
    assertEquals(next.getString("cursor"), max.getJsonObject("types").getString("job"));
  }

  private static Map<String, String> strings(JsonObject object) {
    return object.keySet().stream().collect(Collectors.toMap(k -> k, object::getString));
  }

  @Test
  void theFeedHandsOutEveryPlanningTableAsARecordType() {
    JsonObject max = (JsonObject) api.get("api/changes/maxRowVersion").json();
    Set<String> expected = Arrays.stream(PlanningCollection.values()).map(PlanningCollection::table)
        .filter(table -> !table.equals("calendar") && !table.equals("resource_type")) // views
        .map(PlanningCollection::fieldOf).collect(Collectors.toSet());
    assertEquals(expected, max.getJsonObject("types").keySet());
    if (POSTGRES) {
      List<Map<String, Object>> unstamped = TestDatabase.rows("SELECT record_table FROM change_feed_type f WHERE NOT"
          + " EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = CAST(f.record_table AS regclass) AND t.tgname ="
          + " f.record_table || '_tombstone') OR NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid ="
          + " CAST(f.record_table AS regclass) AND t.tgname = f.record_table || '_restamp')");
      assertEquals(List.of(), unstamped, "every feed table is stamped on update and leaves tombstones");
    }
  }

  @Test
  void aDeleteIsATombstoneWithTheDeletedRecordsKey() {
    assumeTrue(POSTGRES, "tombstones are PostgreSQL's (H2 is declared unsafe)");
    imports(api, job("J1", "job"), call("mboc_upsertTask", "SourceApp", "CF", "SourceType", "O", "JobNo", "J1",
        "TaskNo", "T1", "ShortDescription", "task"), call("mboc_upsertTask", "SourceApp", "CF", "SourceType", "O",
        "JobNo", "J1", "TaskNo", "T2", "ShortDescription", "kept"));
    String cursor = end();

    imports(api, call("mboc_deleteTask", "SourceApp", "CF", "SourceType", "O", "JobNo", "J1", "TaskNo", "T1"));

    List<JsonObject> changes = list(changes("?types=task&after=" + cursor));
    assertEquals(1, changes.size(), changes.toString());
    JsonObject delete = changes.get(0);
    assertEquals("delete", delete.getString("change"));
    assertEquals(Map.of("sourceApp", "CF", "sourceType", "O", "jobNo", "J1", "taskNo", "T1"),
        strings(delete.getJsonObject("key")));
    assertTrue(delete.getString("deletedAt").endsWith("Z"), delete.toString());
    assertFalse(delete.containsKey("record"));
    assertEquals(List.of(), list(changes("?types=job&after=" + cursor)), "the tombstone is the task's alone");
  }

  @Test
  void aTransactionThatCommitsLateIsHandedOutAfterItCommitsNotSkipped() throws Exception {
    assumeTrue(POSTGRES, "the transaction stamp is PostgreSQL's (H2 is declared unsafe)");
    imports(api, job("LATE", "before"), job("EARLY", "before"));
    String cursor = end("types=job&");
    OffsetDateTime opened = OffsetDateTime.now();
    try (Connection held = TestDatabase.connect()) {
      held.setAutoCommit(false);
      try (PreparedStatement write = held.prepareStatement("UPDATE job SET description = 'late', row_version ="
          + " nextval('row_version_seq') WHERE job_no = 'LATE'")) {
        assertEquals(1, write.executeUpdate()); // its row version is below the next one's, its commit after it
      }
      imports(api, job("EARLY", "committed first"));

      JsonObject during = changes("?types=job&after=" + cursor);
      assertEquals(List.of(), list(during), "nothing is handed out past a transaction still running");
      assertEquals(cursor, during.getString("cursor"));
      JsonObject heldBack = during.getJsonObject("heldBack");
      OffsetDateTime since = OffsetDateTime.parse(heldBack.getString("since"));
      assertTrue(!since.isBefore(opened.minusSeconds(5)) && !since.isAfter(OffsetDateTime.now()), during.toString());
      assertTrue(heldBack.getJsonNumber("seconds").doubleValue() < 60, "held back since the open transaction began");
      JsonObject max = (JsonObject) api.get("api/changes/maxRowVersion?types=job").json();
      assertTrue(ChangeCursor.parse("max", max.getString("maxRowVersion")).compareTo(ChangeCursor.parse("end", cursor))
          <= 0, "the highest safe cursor stays below the open transaction: " + max + " after " + cursor);

      held.commit();
    }
    JsonObject after = changes("?types=job&after=" + cursor);
    List<JsonObject> changes = list(after);
    assertEquals(List.of("LATE", "EARLY"), changes.stream().map(c -> c.getJsonObject("key").getString("jobNo")).toList(),
        after.toString());
    assertEquals("late", changes.get(0).getJsonObject("record").getString("description"));
    assertEquals(changes.get(1).getString("cursor"), ((JsonObject) api.get("api/changes/maxRowVersion?types=job").json())
        .getString("maxRowVersion"), "once it has committed, the highest safe cursor is the last change's");
    assertTrue(changes.get(0).getJsonNumber("rowVersion").longValue() < changes.get(1).getJsonNumber("rowVersion")
        .longValue(), "the late row's version is the lower: a reader by row version alone would have skipped it");
  }

  @Test
  void aPollerThatStoresOnlyTheCursorMissesNoChangeWhileTenWritersWrite() throws Exception {
    assumeTrue(POSTGRES, "the guarantee is PostgreSQL's (H2 is declared unsafe)");
    List<String> jobs = new ArrayList<>();
    for (int w = 0; w < 10; w++) {
      for (int j = 0; j < 4; j++) {
        jobs.add(job("W" + w + "-" + j, "new"));
      }
    }
    for (int s = 0; s < 3; s++) {
      jobs.add(job("SHARED-" + s, "new"));
    }
    imports(api, jobs.toArray(String[]::new));
    String start = end();
    AtomicBoolean polling = new AtomicBoolean(true);
    Map<String, Long> seen = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(11);
    try {
      Future<Integer> poller = pool.submit(() -> {
        ApiClient client = new ApiClient(base);
        String cursor = start;
        int polls = 0;
        while (polling.get()) {
          Answer answer = client.get("api/changes?types=job&limit=40&after=" + cursor);
          assertEquals(200, answer.status(), answer.body());
          JsonObject page = (JsonObject) answer.json();
          for (JsonObject change : list(page)) {
            seen.put(change.getJsonObject("key").getString("jobNo"), change.getJsonNumber("rowVersion").longValue());
          }
          cursor = page.getString("cursor"); // all it keeps
          polls++;
          Thread.sleep(page.getBoolean("more") ? 0 : 20); // a poller's pace, not a wait for anything
        }
        return polls;
      });
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < 10; w++) {
        int writer = w;
        writers.add(pool.submit(() -> {
          ApiClient client = new ApiClient(base);
          for (int round = 0; round < 15; round++) {
            imports(client, job("W" + writer + "-" + (round % 4), "round " + round),
                job("SHARED-" + (round % 3), "writer " + writer + " round " + round));
          }
          return null;
        }));
      }
      for (Future<?> writer : writers) {
        writer.get(5, TimeUnit.MINUTES);
      }
      Map<String, Long> committed = new HashMap<>();
      TestDatabase.rows("SELECT job_no, row_version FROM job WHERE source_app = 'CF'")
          .forEach(row -> committed.put((String) row.get("job_no"), ((Number) row.get("row_version")).longValue()));
      assertEquals(43, committed.size());
      // Going on from its cursor alone, the poller reaches every job's committed version; a skipped change would
      // never come (the cursor only moves on), and the wait would end in failure.
      await().atMost(Duration.ofSeconds(60)).until(() -> {
        if (poller.isDone()) {
          poller.get(); // its failure, if it failed
        }
        return committed.equals(Map.copyOf(seen));
      });
      polling.set(false);
      assertTrue(poller.get(1, TimeUnit.MINUTES) > 10, "the poller read while the writers wrote");
    } finally {
      polling.set(false);
      pool.shutdownNow();
    }
  }

  @Test
  void aCursorFromBeforeThePrunedHorizonIsGoneAndAResyncStartsOver() {
    assumeTrue(POSTGRES, "tombstones are PostgreSQL's (H2 is declared unsafe)");
    imports(api, job("J1", "job"));
    String old = end();
    // A tombstone past the retention (30 days), as a delete made 40 days ago left it; the pruner runs every second.
    assertEquals(1, TestDatabase.execute("INSERT INTO change_tombstone (record_table, record_key, deleted_at) VALUES"
        + " ('job', CAST(? AS JSONB), CURRENT_TIMESTAMP - INTERVAL '40 days')",
        "{\"source_app\": \"CF\", \"source_type\": \"O\", \"job_no\": \"GONE\"}"));

    await().atMost(Duration.ofSeconds(30)).until(() -> api.get("api/changes?after=" + old).status() == 410);

    Answer gone = api.get("api/changes?after=" + old);
    assertProblem(410, gone, "GET /api/changes without 'after'");
    JsonObject resync = changes("?types=job");
    assertEquals(List.of("J1"), list(resync).stream().filter(c -> c.getString("change").equals("upsert"))
        .map(c -> c.getJsonObject("key").getString("jobNo")).toList(), "a resync from the start lists every record");
    assertTrue(list(resync).stream().noneMatch(c -> c.getJsonObject("key").getString("jobNo").equals("GONE")),
        "the pruned delete is not among the deletes it still lists");
    assertEquals(200, api.get("api/changes?after=" + end()).status(), "a cursor past the horizon goes on");
    assertEquals(0, TestDatabase.count("change_tombstone", "deleted_at < CURRENT_TIMESTAMP - INTERVAL '30 days'"));
  }

  @Test
  void badQueriesAreRefusedNamingTheParameter() {
    for (String[] bad : List.of(new String[] {"types=job,nosuch", "types"}, new String[] {"after=12", "after"},
        new String[] {"after=1-2-3", "after"}, new String[] {"after=-1-2", "after"},
        new String[] {"after=99999999999999999999-1", "after"}, new String[] {"limit=10001", "limit"},
        new String[] {"limit=0", "limit"}, new String[] {"since=20260101000000", "since"},
        new String[] {"after=1-1&after=2-2", "after"})) {
      assertProblem(400, api.get("api/changes?" + bad[0]), bad[1]);
    }
    assertProblem(400, api.get("api/changes/maxRowVersion?after=1-1"), "after");
    assertProblem(400, api.get("api/changes/maxRowVersion?types=jobs"), "types");
  }
}
