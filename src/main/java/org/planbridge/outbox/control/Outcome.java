package org.planbridge.outbox.control;

import java.time.OffsetDateTime;

/**
 * What one attempt at a transaction ended with; {@code retryAt}: when a Failed one goes out again by itself (null:
 * not by itself); {@code pausedUntil}: the back office asked its whole connector to wait until then (a 429 or 503
 * with Retry-After), so none of the Source App's transactions goes out before (null: no pause).
 */
public record Outcome(Claimed transaction, Status status, String message, String stackTrace, Long connectorId,
    OffsetDateTime startedAt, long durationMs, OffsetDateTime retryAt, OffsetDateTime pausedUntil) {

  public Outcome(Claimed transaction, Status status, String message, String stackTrace, Long connectorId,
      OffsetDateTime startedAt, long durationMs, OffsetDateTime retryAt) {
    this(transaction, status, message, stackTrace, connectorId, startedAt, durationMs, retryAt, null);
  }

  public Outcome(Claimed transaction, Status status, String message, String stackTrace, Long connectorId,
      OffsetDateTime startedAt, long durationMs) {
    this(transaction, status, message, stackTrace, connectorId, startedAt, durationMs, null, null);
  }
}
