package org.planbridge.ingest.control;

import java.util.Locale;

/**
 * Parameter names match columns case-insensitively and without underscores: {@code ShortDescription},
 * {@code shortDescription} and {@code short_description} are one name.
 */
public final class Names {

  private Names() {}

  public static String normalize(String name) {
    StringBuilder normalized = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != '_' && c != ' ' && c != '-') {
        normalized.append(Character.toLowerCase(c));
      }
    }
    return normalized.toString().toLowerCase(Locale.ROOT);
  }

  /** How a column is named on the wire, for messages: {@code short_description} is ShortDescription. */
  public static String parameterOf(String column) {
    return switch (column) {
      case "start_time" -> "Start";
      case "end_time" -> "End";
      case "task_index" -> "Index";
      default -> {
        StringBuilder name = new StringBuilder();
        for (String part : column.split("_")) {
          name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        yield name.toString();
      }
    };
  }
}
