package org.planbridge.outbox.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.planbridge.platform.control.SchemaMigration;

/**
 * The console's reads of the attempts: per whole hour (UTC) and status for the dashboard's chart, the span's edges
 * exact; each connector's last success and failure for the Connectors page.
 */
class AttemptsPerHourTest {

  static final Instant FROM = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void countsEachAttemptInTheHourItStartedAndNothingOutsideTheSpan() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:hours-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    SchemaMigration.migrate(h2);
    TransactionQueries queries = new TransactionQueries();
    queries.dataSource = h2;
    try (Connection connection = h2.getConnection()) {
      long transaction = transaction(connection);
      for (Object[] attempt : List.of(new Object[] {Duration.ofSeconds(-1), "Success"},
          new Object[] {Duration.ZERO, "Success"}, new Object[] {Duration.ofMinutes(59).plusSeconds(59), "Success"},
          new Object[] {Duration.ofMinutes(59).plusSeconds(59), "Failed"}, new Object[] {Duration.ofHours(1),
              "Failed"}, new Object[] {Duration.ofHours(2).plusMinutes(30), "MBOC Not Provided"},
          new Object[] {Duration.ofHours(3), "Success"})) {
        attempt(connection, transaction, FROM.plus((Duration) attempt[0]), (String) attempt[1]);
      }
    }

    Map<Status, long[]> hours = queries.attemptsPerHour(FROM.plusSeconds(1800), 3);

    assertEquals(List.of(Status.SUCCESS, Status.NOT_PROVIDED, Status.FAILED), List.copyOf(hours.keySet()),
        "the statuses that occurred, in their order");
    assertArrayEquals(new long[] {2, 0, 0}, hours.get(Status.SUCCESS), "from the start of 10:00, to 13:00 exclusive");
    assertArrayEquals(new long[] {1, 1, 0}, hours.get(Status.FAILED));
    assertArrayEquals(new long[] {0, 0, 1}, hours.get(Status.NOT_PROVIDED));
  }

  @Test
  void eachConnectorsLastSuccessAndFailureInOneRead() throws Exception {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:last-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    SchemaMigration.migrate(h2);
    TransactionQueries queries = new TransactionQueries();
    queries.dataSource = h2;
    Instant now = Instant.now();
    try (Connection connection = h2.getConnection()) {
      long transaction = transaction(connection);
      attempt(connection, transaction, now.minus(Duration.ofHours(2)), "Success", 7L);
      attempt(connection, transaction, now.minus(Duration.ofHours(1)), "Success", 7L);
      attempt(connection, transaction, now.minus(Duration.ofMinutes(5)), "Failed", 7L);
      attempt(connection, transaction, now.minus(Duration.ofMinutes(1)), "MBOC Not Provided", 7L);
      attempt(connection, transaction, now.minus(Duration.ofDays(40)), "Success", 8L);
      attempt(connection, transaction, now.minus(Duration.ofMinutes(3)), "Failed", 8L);
    }

    Map<Long, Map<Status, OffsetDateTime>> last = queries.lastAttempts(java.util.EnumSet.of(Status.SUCCESS,
        Status.FAILED));

    assertEquals(now.minus(Duration.ofHours(1)).getEpochSecond(), last.get(7L).get(Status.SUCCESS).toEpochSecond());
    assertEquals(now.minus(Duration.ofMinutes(5)).getEpochSecond(), last.get(7L).get(Status.FAILED).toEpochSecond());
    assertEquals(java.util.Set.of(Status.SUCCESS, Status.FAILED), last.get(7L).keySet(), "only the statuses asked");
    assertEquals(java.util.Set.of(Status.FAILED), last.get(8L).keySet(), "a success 40 days ago is past the window");
  }

  private static long transaction(Connection connection) throws Exception {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO appointment_transaction ("
        + "appointment_id, appointment_guid, source_app, source_type, action, sequence, payload, changed_at, status, "
        + "source) VALUES (1, ?, 'BC', 'SO', 'I', 1, '{}', ?, 'Success', 'Service')",
        Statement.RETURN_GENERATED_KEYS)) {
      insert.setObject(1, UUID.randomUUID());
      insert.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
      insert.executeUpdate();
      try (ResultSet key = insert.getGeneratedKeys()) {
        key.next();
        return key.getLong(1);
      }
    }
  }

  private static void attempt(Connection connection, long transaction, Instant at, String status) throws Exception {
    attempt(connection, transaction, at, status, null);
  }

  private static void attempt(Connection connection, long transaction, Instant at, String status, Long connector)
      throws Exception {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO transaction_attempt (transaction_id, "
        + "started_at, duration_ms, status, instance, connector_id) VALUES (?, ?, 5, ?, 'test', ?)")) {
      insert.setLong(1, transaction);
      insert.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.ofHours(2))); // the offset does not matter
      insert.setString(3, status);
      insert.setObject(4, connector);
      insert.executeUpdate();
    }
  }
}
