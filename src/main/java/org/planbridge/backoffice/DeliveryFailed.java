package org.planbridge.backoffice;

/** The back office refused a delivery or could not be reached; the message says which and why. */
public class DeliveryFailed extends Exception {

  private static final long serialVersionUID = 1L;

  public DeliveryFailed(String message) {
    super(message);
  }

  public DeliveryFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
