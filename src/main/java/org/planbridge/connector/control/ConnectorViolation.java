package org.planbridge.connector.control;

import jakarta.ejb.ApplicationException;

/**
 * Why a connector change was refused: the field (null when it is about the whole connector), an
 * HTTP-like status (400 invalid, 404 not found, 409 Source App taken) and what is wrong, without
 * the field's name, which each API spells its own way. Never carries a secret.
 */
@ApplicationException(rollback = true)
public class ConnectorViolation extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final transient ConnectorField field;
  private final int status;

  public ConnectorViolation(ConnectorField field, int status, String message) {
    super(message);
    this.field = field;
    this.status = status;
  }

  public static ConnectorViolation invalid(ConnectorField field, String message) {
    return new ConnectorViolation(field, 400, message);
  }

  public ConnectorField field() {
    return field;
  }

  public int status() {
    return status;
  }
}
