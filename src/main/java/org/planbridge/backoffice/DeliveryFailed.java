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
  private final boolean misconfigured;

  public DeliveryFailed(String message) {
    this(message, null, null);
  }

  public DeliveryFailed(String message, Throwable cause) {
    this(message, cause, null);
  }

  public DeliveryFailed(String message, Throwable cause, Duration retryAfter) {
    this(message, cause, retryAfter, false);
  }

  private DeliveryFailed(String message, Throwable cause, Duration retryAfter, boolean misconfigured) {
    super(message, cause);
    this.retryAfter = retryAfter;
    this.misconfigured = misconfigured;
  }

  /**
   * The connector's settings do not fit its back office (a field mapping against the page's WSDL, a login the
   * protocol cannot use): recorded as Invalid MBOC Back Office Type, and not tried again by itself, as trying
   * cannot help before the connector is fixed.
   */
  public static DeliveryFailed misconfigured(String message, Throwable cause) {
    return new DeliveryFailed(message, cause, null, true);
  }

  public boolean isMisconfigured() {
    return misconfigured;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
