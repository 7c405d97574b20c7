package org.planbridge.outbox.control;

/**
 * A transaction this instance holds a lease on, with what it needs to deliver it; {@code attempts}: how many
 * attempts were made before this one; {@code slot}: it counts against its connector's concurrency limit until its
 * outcome is recorded (see {@link Lanes}).
 */
public record Claimed(long id, long appointmentId, String sourceApp, String payload, int attempts, boolean slot) {

  public Claimed(long id, long appointmentId, String sourceApp, String payload, int attempts) {
    this(id, appointmentId, sourceApp, payload, attempts, false);
  }

  /** The body sent: the payload with the transaction id, the idempotency key, in front. */
  public String body() {
    return "{\"transactionId\":" + id + "," + payload.substring(1);
  }

  Claimed withSlot() {
    return new Claimed(id, appointmentId, sourceApp, payload, attempts, true);
  }
}
