package org.planbridge.platform.control;

/**
 * Why a key request was refused: the field as the admin API names it ({@code name},
 * {@code scopes[1]}; null when it is about the whole request), an HTTP-like status (400 invalid,
 * 404 no such key) and what is wrong, without the field. Never carries a key.
 */
public class KeyViolation extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private final String field;
  private final int status;

  public KeyViolation(String field, int status, String message) {
    super(message, null, false, false);
    this.field = field;
    this.status = status;
  }

  public static KeyViolation invalid(String field, String message) {
    return new KeyViolation(field, 400, message);
  }

  public static KeyViolation notFound(String id) {
    return new KeyViolation(null, 404, "There is no API key with id " + id + ".");
  }

  /** The field with its index, if any ({@code scopes[1]}); null for the whole request. */
  public String field() {
    return field;
  }

  /** The top-level field ({@code scopes} for {@code scopes[1]}). */
  public String topField() {
    return field == null ? null : field.replaceAll("\\[.*$", "");
  }

  public int status() {
    return status;
  }
}
