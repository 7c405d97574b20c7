package org.planbridge.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.planbridge.metrics.control.ConnectionMeters;
import org.planbridge.platform.control.SchemaMigration;

/**
 * The claim is atomic by itself. Here no container gives it a transaction and the connections come in
 * autocommit, as Payara handed them out when the drain was woken by its EJB timer.
 */
class TransactionLedgerTest {

  @Test
  void aClaimHoldsItsLockUntilItsLeasesAreWrittenSoTwoInstancesNeverClaimTheSameRows() throws Exception {
    JdbcDataSource h2 = database(";LOCK_TIMEOUT=10000");
    pendingAppointments(h2, 10);
    CountDownLatch leasing = new CountDownLatch(1);
    CountDownLatch goOn = new CountDownLatch(1);
    AtomicBoolean first = new AtomicBoolean(true);
    TransactionLedger ledger = ledger(h2);
    // The first claim stops just before it writes its leases, after it chose its rows.
    ledger.dataSource = pausing(h2, first, leasing, goOn);

    CompletableFuture<List<Claimed>> a = CompletableFuture.supplyAsync(() -> claim(ledger, "a"));
    assertTrue(leasing.await(10, TimeUnit.SECONDS), "the first claim reached its leases");
    CompletableFuture<List<Claimed>> b = CompletableFuture.supplyAsync(() -> claim(ledger, "b"));
    Thread.sleep(300);
    assertFalse(b.isDone(), "the second claim waits for the first one's lock");
    goOn.countDown();

    assertEquals(10, a.get(10, TimeUnit.SECONDS).size());
    assertEquals(List.of(), b.get(10, TimeUnit.SECONDS), "nothing is claimed twice");
  }

  @Test
  void aBacklogOfSupersededVersionsDoesNotHideTheNewestOne() throws Exception {
    JdbcDataSource h2 = database("");
    for (int sequence = 1; sequence <= 250; sequence++) {
      pending(h2, 1, sequence);
    }
    TransactionLedger ledger = ledger(h2);

    List<Claimed> claimed = ledger.claim("a", 100, 60, 0).claimed();

    assertEquals(1, claimed.size(), "the newest version, past two windows of older ones");
    try (Connection connection = h2.getConnection();
        var query = connection.prepareStatement("SELECT status, COUNT(*) FROM appointment_transaction GROUP BY status "
            + "ORDER BY status");
        var rows = query.executeQuery()) {
      rows.next();
      assertEquals("Pending", rows.getString(1));
      assertEquals(1, rows.getInt(2));
      rows.next();
      assertEquals("Skipped", rows.getString(1));
      assertEquals(249, rows.getInt(2));
    }
  }

  @Test
  void aClaimBehindAnIdTakesOnlyTheTransactionsAfterIt() throws Exception {
    JdbcDataSource h2 = database("");
    pendingAppointments(h2, 10);
    TransactionLedger ledger = ledger(h2);
    long floor = queryLong(h2, "SELECT id FROM appointment_transaction ORDER BY id OFFSET 2 ROWS FETCH FIRST 1 ROW ONLY");

    List<Claimed> behind = ledger.claim("a", 100, 60, floor).claimed();

    assertEquals(7, behind.size(), "all 10 are due: the 3 up to " + floor + " are left out");
    assertTrue(behind.stream().allMatch(transaction -> transaction.id() > floor), "only ids after " + floor);
  }

  @Test
  void aBatchIsRecordedWithEachOutcomeAndAttemptAndDropsOneWhoseLeaseAnotherInstanceTook() throws Exception {
    JdbcDataSource h2 = database("");
    pendingAppointments(h2, 600);
    TransactionLedger ledger = ledger(h2);
    List<Claimed> claimed = ledger.claim("a", 600, 60, 0).claimed();
    assertEquals(600, claimed.size());
    Claimed takenOver = claimed.get(599);
    execute(h2, "UPDATE appointment_transaction SET claimed_by = 'b' WHERE id = " + takenOver.id());
    OffsetDateTime started = OffsetDateTime.of(2026, 11, 23, 10, 0, 0, 0, ZoneOffset.UTC);
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < claimed.size(); i++) {
      Status status = i % 3 == 0 ? Status.FAILED : Status.SUCCESS;
      String message = status == Status.FAILED ? "HTTP 500 number " + (i % 2) : null;
      outcomes.add(new Outcome(claimed.get(i), status, message, status == Status.FAILED ? "trace " + i : null, 7L,
          started.plusSeconds(i), i));
    }

    OffsetDateTime recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
    ledger.record("a", outcomes);

    try (Connection connection = h2.getConnection();
        var query = connection.prepareStatement("SELECT t.id, t.status, t.message, t.attempts, t.last_attempt_at, "
            + "t.claimed_by, a.status, a.message, a.stack_trace, a.duration_ms, a.connector_id, a.instance, a.started_at "
            + "FROM appointment_transaction t JOIN transaction_attempt a ON a.transaction_id = t.id ORDER BY t.id");
        var rows = query.executeQuery()) {
      for (Outcome outcome : outcomes) {
        assertTrue(rows.next(), "an attempt for every outcome");
        assertEquals(outcome.transaction().id(), rows.getLong(1));
        assertEquals(outcome.status().label(), rows.getString(7));
        assertEquals(outcome.message(), rows.getString(8));
        assertEquals(outcome.stackTrace(), rows.getString(9));
        assertEquals(outcome.durationMs(), rows.getLong(10));
        assertEquals(7L, rows.getLong(11));
        assertEquals("a", rows.getString(12));
        assertEquals(outcome.startedAt().toInstant(), rows.getObject(13, OffsetDateTime.class).toInstant());
        if (outcome.transaction() == takenOver) {
          assertEquals("Pending", rows.getString(2), "another instance holds it now: its result is not ours");
          assertEquals("b", rows.getString(6));
          continue;
        }
        assertEquals(outcome.status().label(), rows.getString(2));
        assertEquals(outcome.message(), rows.getString(3));
        assertEquals(1, rows.getInt(4));
        assertTrue(Duration.between(recordedAt, rows.getObject(5, OffsetDateTime.class)).abs().toSeconds() < 5,
            "the last attempt's outcome was recorded just now");
        assertEquals(null, rows.getString(6), "the lease is released");
      }
      assertFalse(rows.next());
    }
  }

  @Test
  void aSuccessRecordedAfterItsLeaseEndedAndAnotherInstanceSupersededItStandsAFailureStaysSkipped() throws Exception {
    JdbcDataSource h2 = database("");
    pendingAppointments(h2, 2);
    TransactionLedger ledger = ledger(h2);
    List<Claimed> sentByA = ledger.claim("a", 10, 60, 0).claimed();
    assertEquals(2, sentByA.size());
    // a's sends take longer than its lease; meanwhile both appointments change and b claims the new versions
    execute(h2, "UPDATE appointment_transaction SET lease_until = DATEADD('SECOND', -1, CURRENT_TIMESTAMP)");
    pending(h2, 1, 2);
    pending(h2, 2, 2);
    assertEquals(2, ledger.claim("b", 10, 60, 0).claimed().size(), "b takes the newer versions");
    assertEquals(2, queryLong(h2, "SELECT COUNT(*) FROM appointment_transaction WHERE status = 'Skipped' "
        + "AND claimed_by IS NULL"), "b's claim superseded both of a's");

    OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
    Claimed delivered = sentByA.get(0).appointmentId() == 1 ? sentByA.get(0) : sentByA.get(1);
    Claimed refused = delivered == sentByA.get(0) ? sentByA.get(1) : sentByA.get(0);
    ledger.record("a", List.of(new Outcome(delivered, Status.SUCCESS, null, null, 7L, started, 6000),
        new Outcome(refused, Status.FAILED, "HTTP 500", "trace", 7L, started, 6000)));

    assertEquals("Success", queryText(h2, "SELECT status FROM appointment_transaction WHERE id = " + delivered.id()),
        "the back office got it: it is not shown as never sent");
    assertEquals(1, queryLong(h2, "SELECT attempts FROM appointment_transaction WHERE id = " + delivered.id()));
    assertEquals("Skipped", queryText(h2, "SELECT status FROM appointment_transaction WHERE id = " + refused.id()),
        "its newer version goes out instead");
    assertEquals(2, queryLong(h2, "SELECT COUNT(*) FROM transaction_attempt"), "both attempts are kept");
    assertEquals(2, queryLong(h2, "SELECT COUNT(*) FROM appointment_transaction WHERE sequence = 2 "
        + "AND claimed_by = 'b'"), "b's leases are untouched");
  }

  @Test
  void aPauseKeepsEveryTransactionOfItsSourceAppFromBeingClaimedOnEveryInstanceUntilItEnds() throws Exception {
    JdbcDataSource h2 = database("");
    pendingAppointments(h2, 4);
    execute(h2, "UPDATE appointment_transaction SET source_app = 'NAV' WHERE appointment_id = 4");
    connector(h2, 7, "BC", "BC_ONLINE", null);
    TransactionLedger ledger = ledger(h2);
    List<Claimed> claimed = ledger.claim("a", 1, 60, 0).claimed();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    ledger.record("a", List.of(failed(claimed.get(0), now.plusHours(1))));

    Batch other = ledger.claim("b", 10, 60, 0);
    assertEquals(List.of(4L), other.claimed().stream().map(Claimed::appointmentId).toList(),
        "another instance takes NAV's, none of BC's");
    assertEquals(Set.of("BC"), other.paused().keySet(), "and hears of the pause, for what it claimed before");
    ledger.record("a", List.of(failed(claimed.get(0), now.plusMinutes(1))));
    assertEquals(now.plusHours(1).toInstant(), pausedUntil(h2, 7), "a shorter pause does not shorten it");

    execute(h2, "UPDATE connector SET paused_until = CURRENT_TIMESTAMP - INTERVAL '1' SECOND");
    assertEquals(List.of(2L, 3L), ledger.claim("b", 10, 60, 0).claimed().stream().map(Claimed::appointmentId)
        .toList(), "once it ended, BC's others go out");
  }

  @Test
  void aConnectorsConcurrencyLimitHoldsForAllInstancesTogetherAndOthersAreNotHeldBack() throws Exception {
    JdbcDataSource h2 = database("");
    pendingAppointments(h2, 8);
    execute(h2, "UPDATE appointment_transaction SET source_app = 'NAV' WHERE appointment_id >= 7");
    connector(h2, 7, "BC", "BC", 2);
    TransactionLedger ledger = ledger(h2);

    Batch first = ledger.claim("a", 100, 60, 0);
    assertEquals(List.of(1L, 2L, 7L, 8L), appointments(first), "two of BC's, all of NAV's");
    assertTrue(first.claimed().stream().allMatch(t -> t.slot() == t.sourceApp().equals("BC")), "BC's take slots");
    assertEquals(first.claimed().get(1).id() + 1, first.heldBackFrom(), "BC's third was held back");
    assertEquals(List.of(), appointments(ledger.claim("b", 100, 60, 0)), "the limit counts instance a's too");

    ledger.record("a", List.of(new Outcome(first.claimed().get(0), Status.SUCCESS, null, null, 7L,
        OffsetDateTime.now(ZoneOffset.UTC), 5)));
    assertEquals(List.of(3L), appointments(ledger.claim("b", 100, 60, 0)), "a recorded outcome frees its slot");

    ledger.record("a", List.of(), List.of(first.claimed().get(1)));
    assertEquals(List.of(2L), appointments(ledger.claim("b", 100, 60, 0)),
        "one given back frees its slot and is due again at once; with 3 in flight, the limit is reached again");
  }

  @Test
  void businessCentralOnlineTakesFiveAtOnceUnlessItsConnectorSaysOtherwiseAndAnEndedLeaseFreesItsSlot()
      throws Exception {
    JdbcDataSource h2 = database("");
    pendingAppointments(h2, 8);
    connector(h2, 7, "BC", "BC_ONLINE", null);
    TransactionLedger ledger = ledger(h2);

    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), appointments(ledger.claim("a", 100, 60, 0)));
    // Instance a stopped: its leases end, and its slots stop counting.
    execute(h2, "UPDATE appointment_transaction SET lease_until = CURRENT_TIMESTAMP - INTERVAL '1' SECOND");
    execute(h2, "UPDATE delivery_slot SET lease_until = CURRENT_TIMESTAMP - INTERVAL '1' SECOND");
    execute(h2, "UPDATE connector SET concurrency = 7");
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), appointments(ledger.claim("b", 100, 60, 0)));
    assertEquals(7, queryLong(h2, "SELECT COUNT(*) FROM delivery_slot"), "the ended slots were removed");
  }

  private static List<Long> appointments(Batch batch) {
    return batch.claimed().stream().map(Claimed::appointmentId).toList();
  }

  private static Outcome failed(Claimed transaction, OffsetDateTime pausedUntil) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    return new Outcome(transaction, Status.FAILED, "HTTP 429", null, 7L, now, 5, null, pausedUntil);
  }

  private static java.time.Instant pausedUntil(DataSource dataSource, long connector) throws SQLException {
    try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement();
        var row = statement.executeQuery("SELECT paused_until FROM connector WHERE id = " + connector)) {
      row.next();
      return row.getObject(1, OffsetDateTime.class).toInstant();
    }
  }

  private static void connector(DataSource dataSource, long id, String sourceApp, String system, Integer concurrency)
      throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement("INSERT INTO connector (id, name, source_app, "
            + "back_office_system, concurrency) VALUES (?, ?, ?, ?, ?)")) {
      insert.setLong(1, id);
      insert.setString(2, sourceApp + " connector");
      insert.setString(3, sourceApp);
      insert.setString(4, system);
      insert.setObject(5, concurrency);
      insert.executeUpdate();
    }
  }

  @Test
  void aFailedTransactionWhoseAutomaticRetryIsDueGoesOutAgainAsTimerTheOthersStayFailed() throws Exception {
    JdbcDataSource h2 = database("");
    pendingAppointments(h2, 4);
    TransactionLedger ledger = ledger(h2);
    List<Claimed> claimed = ledger.claim("a", 10, 60, 0).claimed();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    List<Outcome> outcomes = new ArrayList<>();
    for (Claimed transaction : claimed) {
      OffsetDateTime retryAt = transaction.appointmentId() == 2 ? now.plusHours(1)
          : transaction.appointmentId() == 4 ? null : now.minusSeconds(1);
      outcomes.add(new Outcome(transaction, Status.FAILED, "HTTP 503", null, 7L, now, 5, retryAt));
    }
    ledger.record("a", outcomes);
    execute(h2, "UPDATE appointment_transaction SET archived = TRUE WHERE appointment_id = 3");

    assertEquals(1, ledger.requeueDueRetries(), "due, not archived: appointment 1's");
    List<Claimed> again = ledger.claim("a", 10, 60, 0).claimed();

    assertEquals(List.of(1L), again.stream().map(Claimed::appointmentId).toList());
    assertEquals(1, again.get(0).attempts(), "one attempt was made before");
    try (Connection connection = h2.getConnection();
        var query = connection.prepareStatement("SELECT appointment_id, status, source, retry_at IS NOT NULL "
            + "FROM appointment_transaction ORDER BY appointment_id");
        var rows = query.executeQuery()) {
      String[] expected = {"1 Pending Timer false", "2 Failed Service true", "3 Failed Service true",
          "4 Failed Service false"};
      for (String row : expected) {
        assertTrue(rows.next());
        assertEquals(row, rows.getLong(1) + " " + rows.getString(2) + " " + rows.getString(3) + " "
            + rows.getBoolean(4));
      }
    }
  }

  private static TransactionLedger ledger(DataSource dataSource) {
    TransactionLedger ledger = new TransactionLedger();
    ledger.dataSource = dataSource;
    ledger.meters = new ConnectionMeters(new SimpleMeterRegistry());
    return ledger;
  }

  /** One Pending transaction (sequence 1) for each of appointments 1 to {@code count}. */
  private static void pendingAppointments(DataSource dataSource, int count) throws SQLException {
    for (long appointment = 1; appointment <= count; appointment++) {
      pending(dataSource, appointment, 1);
    }
  }

  /** A new in-memory database with the schema. */
  private static JdbcDataSource database(String settings) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + settings);
    SchemaMigration.migrate(h2);
    return h2;
  }

  private static void execute(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    }
  }

  private static long queryLong(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement();
        var row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  private static String queryText(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement();
        var row = statement.executeQuery(sql)) {
      row.next();
      return row.getString(1);
    }
  }

  private static List<Claimed> claim(TransactionLedger ledger, String instance) {
    try {
      return ledger.claim(instance, 100, 60, 0).claimed();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void pending(DataSource dataSource, long appointment, int sequence) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement("INSERT INTO appointment_transaction (appointment_id, "
            + "appointment_guid, source_app, source_type, action, sequence, payload, changed_at, status, source) "
            + "VALUES (?, ?, 'BC', 'SO', 'I', ?, '{}', ?, 'Pending', 'Service')")) {
      insert.setLong(1, appointment);
      insert.setObject(2, UUID.nameUUIDFromBytes(("appointment " + appointment).getBytes()));
      insert.setInt(3, sequence);
      insert.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
      insert.executeUpdate();
    }
  }

  /** Connections in autocommit; the first one to write leases waits for {@code goOn}. */
  private static DataSource pausing(JdbcDataSource h2, AtomicBoolean first, CountDownLatch leasing,
      CountDownLatch goOn) {
    return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          if (!method.getName().equals("getConnection")) {
            return invoke(method, h2, args);
          }
          Connection connection = h2.getConnection();
          return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
              (p, m, a) -> {
                if (m.getName().equals("prepareStatement") && ((String) a[0]).contains("SET claimed_by = ?")
                    && first.compareAndSet(true, false)) {
                  leasing.countDown();
                  goOn.await(10, TimeUnit.SECONDS);
                }
                return invoke(m, connection, a);
              });
        });
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
