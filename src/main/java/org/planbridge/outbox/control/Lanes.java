package org.planbridge.outbox.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.planbridge.connector.entity.BackOfficeSystem;

/**
 * What one claim may take per Source App whose connector holds the drain back: a back office that asked to wait
 * (Retry-After, {@code connector.paused_until}) gets nothing, and a connector with a concurrency limit ({@code
 * connector.concurrency}, or its system's default: 5 for Business Central online) gets no more than its limit minus
 * what is in flight on all instances ({@code delivery_slot}). Read under the drain lock, so the counts are exact
 * while the claim runs. Source Apps of other connectors, and those without one, are not limited here: the claim of
 * a drain without limited connectors reads one small row set and writes nothing more.
 */
final class Lanes {

  /** Per limited or paused Source App: how many more may be claimed now (0: none). */
  private final Map<String, Integer> room;
  /** Per paused Source App: until when. */
  private final Map<String, OffsetDateTime> paused;
  /** The limited Source Apps: each claimed transaction of theirs takes a slot. */
  private final Set<String> limited;

  private Lanes(Map<String, Integer> room, Map<String, OffsetDateTime> paused, Set<String> limited) {
    this.room = room;
    this.paused = paused;
    this.limited = limited;
  }

  /** The connectors that hold a claim back now, with their slots in flight. */
  static Lanes read(Connection connection) throws SQLException {
    Map<String, Integer> room = new HashMap<>();
    Map<String, OffsetDateTime> paused = new HashMap<>();
    Set<String> limited = new HashSet<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT c.source_app, c.back_office_system, "
        + "c.concurrency, CASE WHEN c.paused_until > CURRENT_TIMESTAMP THEN c.paused_until END, (SELECT COUNT(*) "
        + "FROM delivery_slot s WHERE s.source_app = c.source_app AND s.lease_until >= CURRENT_TIMESTAMP) "
        + "FROM connector c WHERE c.concurrency IS NOT NULL OR c.paused_until > CURRENT_TIMESTAMP "
        + "OR c.back_office_system = ANY(CAST(? AS VARCHAR ARRAY))")) {
      query.setArray(1, connection.createArrayOf("VARCHAR", Stream.of(BackOfficeSystem.values())
          .filter(system -> system.defaultConcurrency() > 0).map(Enum::name).toArray(String[]::new)));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          String sourceApp = rows.getString(1);
          String system = rows.getString(2);
          int limit = BackOfficeSystem.concurrencyLimit(system == null ? null : BackOfficeSystem.valueOf(system),
              rows.getObject(3, Integer.class));
          OffsetDateTime until = rows.getObject(4, OffsetDateTime.class);
          if (until != null) {
            paused.put(sourceApp, until);
            room.put(sourceApp, 0);
          } else if (limit > 0) {
            room.put(sourceApp, Math.max(0, limit - rows.getInt(5)));
          }
          if (limit > 0) {
            limited.add(sourceApp);
          }
        }
      }
    }
    return new Lanes(room, paused, limited);
  }

  /** The Source Apps that may get nothing now: the due query leaves them out, so their backlog is not walked. */
  String[] closed() {
    return room.entrySet().stream().filter(lane -> lane.getValue() == 0).map(Map.Entry::getKey)
        .toArray(String[]::new);
  }

  /** Whether one more transaction of the Source App may be claimed; if so, it is counted. */
  boolean take(String sourceApp) {
    Integer left = room.get(sourceApp);
    if (left == null) {
      return true;
    }
    if (left == 0) {
      return false;
    }
    room.put(sourceApp, left - 1);
    return true;
  }

  Map<String, OffsetDateTime> paused() {
    return Map.copyOf(paused);
  }

  /**
   * The claimed transactions of limited Source Apps take a slot each, for as long as their lease. Slots whose
   * lease ended go, and so does an old slot of a transaction claimed again.
   */
  void occupy(Connection connection, List<Claimed> claimed, int leaseSeconds) throws SQLException {
    List<Claimed> slotted = claimed.stream().filter(transaction -> limited.contains(transaction.sourceApp())).toList();
    if (slotted.isEmpty()) {
      return;
    }
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM delivery_slot WHERE lease_until < "
        + "CURRENT_TIMESTAMP OR transaction_id = ANY(" + TransactionLedger.BIGINT_ARRAY + ")")) {
      delete.setArray(1, TransactionLedger.ids(connection, slotted.stream().map(Claimed::id).toList()));
      delete.executeUpdate();
    }
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO delivery_slot (transaction_id, "
        + "source_app, lease_until) VALUES (?, ?, CURRENT_TIMESTAMP + INTERVAL '" + leaseSeconds + "' SECOND)")) {
      for (Claimed transaction : slotted) {
        insert.setLong(1, transaction.id());
        insert.setString(2, transaction.sourceApp());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** Whether the Source App's claimed transactions take a slot (its connector has a concurrency limit). */
  boolean limits(String sourceApp) {
    return limited.contains(sourceApp);
  }

  /** Frees the slots of transactions whose outcome is recorded or whose claim is given back. */
  static void free(Connection connection, Collection<Long> transactions) throws SQLException {
    if (transactions.isEmpty()) {
      return;
    }
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM delivery_slot WHERE transaction_id = "
        + "ANY(" + TransactionLedger.BIGINT_ARRAY + ")")) {
      delete.setArray(1, TransactionLedger.ids(connection, transactions));
      delete.executeUpdate();
    }
  }
}
