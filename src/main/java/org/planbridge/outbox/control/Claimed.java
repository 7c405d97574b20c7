package org.planbridge.outbox.control;

/**
 * A transaction this instance holds a lease on, with what it needs to deliver it; {@code attempts}: how many
 * attempts were made before this one.
 */
public record Claimed(long id, long appointmentId, String sourceApp, String payload, int attempts) {

  /** The body sent: the payload with the transaction id, the idempotency key, in front. */
  public String body() {
    return "{\"transactionId\":" + id + "," + payload.substring(1);
  }
}
