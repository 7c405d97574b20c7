package org.planbridge.outbox.control;

import java.time.OffsetDateTime;

/**
 * What one attempt at a transaction ended with; {@code retryAt}: when a Failed one goes out again by itself (null:
 * not by itself).
 */
public record Outcome(Claimed transaction, Status status, String message, String stackTrace, Long connectorId,
    OffsetDateTime startedAt, long durationMs, OffsetDateTime retryAt) {

  public Outcome(Claimed transaction, Status status, String message, String stackTrace, Long connectorId,
      OffsetDateTime startedAt, long durationMs) {
    this(transaction, status, message, stackTrace, connectorId, startedAt, durationMs, null);
  }
}
