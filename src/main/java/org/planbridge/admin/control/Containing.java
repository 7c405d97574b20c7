package org.planbridge.admin.control;

import java.util.Locale;

/** A text filter as SQL: {@code LOWER(column) LIKE ? ESCAPE '!'} with {@link #pattern}, so % and _ match themselves. */
final class Containing {

  private Containing() {}

  /** The LIKE pattern for "contains {@code text}, ignoring case". */
  static String pattern(String text) {
    return "%" + text.trim().toLowerCase(Locale.ROOT).replaceAll("[!%_]", "!$0") + "%";
  }
}
