package org.planbridge.platform.control;

/**
 * A request body that cannot be read as what the route expects: malformed JSON (400), over the size
 * limit (413), or too slow to arrive (408). Each boundary answers it in its own shape (the SDK
 * envelope, or problem details); the message says what is wrong and where, never how PlanBridge is
 * built.
 */
public class BadBody extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final int status;

  public BadBody(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public static BadBody malformed(String message) {
    return new BadBody(400, message);
  }

  public int status() {
    return status;
  }
}
