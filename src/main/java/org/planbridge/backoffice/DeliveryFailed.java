package org.planbridge.backoffice;

import java.time.Duration;
import java.util.Optional;

/**
 * The back office refused a delivery or could not be reached; the message says which and why. When the back
 * office said how long to wait before trying again (HTTP Retry-After), {@link #retryAfter()} carries it.
 */
public class DeliveryFailed extends Exception {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public DeliveryFailed(String message) {
    this(message, null, null);
  }

  public DeliveryFailed(String message, Throwable cause) {
    this(message, cause, null);
  }

  public DeliveryFailed(String message, Throwable cause, Duration retryAfter) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
