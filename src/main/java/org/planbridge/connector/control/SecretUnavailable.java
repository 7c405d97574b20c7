package org.planbridge.connector.control;

import jakarta.ejb.ApplicationException;

/**
 * A secret cannot be encrypted or revealed: no key is configured, the key is not valid, or the
 * stored value does not decrypt. The message says what to do; it never contains the key or a secret.
 */
@ApplicationException(rollback = true)
public class SecretUnavailable extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SecretUnavailable(String message) {
    super(message);
  }
}
