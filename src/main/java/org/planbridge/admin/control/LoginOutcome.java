package org.planbridge.admin.control;

/**
 * What a login attempt came to. The person logging in is told only whether it was accepted (the same message for
 * every refusal, so that the login page does not say which user names exist); the reason is for the log.
 */
public record LoginOutcome(Reason reason, Role role) {

  public enum Reason { ACCEPTED, UNKNOWN_USER, WRONG_PASSWORD, LOCKED, DISABLED }

  public boolean accepted() {
    return reason == Reason.ACCEPTED;
  }

  static LoginOutcome refused(Reason reason) {
    return new LoginOutcome(reason, null);
  }
}
