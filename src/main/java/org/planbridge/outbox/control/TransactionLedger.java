package org.planbridge.outbox.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.planbridge.metrics.control.ConnectionMeters;
import org.planbridge.platform.control.Database;

/**
 * The drain's reads and writes of the transaction table. Each method is its own short database
 * transaction: the drain calls a back office between them, and a remote call is never made inside a
 * database transaction. This is the one place in the outbox that opens transactions.
 *
 * <p>They are local JDBC transactions on the method's own connection, outside any JTA transaction
 * (NOT_SUPPORTED), not JTA ones: the drain runs on a managed executor thread carrying the context of
 * whoever woke it, and when that was the {@code DrainTimer} EJB timer, Payara began the JTA
 * transaction of {@code @Transactional(REQUIRES_NEW)} but did not enlist the connection in it. The
 * claim then ran in autocommit, so the claim lock and {@code FOR UPDATE SKIP LOCKED} were released
 * after each statement and two instances claimed and sent the same rows. A local transaction does not
 * depend on the caller's context.
 */
@ApplicationScoped
public class TransactionLedger {

  static final String PENDING = Status.PENDING.label();
  /**
   * One parameter holding any number of ids, in place of an IN list of placeholders: each statement then has one
   * text, which PostgreSQL and the driver keep prepared, where an IN list had one per length (parsed and planned
   * again for most batches). The same on H2.
   */
  static final String BIGINT_ARRAY = "CAST(? AS BIGINT ARRAY)";

  @Resource(lookup = Database.RESOURCE)
  DataSource dataSource;

  @Inject ConnectionMeters meters;

  /**
   * Made when the application starts, where its datasource reference can be looked up: the readiness checks read
   * the backlog through it, and WildFly calls them on its management thread, which has no {@code java:comp}.
   */
  void startWithTheApplication(@Observes @Initialized(ApplicationScoped.class) Object started) {
    // the instance now exists
  }

  /**
   * Claims up to {@code limit} due transactions for {@code instance}, for {@code leaseSeconds}, looking only at
   * transactions with an id above {@code afterId} (0: all). Per appointment only the newest transaction is claimed,
   * and only when none of the appointment's is in flight; older waiting or failed ones are Skipped. A Source App
   * whose back office asked to wait gets nothing, and one whose connector has a concurrency limit no more than its
   * room (see {@link Lanes}).
   *
   * <p>A drain working through a backlog passes the highest id it has claimed: the due query then starts behind the
   * rows already sent. From the start it walks their index entries again on every claim, because the index on status
   * keeps an entry under Pending for each until vacuum removes it, and PostgreSQL cannot mark them dead while any
   * transaction older than their outcome runs (autovacuum's own, for one): in the benchmark the due query cost
   * 43-56 µs per claimed row instead of 5-7 once autovacuum ran during the drain.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Batch claim(String instance, int limit, int leaseSeconds, long afterId) throws SQLException {
    try (Connection connection = meters.of("drain").open(dataSource)) {
      return inTransaction(connection, () -> claim(connection, instance, limit, leaseSeconds, afterId));
    }
  }

  private static Batch claim(Connection connection, String instance, int limit, int leaseSeconds, long afterId)
      throws SQLException {
    lockClaims(connection);
    Lanes lanes = Lanes.read(connection);
    // A window of due rows that were all superseded claims nothing, yet more may be due behind it (now
    // Skipped, those rows leave the window): look further instead of answering "nothing due", which
    // stopped the drain until the next tick for every window of superseded rows in a backlog.
    while (true) {
      Window window = window(connection, instance, limit, leaseSeconds, afterId, lanes);
      if (!window.claimed().isEmpty() || window.skipped() == 0) {
        return new Batch(window.claimed(), window.heldBackFrom(), lanes.paused());
      }
    }
  }

  private record Window(List<Claimed> claimed, int skipped, long heldBackFrom) {}

  private static Window window(Connection connection, String instance, int limit, int leaseSeconds, long afterId,
      Lanes lanes) throws SQLException {
    Map<Long, Long> sequences = new HashMap<>();
    List<Claimed> due = due(connection, limit, afterId, lanes.closed(), sequences);
    if (due.isEmpty()) {
      return new Window(List.of(), 0, Long.MAX_VALUE);
    }
    Set<Long> appointments = due.stream().map(Claimed::appointmentId).collect(Collectors.toSet());
    Map<Long, Appointment> states = appointments(connection, appointments);
    Set<Long> inFlight = new HashSet<>();
    states.forEach((appointment, state) -> {
      if (state.inFlight()) {
        inFlight.add(appointment);
      }
    });
    List<Claimed> claimed = new ArrayList<>();
    List<Claimed> superseded = new ArrayList<>();
    long heldBackFrom = Long.MAX_VALUE;
    for (Claimed candidate : due) {
      if (sequences.get(candidate.id()) < states.get(candidate.appointmentId()).newest()) {
        superseded.add(candidate); // a newer version is waiting or was sent already
      } else if (inFlight.contains(candidate.appointmentId())) {
        continue; // after the one in flight
      } else if (!lanes.take(candidate.sourceApp())) {
        heldBackFrom = Math.min(heldBackFrom, candidate.id()); // its connector is at its limit
      } else {
        claimed.add(lanes.limits(candidate.sourceApp()) ? candidate.withSlot() : candidate);
        inFlight.add(candidate.appointmentId());
      }
    }
    skip(connection, superseded);
    // Only where an older transaction still waits (the claimed one is the newest, so any other waiting is older).
    supersede(connection, claimed.stream().filter(c -> states.get(c.appointmentId()).waiting() > 1).toList(),
        sequences);
    lease(connection, claimed, instance, leaseSeconds);
    lanes.occupy(connection, claimed, leaseSeconds);
    return new Window(claimed, superseded.size(), heldBackFrom);
  }

  /**
   * Per appointment: its newest sequence, whether one of its transactions is in flight (leased), and how many
   * are waiting (Pending or Failed, not archived).
   */
  record Appointment(long newest, boolean inFlight, long waiting) {}

  /**
   * Records the outcomes of this instance's attempts; one whose lease another took meanwhile is dropped. A Success
   * is recorded also on a transaction that another instance's claim Skipped after this one's lease ended (a newer
   * version of its appointment was claimed): the back office did get it, and an attempt saying so beside a status
   * saying it was never sent is what a reader must not see. Another outcome leaves it Skipped: the newer version
   * goes out instead.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public void record(String instance, List<Outcome> outcomes) throws SQLException {
    record(instance, outcomes, List.of());
  }

  /**
   * Records outcomes, and gives back claimed transactions that were not attempted (their Source App's back office
   * asked to wait): they are due again at once for whoever may send them, with no attempt counted, instead of
   * waiting for their lease to end.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public void record(String instance, List<Outcome> outcomes, List<Claimed> returned) throws SQLException {
    if (outcomes.isEmpty() && returned.isEmpty()) {
      return;
    }
    try (Connection connection = meters.of("drain").open(dataSource)) {
      inTransaction(connection, () -> {
        if (!outcomes.isEmpty()) {
          record(connection, instance, outcomes);
        }
        giveBack(connection, instance, returned);
        List<Long> slots = Stream.concat(outcomes.stream().map(Outcome::transaction), returned.stream())
            .filter(Claimed::slot).map(Claimed::id).toList();
        Lanes.free(connection, slots);
        return null;
      });
    }
  }

  private static void giveBack(Connection connection, String instance, List<Claimed> returned) throws SQLException {
    if (returned.isEmpty()) {
      return;
    }
    try (PreparedStatement update = connection.prepareStatement("UPDATE appointment_transaction SET claimed_by = NULL, "
        + "lease_until = NULL WHERE claimed_by = ? AND id = ANY(" + BIGINT_ARRAY + ")")) {
      update.setString(1, instance);
      update.setArray(2, ids(connection, returned.stream().map(Claimed::id).toList()));
      update.executeUpdate();
    }
  }

  /**
   * A batch in a few statements, not two per transaction: the attempts in one insert, then one update per distinct
   * (status, message, retry time). Per transaction statements cost the database more than the deliveries they
   * record. The ids and the attempts' columns go in as arrays, so each statement has one text whatever the batch's
   * size, and the database and the driver keep it prepared. {@code last_attempt_at} is when the outcome was
   * recorded, a few milliseconds after the attempt ended; each attempt keeps its exact start and duration.
   */
  private static void record(Connection connection, String instance, List<Outcome> outcomes) throws SQLException {
    insertAttempts(connection, instance, outcomes);
    Map<List<Object>, List<Long>> byResult = new LinkedHashMap<>();
    for (Outcome outcome : outcomes) {
      byResult.computeIfAbsent(Arrays.asList(outcome.status().label(), Messages.cut(outcome.message()),
          outcome.retryAt()), result -> new ArrayList<>()).add(outcome.transaction().id());
    }
    try (PreparedStatement update = connection.prepareStatement("UPDATE appointment_transaction SET status = ?, "
        + "message = ?, attempts = attempts + 1, last_attempt_at = CURRENT_TIMESTAMP, retry_at = ?, "
        + "claimed_by = NULL, lease_until = NULL WHERE (claimed_by = ? OR (? = ? AND claimed_by IS NULL AND status = ?)) "
        + "AND id = ANY(" + BIGINT_ARRAY + ")")) {
      for (Map.Entry<List<Object>, List<Long>> result : byResult.entrySet()) {
        update.setString(1, (String) result.getKey().get(0));
        update.setString(2, (String) result.getKey().get(1));
        update.setObject(3, result.getKey().get(2), Types.TIMESTAMP_WITH_TIMEZONE);
        update.setString(4, instance);
        update.setString(5, (String) result.getKey().get(0));
        update.setString(6, Status.SUCCESS.label());
        update.setString(7, Status.SKIPPED.label());
        update.setArray(8, ids(connection, result.getValue()));
        update.executeUpdate();
      }
    }
    pause(connection, outcomes);
  }

  /**
   * A back office that asked to wait (429 or 503 with Retry-After) gets nothing of the connector's Source App
   * before then, from any instance: the connector keeps until when, and the claim leaves its transactions out until
   * then (see {@link Lanes}). Per-transaction back-off alone would let the other appointments' transactions keep
   * hitting it. A later pause only ever lengthens one.
   */
  private static void pause(Connection connection, List<Outcome> outcomes) throws SQLException {
    Map<Long, OffsetDateTime> until = new LinkedHashMap<>();
    for (Outcome outcome : outcomes) {
      if (outcome.pausedUntil() != null && outcome.connectorId() != null) {
        until.merge(outcome.connectorId(), outcome.pausedUntil(), (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    if (until.isEmpty()) {
      return;
    }
    try (PreparedStatement update = connection.prepareStatement("UPDATE connector SET paused_until = ? WHERE id = ? "
        + "AND (paused_until IS NULL OR paused_until < ?)")) {
      for (Map.Entry<Long, OffsetDateTime> pause : until.entrySet()) {
        update.setObject(1, pause.getValue(), Types.TIMESTAMP_WITH_TIMEZONE);
        update.setLong(2, pause.getKey());
        update.setObject(3, pause.getValue(), Types.TIMESTAMP_WITH_TIMEZONE);
        update.executeUpdate();
      }
    }
  }

  private static void insertAttempts(Connection connection, String instance, List<Outcome> outcomes)
      throws SQLException {
    int n = outcomes.size();
    Long[] transactions = new Long[n];
    Object[] starts = new Object[n];
    Long[] durations = new Long[n];
    String[] statuses = new String[n];
    String[] messages = new String[n];
    String[] stackTraces = new String[n];
    Long[] connectors = new Long[n];
    for (int i = 0; i < n; i++) {
      Outcome outcome = outcomes.get(i);
      transactions[i] = outcome.transaction().id();
      starts[i] = outcome.startedAt();
      durations[i] = outcome.durationMs();
      statuses[i] = outcome.status().label();
      messages[i] = Messages.cut(outcome.message());
      stackTraces[i] = outcome.stackTrace();
      connectors[i] = outcome.connectorId();
    }
    try (PreparedStatement attempt = connection.prepareStatement("INSERT INTO transaction_attempt (transaction_id, "
        + "started_at, duration_ms, status, message, stack_trace, connector_id, instance) SELECT a.transaction_id, "
        + "a.started_at, a.duration_ms, a.status, a.message, a.stack_trace, a.connector_id, CAST(? AS VARCHAR(100)) "
        + "FROM UNNEST(" + BIGINT_ARRAY + ", CAST(? AS TIMESTAMP WITH TIME ZONE ARRAY), " + BIGINT_ARRAY + ", "
        + "CAST(? AS VARCHAR ARRAY), CAST(? AS VARCHAR ARRAY), CAST(? AS VARCHAR ARRAY), " + BIGINT_ARRAY + ") "
        + "AS a(transaction_id, started_at, duration_ms, status, message, stack_trace, connector_id)")) {
      attempt.setString(1, instance);
      attempt.setArray(2, connection.createArrayOf("BIGINT", transactions));
      attempt.setArray(3, connection.createArrayOf("TIMESTAMP WITH TIME ZONE", starts));
      attempt.setArray(4, connection.createArrayOf("BIGINT", durations));
      attempt.setArray(5, connection.createArrayOf("VARCHAR", statuses));
      attempt.setArray(6, connection.createArrayOf("VARCHAR", messages));
      attempt.setArray(7, connection.createArrayOf("VARCHAR", stackTraces));
      attempt.setArray(8, connection.createArrayOf("BIGINT", connectors));
      attempt.executeUpdate();
    }
  }

  /**
   * Failed transactions whose automatic retry (back-off) is due are Pending again, source Timer; answers how many.
   * The drain timer calls it on each tick, not each claim: it reads the Failed ones (the index on status), and
   * the claim, many times a second under load, stays a scan of Pending ones.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public int requeueDueRetries() throws SQLException {
    try (Connection connection = meters.of("drain").open(dataSource);
        PreparedStatement update = connection.prepareStatement("UPDATE appointment_transaction SET status = ?, "
            + "source = 'Timer', next_attempt_at = CURRENT_TIMESTAMP, retry_at = NULL WHERE status = ? "
            + "AND retry_at <= CURRENT_TIMESTAMP AND archived = FALSE")) {
      update.setString(1, PENDING);
      update.setString(2, Status.FAILED.label());
      return update.executeUpdate(); // one statement: atomic on its own
    }
  }

  /** Every Failed, not archived transaction is due again; answers how many. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public int requeueFailed(String source) throws SQLException {
    try (Connection connection = meters.of("drain").open(dataSource);
        PreparedStatement update = connection.prepareStatement("UPDATE appointment_transaction SET status = ?, "
            + "source = ?, next_attempt_at = CURRENT_TIMESTAMP, retry_at = NULL WHERE status = ? AND archived = FALSE")) {
      update.setString(1, PENDING);
      update.setString(2, source);
      update.setString(3, Status.FAILED.label());
      return update.executeUpdate(); // one statement: atomic on its own
    }
  }

  /** What waits to be delivered, per Source App (see {@link Backlog}); reads only, in autocommit. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Backlog backlog() throws SQLException {
    try (Connection connection = meters.of("backlog").open(dataSource)) {
      return Backlog.read(connection);
    }
  }

  interface Work<T> {
    T run() throws SQLException;
  }

  /** Runs {@code work} as one local transaction of {@code connection}: all of it commits, or none. */
  static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
    connection.setAutoCommit(false);
    try {
      T result = work.run();
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        connection.rollback();
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      throw e;
    } finally {
      try {
        connection.setAutoCommit(true); // as the pool handed it out
      } catch (SQLException ignored) {
        // a broken connection: the pool's validation drops it
      }
    }
  }

  private static void lockClaims(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("SELECT id FROM drain_lock WHERE id = 1 FOR UPDATE");
        ResultSet row = lock.executeQuery()) {
      row.next();
    }
  }

  /** The first due transactions from {@code afterId} on, but none of the {@code closed} Source Apps'. */
  private static List<Claimed> due(Connection connection, int limit, long afterId, String[] closed,
      Map<Long, Long> sequences) throws SQLException {
    List<Claimed> due = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT id, appointment_id, source_app, payload, sequence, "
        + "attempts "
        + "FROM appointment_transaction WHERE status = ? AND id > ? AND next_attempt_at <= CURRENT_TIMESTAMP "
        + "AND (lease_until IS NULL OR lease_until < CURRENT_TIMESTAMP) "
        + "AND NOT (source_app = ANY(CAST(? AS VARCHAR ARRAY))) ORDER BY id "
        + "FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED")) {
      query.setString(1, PENDING);
      query.setLong(2, afterId);
      query.setArray(3, connection.createArrayOf("VARCHAR", closed));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          due.add(new Claimed(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4), rows.getInt(6)));
          sequences.put(rows.getLong(1), rows.getLong(5));
        }
      }
    }
    return due;
  }

  /** One query for what {@link #claim} needs to know of the candidates' appointments. */
  private static Map<Long, Appointment> appointments(Connection connection, Set<Long> appointments)
      throws SQLException {
    Map<Long, Appointment> states = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT appointment_id, MAX(sequence), "
        + "MAX(CASE WHEN status = ? AND claimed_by IS NOT NULL AND lease_until >= CURRENT_TIMESTAMP THEN 1 ELSE 0 END), "
        + "SUM(CASE WHEN status IN (?, ?) AND archived = FALSE THEN 1 ELSE 0 END) "
        + "FROM appointment_transaction WHERE appointment_id = ANY(" + BIGINT_ARRAY + ") GROUP BY appointment_id")) {
      query.setString(1, PENDING);
      query.setString(2, PENDING);
      query.setString(3, Status.FAILED.label());
      query.setArray(4, ids(connection, appointments));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          states.put(rows.getLong(1), new Appointment(rows.getLong(2), rows.getInt(3) == 1, rows.getLong(4)));
        }
      }
    }
    return states;
  }

  /** Older waiting or failed transactions of the claimed appointments will never be sent: Skipped. */
  private static void supersede(Connection connection, List<Claimed> claimed, Map<Long, Long> sequences)
      throws SQLException {
    if (claimed.isEmpty()) {
      return;
    }
    try (PreparedStatement update = connection.prepareStatement("UPDATE appointment_transaction SET status = ?, "
        + "message = ?, claimed_by = NULL, lease_until = NULL, retry_at = NULL WHERE appointment_id = ? AND sequence < ? "
        + "AND status IN (?, ?) AND archived = FALSE")) {
      for (Claimed transaction : claimed) {
        update.setString(1, Status.SKIPPED.label());
        update.setString(2, "Superseded by transaction " + transaction.id() + ", a newer version of the appointment");
        update.setLong(3, transaction.appointmentId());
        update.setLong(4, sequences.get(transaction.id()));
        update.setString(5, PENDING);
        update.setString(6, Status.FAILED.label());
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  private static void skip(Connection connection, List<Claimed> superseded) throws SQLException {
    if (superseded.isEmpty()) {
      return;
    }
    try (PreparedStatement update = connection.prepareStatement("UPDATE appointment_transaction SET status = ?, "
        + "message = ?, claimed_by = NULL, lease_until = NULL, retry_at = NULL WHERE id = ANY(" + BIGINT_ARRAY + ")")) {
      update.setString(1, Status.SKIPPED.label());
      update.setString(2, "Superseded: a newer version of the appointment is waiting or was sent");
      update.setArray(3, ids(connection, superseded.stream().map(Claimed::id).toList()));
      update.executeUpdate();
    }
  }

  private static void lease(Connection connection, List<Claimed> claimed, String instance, int leaseSeconds)
      throws SQLException {
    if (claimed.isEmpty()) {
      return;
    }
    try (PreparedStatement update = connection.prepareStatement("UPDATE appointment_transaction SET claimed_by = ?, "
        + "lease_until = CURRENT_TIMESTAMP + INTERVAL '" + leaseSeconds + "' SECOND WHERE id = ANY(" + BIGINT_ARRAY
        + ")")) {
      update.setString(1, instance);
      update.setArray(2, ids(connection, claimed.stream().map(Claimed::id).toList()));
      update.executeUpdate();
    }
  }

  /** An array of ids, bound as one parameter ({@link #BIGINT_ARRAY}). */
  static Array ids(Connection connection, Collection<Long> ids) throws SQLException {
    return connection.createArrayOf("BIGINT", ids.toArray(Long[]::new));
  }
}
