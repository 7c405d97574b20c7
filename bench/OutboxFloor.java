package bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The floor of any outbox on PostgreSQL: the ceiling loop ({@link CeilingLoop}, same client, bodies, headers and
 * threads) with the least database work a durable outbox must do around each delivery, and nothing else. Per batch
 * one claim statement (the due rows, locked with {@code SKIP LOCKED}, leased, their payloads returned); per few
 * outcomes one record statement (status, attempt count, lease cleared, and one attempt row each). Both are single
 * statements with arrays, in autocommit. No per-appointment order, no superseding, no connector lookup, no
 * statuses but Success: what the engine does on top of this is its own cost.
 *
 * <p>It works on copies of the engine's tables (see {@link #prepare}: one with the engine's indexes, one with a
 * primary key only), so the server's drain never sees them. It runs in the ceiling loop's JVM (a process apart
 * from the stub and from PostgreSQL, as the engine is), one thread claiming and recording, the loop's threads
 * posting.
 */
final class OutboxFloor {

  static final String INSTANCE = "floor";
  static final int CLAIM = 200;
  /** As the engine: outcomes wait up to 10 ms, or until half a claim's worth is in, to be recorded together. */
  static final int RECORD_AT = CLAIM / 2;
  static final long RECORD_DELAY_NANOS = 10_000_000L;

  private record Sent(long id, long startedMillis, long durationMs) {}

  /** Kept open for the JVM's life, as the server's pool keeps its connections: the phase counts its backend's CPU. */
  private static Connection connection;

  private OutboxFloor() {
  }

  /**
   * The copies of the engine's outbox: {@code floor} with its columns, indexes and fill factor; {@code floorpk} with
   * its columns and fill factor and only a primary key on the transactions and no index on the attempts, the least a
   * table can have (every outcome is then a heap-only update). Both hold the Source App's transactions.
   */
  static void prepare(String sourceApp) throws SQLException {
    try (Connection connection = Bench.connect(); Statement statement = connection.createStatement()) {
      for (String tables : List.of("floor", "floorpk")) {
        boolean leanest = tables.equals("floorpk");
        statement.execute(sql(tables, "DROP TABLE IF EXISTS %T, %A"));
        statement.execute(sql(tables, "CREATE TABLE %T (LIKE appointment_transaction " + (leanest
            ? "INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING CONSTRAINTS" : "INCLUDING ALL") + ") WITH (fillfactor = 50)"));
        if (leanest) {
          statement.execute(sql(tables, "ALTER TABLE %T ADD PRIMARY KEY (id)"));
        }
        statement.execute(sql(tables, "CREATE TABLE %A (LIKE transaction_attempt " + (leanest
            ? "INCLUDING DEFAULTS INCLUDING IDENTITY" : "INCLUDING ALL") + ")"));
        try (PreparedStatement copy = connection.prepareStatement(sql(tables,
            "INSERT INTO %T SELECT * FROM appointment_transaction WHERE source_app = ? ORDER BY id"))) {
          copy.setString(1, sourceApp);
          copy.executeUpdate();
        }
      }
    }
  }

  /** {@code text} with {@code %T} and {@code %A} naming the transaction and attempt tables of {@code tables}. */
  private static String sql(String tables, String text) {
    return text.replace("%T", tables + "_transaction").replace("%A", tables + "_attempt");
  }

  /** Every row Pending and unclaimed again, no attempts, vacuumed: as a retry by hand leaves the engine's table. */
  static void reset(String tables) throws SQLException {
    try (Connection connection = Bench.connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql(tables, "UPDATE %T SET status = 'Pending', source = 'Website', message = NULL, "
          + "claimed_by = NULL, lease_until = NULL, retry_at = NULL, next_attempt_at = CURRENT_TIMESTAMP"));
      statement.execute(sql(tables, "TRUNCATE %A"));
      statement.execute(sql(tables, "VACUUM ANALYZE %T, %A"));
    }
  }

  /** Answers what is wrong with the copy after a run of {@code count}, or null: all Success, one attempt each. */
  static String check(String tables, int count) throws SQLException {
    try (Connection connection = Bench.connect(); Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql(tables, "SELECT (SELECT COUNT(*) FROM %T WHERE status = "
            + "'Success' AND claimed_by IS NULL), (SELECT COUNT(*) FROM %A)"))) {
      row.next();
      return row.getLong(1) == count && row.getLong(2) == count ? null
          : row.getLong(1) + " Success and " + row.getLong(2) + " attempts, not " + count;
    }
  }

  /** Claims, posts and records until {@code count} outcomes are recorded; {@code loop} posts. */
  static void run(String tables, Sender loop, int count, int concurrency) throws Exception {
    BlockingQueue<CeilingLoop.Body> queue = new LinkedBlockingQueue<>();
    Queue<Sent> finished = new ConcurrentLinkedQueue<>();
    ExecutorService threads = Executors.newFixedThreadPool(concurrency);
    Thread coordinator = Thread.currentThread();
    if (connection == null) {
      connection = Bench.connect();
    }
    try (PreparedStatement claim = connection.prepareStatement(sql(tables, "UPDATE %T SET claimed_by = ?, "
            + "lease_until = CURRENT_TIMESTAMP + INTERVAL '60' SECOND WHERE id IN (SELECT id FROM %T "
            + "WHERE status = 'Pending' AND id > ? AND next_attempt_at <= CURRENT_TIMESTAMP AND (lease_until IS NULL "
            + "OR lease_until < CURRENT_TIMESTAMP) ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING id, payload"));
        // The update finds its rows by the primary key (id = ANY), not by a join with the arrays: joined, the
        // planner scanned the whole table for every batch (40 µs per row).
        PreparedStatement record = connection.prepareStatement(sql(tables, "WITH done AS (UPDATE %T t SET "
            + "status = 'Success', message = NULL, attempts = t.attempts + 1, last_attempt_at = CURRENT_TIMESTAMP, "
            + "retry_at = NULL, claimed_by = NULL, lease_until = NULL WHERE t.id = ANY(?::bigint[]) "
            + "AND t.claimed_by = ? RETURNING t.id) INSERT INTO %A (transaction_id, started_at, "
            + "duration_ms, status, instance) SELECT o.id, to_timestamp(o.started_ms / 1000.0), o.duration_ms, "
            + "'Success', ? FROM unnest(?::bigint[], ?::bigint[], ?::bigint[]) AS o(id, started_ms, duration_ms) "
            + "JOIN done ON done.id = o.id"))) {
      List<Future<?>> posters = new ArrayList<>();
      for (int t = 0; t < concurrency; t++) {
        posters.add(threads.submit(() -> {
          while (true) {
            CeilingLoop.Body body = queue.take();
            if (body.id() < 0) {
              return null;
            }
            long started = System.currentTimeMillis();
            long begin = System.nanoTime();
            loop.send(body);
            finished.add(new Sent(body.id(), started, (System.nanoTime() - begin) / 1_000_000));
            if (queue.size() == CLAIM - 1) {
              LockSupport.unpark(coordinator);
            }
          }
        }));
      }
      long floor = 0;
      boolean exhausted = false;
      List<Sent> pending = new ArrayList<>();
      long pendingSince = 0;
      int recorded = 0;
      while (recorded < count) {
        for (Future<?> poster : posters) {
          if (poster.isDone()) {
            poster.get(); // a post failed: rethrows it
          }
        }
        for (Sent next = finished.poll(); next != null; next = finished.poll()) {
          if (pending.isEmpty()) {
            pendingSince = System.nanoTime();
          }
          pending.add(next);
        }
        boolean wantClaim = !exhausted && queue.size() < CLAIM;
        if (!pending.isEmpty() && (wantClaim || pending.size() >= RECORD_AT
            || System.nanoTime() - pendingSince >= RECORD_DELAY_NANOS || recorded + pending.size() == count)) {
          record(record, pending);
          recorded += pending.size();
          pending.clear();
        }
        if (wantClaim) {
          claim.setString(1, INSTANCE);
          claim.setLong(2, floor);
          claim.setInt(3, CLAIM);
          int claimed = 0;
          try (ResultSet rows = claim.executeQuery()) {
            while (rows.next()) {
              long id = rows.getLong(1);
              floor = Math.max(floor, id);
              queue.add(new CeilingLoop.Body(id, CeilingLoop.body(id, rows.getString(2))));
              claimed++;
            }
          }
          exhausted = claimed == 0;
        } else {
          LockSupport.parkNanos(RECORD_DELAY_NANOS / 2);
        }
      }
      for (int t = 0; t < concurrency; t++) {
        queue.add(new CeilingLoop.Body(-1, ""));
      }
      for (Future<?> poster : posters) {
        poster.get(10, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static void record(PreparedStatement record, List<Sent> sent) throws SQLException {
    Long[] ids = new Long[sent.size()];
    Long[] started = new Long[sent.size()];
    Long[] durations = new Long[sent.size()];
    for (int i = 0; i < sent.size(); i++) {
      ids[i] = sent.get(i).id();
      started[i] = sent.get(i).startedMillis();
      durations[i] = sent.get(i).durationMs();
    }
    java.sql.Array idArray = connection.createArrayOf("bigint", ids);
    record.setArray(1, idArray);
    record.setString(2, INSTANCE);
    record.setString(3, INSTANCE);
    record.setArray(4, idArray);
    record.setArray(5, connection.createArrayOf("bigint", started));
    record.setArray(6, connection.createArrayOf("bigint", durations));
    if (record.executeUpdate() != sent.size()) {
      throw new IllegalStateException("recorded fewer than " + sent.size() + " outcomes");
    }
  }
}
