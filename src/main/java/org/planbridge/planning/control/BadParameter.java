package org.planbridge.planning.control;

/** A query parameter the read API cannot accept; the message says which and why. */
public class BadParameter extends RuntimeException {

  private final String parameter;

  public BadParameter(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
