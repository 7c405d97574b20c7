package org.planbridge.outbox.control;

import java.time.OffsetDateTime;

/** What one attempt at a transaction ended with. */
public record Outcome(Claimed transaction, Status status, String message, String stackTrace, Long connectorId,
    OffsetDateTime startedAt, long durationMs) {}
