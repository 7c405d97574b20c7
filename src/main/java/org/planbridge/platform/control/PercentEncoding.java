package org.planbridge.platform.control;

import java.nio.charset.StandardCharsets;
import java.util.function.IntPredicate;

/** Percent-encoding as UTF-8 ({@code %20}, never {@code +}), of every byte but those a caller keeps. */
public final class PercentEncoding {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private PercentEncoding() {}

  /** {@code text} with each UTF-8 byte that {@code keep} refuses as {@code %XX} (upper-case hex). */
  public static String encode(String text, IntPredicate keep) {
    StringBuilder encoded = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (keep.test(c)) {
        encoded.append((char) c);
      } else {
        encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return encoded.toString();
  }
}
