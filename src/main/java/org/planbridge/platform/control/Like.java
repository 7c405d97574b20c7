package org.planbridge.platform.control;

import java.util.Locale;

/**
 * A "contains, ignoring case" text filter in SQL, the same on H2 and PostgreSQL: {@code LOWER(column) LIKE ? ESCAPE
 * '!'} bound to {@link #containing}, so that % and _ typed in a filter match themselves.
 */
public final class Like {

  private Like() {}

  /** {@code LOWER(column) LIKE ? ESCAPE '!'}. */
  public static String condition(String column) {
    return "LOWER(" + column + ") LIKE ? ESCAPE '!'";
  }

  /** The pattern for "contains {@code text}", trimmed and lower-cased. */
  public static String containing(String text) {
    return "%" + text.trim().toLowerCase(Locale.ROOT).replaceAll("[!%_]", "!$0") + "%";
  }
}
