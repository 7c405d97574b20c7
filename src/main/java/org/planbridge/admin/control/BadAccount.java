package org.planbridge.admin.control;

/** An account change refused, with what was wrong in words the console shows next to the field. */
public class BadAccount extends RuntimeException {

  private final String field;

  public BadAccount(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The form field it is about: username, role or password. */
  public String field() {
    return field;
  }
}
