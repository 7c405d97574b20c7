package org.planbridge.outbox.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What waits to be delivered, per Source App: how many transactions are Pending and since when the one waiting
 * longest has been due; and each connector's pause (null: none). Read in two queries: the Pending ones through the
 * index on status, at most {@link #COUNTED} of them (the oldest; beyond, the counts stop there, the ages stay
 * right), and the connectors, a few rows.
 */
public record Backlog(Map<String, Waiting> waiting, Map<String, OffsetDateTime> pausedUntil) {

  static final int COUNTED = 100_000;

  /** {@code count} Pending transactions, the longest-waiting one due since {@code oldestDue}. */
  public record Waiting(long count, OffsetDateTime oldestDue) {

    /** How long the oldest one has waited at {@code now}, in seconds; 0 when it is not due yet. */
    public double ageSeconds(Instant now) {
      return Math.max(0, Duration.between(oldestDue.toInstant(), now).toMillis() / 1000.0);
    }
  }

  public Waiting of(String sourceApp) {
    return waiting.getOrDefault(sourceApp, new Waiting(0, null));
  }

  public Optional<OffsetDateTime> pausedUntil(String sourceApp) {
    return Optional.ofNullable(pausedUntil.get(sourceApp));
  }

  static Backlog read(Connection connection) throws SQLException {
    Map<String, Waiting> waiting = new LinkedHashMap<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT source_app, COUNT(*), MIN(next_attempt_at) "
        + "FROM (SELECT source_app, next_attempt_at FROM appointment_transaction WHERE status = ? ORDER BY id "
        + "FETCH FIRST " + COUNTED + " ROWS ONLY) pending GROUP BY source_app")) {
      query.setString(1, Status.PENDING.label());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          waiting.put(rows.getString(1), new Waiting(rows.getLong(2), rows.getObject(3, OffsetDateTime.class)));
        }
      }
    }
    Map<String, OffsetDateTime> paused = new LinkedHashMap<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT source_app, paused_until FROM connector "
        + "ORDER BY source_app"); ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        OffsetDateTime until = rows.getObject(2, OffsetDateTime.class);
        paused.put(rows.getString(1), until != null && until.toInstant().isAfter(Instant.now()) ? until : null);
      }
    }
    return new Backlog(waiting, paused);
  }
}
