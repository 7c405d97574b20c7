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
}
