package org.planbridge.backoffice.tls;

/**
 * The trust cannot be built as configured: the truststore file is missing, unreadable, of an unknown kind, its
 * password wrong or it holds no certificate; or a pin is not a SHA-256 fingerprint. The message names the path
 * and the reason, never the password.
 */
public final class TrustSetupProblem extends Exception {

  private static final long serialVersionUID = 1L;

  TrustSetupProblem(String message, Throwable cause) {
    super(message, cause);
  }
}
