package org.planbridge.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.planbridge.platform.control.SchemaMigration;

class BacklogTest {

  final JdbcDataSource h2 = new JdbcDataSource();

  BacklogTest() {
    h2.setURL("jdbc:h2:mem:backlog-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    SchemaMigration.migrate(h2);
  }

  @Test
  void countsThePendingOnesPerSourceAppWithTheLongestWaitAndListsEveryConnectorsPause() throws SQLException {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    execute("INSERT INTO connector (id, name, source_app, send_appointments, back_office_system, paused_until) "
        + "VALUES (1, 'A', 'A', TRUE, 'WEBHOOK', DATEADD(MINUTE, 5, CURRENT_TIMESTAMP)), (2, 'B', 'B', TRUE, 'WEBHOOK', NULL)");
    transaction(1, "A", "Pending", now.minusSeconds(120));
    transaction(2, "A", "Pending", now.minusSeconds(30));
    transaction(3, "A", "Success", now.minusSeconds(600));
    transaction(4, "C", "Pending", now.plusSeconds(60));

    Backlog backlog;
    try (Connection connection = h2.getConnection()) {
      backlog = Backlog.read(connection);
    }
    assertEquals(2, backlog.of("A").count());
    assertEquals(120, backlog.of("A").ageSeconds(now.toInstant()), 1);
    assertEquals(0, backlog.of("B").count());
    assertEquals(0, backlog.of("C").ageSeconds(now.toInstant()), "not due yet: no wait");
    assertTrue(backlog.pausedUntil("A").isPresent());
    assertTrue(backlog.pausedUntil("B").isEmpty());
    assertTrue(backlog.pausedUntil().containsKey("B"), "every connector is listed");
  }

  @Test
  void theGaugesReadTheDatabaseAtMostOnceASecond() throws SQLException {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    AtomicInteger reads = new AtomicInteger();
    BacklogMeters meters = new BacklogMeters();
    meters.registry = registry;
    meters.ledger = new TransactionLedger() {
      @Override
      public Backlog backlog() throws SQLException {
        reads.incrementAndGet();
        try (Connection connection = h2.getConnection()) {
          return Backlog.read(connection);
        }
      }
    };
    AtomicLong nanos = new AtomicLong();
    meters.clock = nanos::get;
    transaction(1, "A", "Pending", OffsetDateTime.now(ZoneOffset.UTC));

    meters.current();
    var pending = registry.get("planbridge.backlog.transactions").tag("connector", "A").gauge();
    assertEquals(1, pending.value());
    execute("UPDATE appointment_transaction SET status = 'Success'");
    for (int scrape = 0; scrape < 100; scrape++) {
      pending.value();
    }
    assertEquals(1, reads.get(), "within the second: the last reading");
    nanos.addAndGet(BacklogMeters.FRESH_NANOS);
    assertEquals(0, pending.value(), "a gauge once seen stays, at 0");
    assertEquals(0, registry.get("planbridge.backlog.oldest.age").tag("connector", "A").gauge().value());
    assertEquals(2, reads.get());

    nanos.addAndGet(BacklogMeters.FRESH_NANOS);
    execute("DROP TABLE appointment_transaction CASCADE");
    assertTrue(Double.isNaN(pending.value()), "a backlog that cannot be read is not empty");
    assertTrue(meters.current().failure() != null);
    assertTrue(Instant.now().isAfter(meters.current().when().minusSeconds(1)));
  }

  private void transaction(long id, String sourceApp, String status, OffsetDateTime due) throws SQLException {
    try (Connection connection = h2.getConnection(); var insert = connection.prepareStatement("INSERT INTO "
        + "appointment_transaction (id, appointment_id, appointment_guid, source_app, source_type, action, sequence, "
        + "payload, changed_at, status, source, next_attempt_at) VALUES (?, ?, ?, ?, 'SO', 'I', 1, '{}', ?, ?, "
        + "'Service', ?)")) {
      insert.setLong(1, id);
      insert.setLong(2, id);
      insert.setObject(3, UUID.randomUUID());
      insert.setString(4, sourceApp);
      insert.setObject(5, due);
      insert.setString(6, status);
      insert.setObject(7, due);
      insert.executeUpdate();
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection connection = h2.getConnection(); var statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    }
  }
}
