package org.planbridge.platform.control;

import java.util.Locale;

/**
 * The one rule for text a client sends to be stored or looked up, so that a request gets the same
 * answer on H2 and on PostgreSQL and text is stored as sent. Lengths are counted in UTF-16 units
 * ({@link String#length()}), as H2 and Dime's own nvarchar columns count them (PostgreSQL counts
 * code points): an emoji counts 2. A NUL character (U+0000) is refused because PostgreSQL cannot
 * store it, though H2 can. An unpaired UTF-16 surrogate is refused because it is no character: it
 * cannot be encoded in UTF-8 and would be stored as '?'. Positions in the messages count UTF-16
 * units from 1, as the length does.
 */
public final class StorableText {

  private StorableText() {}

  /** What is wrong with the text (null when nothing is), as a phrase without the field's name. */
  public static String problem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        return "contains a NUL character (U+0000) at position " + (i + 1) + ", which cannot be stored";
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "contains an unpaired UTF-16 surrogate (U+" + Integer.toHexString(c).toUpperCase(Locale.ROOT)
            + ") at position " + (i + 1) + ", half of a character such as an emoji, which cannot be stored";
      }
    }
    return null;
  }

  /**
   * Text a client sent as it can be quoted in a message: control characters and unpaired surrogates
   * as {@code \\uXXXX} escapes, cut after {@code max} UTF-16 units (never inside a pair) with "...".
   */
  public static String printable(String text, int max) {
    StringBuilder quoted = new StringBuilder();
    int i = 0;
    while (i < text.length() && i < max) {
      int c = text.codePointAt(i);
      boolean unpaired = Character.charCount(c) == 1 && Character.isSurrogate((char) c);
      quoted.append(Character.isISOControl(c) || unpaired ? String.format("\\u%04x", c) : Character.toString(c));
      i += Character.charCount(c);
    }
    return i < text.length() ? quoted + "..." : quoted.toString();
  }

  /**
   * Text PlanBridge writes itself (a log message, an audit entry) made storable rather than refused: a NUL character
   * and an unpaired surrogate become U+FFFD, and text longer than {@code max} UTF-16 units is cut to {@code max}
   * with "..." at its end, never inside a pair. Null stays null.
   */
  public static String storable(String text, int max) {
    if (text == null) {
      return null;
    }
    StringBuilder kept = new StringBuilder(Math.min(text.length(), max));
    int limit = text.length() <= max ? max : max - 3;
    int i = 0;
    while (i < text.length()) {
      int c = text.codePointAt(i);
      boolean unstorable = c == 0 || Character.charCount(c) == 1 && Character.isSurrogate((char) c);
      if (kept.length() + Character.charCount(c) > limit) {
        break;
      }
      kept.appendCodePoint(unstorable ? 0xFFFD : c);
      i += Character.charCount(c);
    }
    return i < text.length() ? kept.append("...").toString() : kept.toString();
  }

  /** As {@link #problem(String)}, and refuses text longer than {@code maxLength} UTF-16 units. */
  public static String problem(String text, int maxLength) {
    if (text.length() > maxLength) {
      boolean beyondBmp = text.codePointCount(0, text.length()) != text.length();
      return text.length() + " characters (UTF-16 units), longer than the " + maxLength + " allowed"
          + (beyondBmp ? " (a character such as an emoji counts as 2)" : "");
    }
    return problem(text);
  }
}
