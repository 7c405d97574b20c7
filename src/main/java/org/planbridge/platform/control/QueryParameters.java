package org.planbridge.platform.control;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes a query string's parameters strictly: percent-encoded bytes must be UTF-8 (a server's own
 * decoding replaces a bad byte with U+FFFD, and a filter would then quietly match nothing), and every
 * name and value follows {@link StorableText}'s rule (no NUL, no unpaired surrogate), so that a read
 * gets the same answer on H2 and PostgreSQL. A {@code +} is a space, as in a form.
 */
public final class QueryParameters {

  private QueryParameters() {}

  /** A parameter that cannot be read; its message names it. */
  public static final class Bad extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String parameter;

    Bad(String parameter, String message) {
      super(message);
      this.parameter = parameter;
    }

    public String parameter() {
      return parameter;
    }
  }

  /** The parameters as sent (still percent-encoded), decoded; in their order. */
  public static Map<String, List<String>> decode(Map<String, List<String>> encoded) {
    Map<String, List<String>> decoded = new LinkedHashMap<>();
    encoded.forEach((rawName, rawValues) -> {
      String name = decode(rawName, rawName);
      List<String> values = decoded.computeIfAbsent(name, n -> new ArrayList<>());
      for (String raw : rawValues) {
        values.add(raw == null ? null : decode(name, raw));
      }
    });
    return decoded;
  }

  private static String decode(String parameter, String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i += Character.charCount(raw.codePointAt(i))) {
      int c = raw.codePointAt(i);
      if (c == '%' && i + 2 < raw.length() && hex(raw.charAt(i + 1)) >= 0 && hex(raw.charAt(i + 2)) >= 0) {
        bytes.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
        i += 2; // and the % itself below
      } else if (c == '%') {
        throw bad(parameter, "has a % that is not followed by two hexadecimal digits");
      } else if (c == '+') {
        bytes.write(' ');
      } else {
        bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw bad(parameter, "is not valid UTF-8 once its %-escapes are decoded");
    }
    String problem = StorableText.problem(text);
    if (problem != null) {
      throw bad(parameter, problem);
    }
    return text;
  }

  private static int hex(char c) {
    return Character.digit(c, 16) >= 0 && c < 128 ? Character.digit(c, 16) : -1;
  }

  private static Bad bad(String parameter, String problem) {
    String name = StorableText.printable(parameter, 50);
    return new Bad(name, "Query parameter '" + name + "' " + problem + ".");
  }
}
