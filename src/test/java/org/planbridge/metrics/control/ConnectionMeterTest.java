package org.planbridge.metrics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class ConnectionMeterTest {

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final ConnectionMeter meter = new ConnectionMeter(registry, "test");
  final JdbcDataSource h2 = new JdbcDataSource();

  ConnectionMeterTest() {
    h2.setURL("jdbc:h2:mem:meter-" + UUID.randomUUID());
  }

  @Test
  void countsTheConnectionsHeldUntilTheyAreClosedOnceEachAndTimesEachAcquisition() throws SQLException {
    Connection first = meter.open(h2);
    try (Connection second = meter.open(h2); var statement = second.createStatement();
        var row = statement.executeQuery("SELECT 41 + 1")) {
      row.next();
      assertEquals(42, row.getInt(1), "calls go through to the connection");
      assertEquals(2, inUse());
    }
    assertEquals(1, inUse());
    first.close();
    first.close();
    assertEquals(0, inUse(), "a second close does not count twice");
    assertEquals(2, registry.get("planbridge.db.connection.acquire").tag("use", "test").timer().count());
  }

  @Test
  void aConnectionThatCannotBeHadIsAFailureAndNotHeld() {
    JdbcDataSource away = new JdbcDataSource();
    away.setURL("jdbc:h2:mem:nosuch;IFEXISTS=TRUE");
    assertThrows(SQLException.class, () -> meter.open(away));
    assertEquals(0, inUse());
    assertEquals(1, registry.get("planbridge.db.connection.failures").tag("use", "test").counter().count());
  }

  @Test
  void aFailingCallThrowsWhatTheConnectionThrew() throws SQLException {
    try (Connection connection = meter.open(h2)) {
      SQLException e = assertThrows(SQLException.class, () -> connection.prepareStatement("SELEKT 1"));
      assertTrue(e.getMessage().contains("SELEKT"), e.getMessage());
    }
  }

  private double inUse() {
    return registry.get("planbridge.db.connections.in.use").tag("use", "test").gauge().value();
  }
}
