package org.planbridge.platform.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.PushbackInputStream;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The one way PlanBridge reads a JSON request body, whatever the route. The server's JSON-P parser
 * is used only event by event ({@code next()}): its {@code skipArray}, {@code skipObject} and
 * {@code getValue} are not, because on some versions they loop forever on a body that ends inside
 * a structure, and build trees by recursion that a deep body turns into a stack overflow. So here:
 *
 * <ul>
 *   <li>the body is UTF-8 (RFC 8259), decoded strictly: a malformed byte is refused, not replaced;
 *       a leading byte order mark is skipped;
 *   <li>it ends at end of input: a body cut short, or with more after its value, is refused;
 *   <li>structures nest at most {@value #MAX_DEPTH} deep;
 *   <li>an object may not name a key twice, compared without case (every route matches keys
 *       without case, so {@code "Name"} and {@code "name"} would otherwise be one field set twice,
 *       the last one winning in silence);
 *   <li>a number has at most {@value #MAX_NUMBER_LENGTH} characters and a finite exponent.
 * </ul>
 *
 * Every refusal is a {@link BadBody} saying what is wrong and at which line and column; a body over
 * its {@link BodyLimit} is a 413, one too slow to arrive a 408.
 */
public final class JsonBody {

  public static final int MAX_DEPTH = 32;
  public static final int MAX_NUMBER_LENGTH = 100;
  /** Looked up once: {@code Jsons.JSON.createX} looks the provider up again on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private JsonBody() {}

  /** The whole body as one JSON value: {@code expected} says what the route wants, for the messages. */
  public static JsonValue read(InputStream body, String expected) {
    return parse(body, expected, parser -> {
      JsonValue value = value(parser, next(parser, expected), 1);
      end(parser, expected);
      return value;
    });
  }

  /** The whole body as one JSON object. */
  public static JsonObject object(InputStream body, String expected) {
    JsonValue value = read(body, expected);
    if (value instanceof JsonObject object) {
      return object;
    }
    throw BadBody.malformed("The body must be " + expected + ", not " + describe(value.getValueType()) + ".");
  }

  /**
   * Runs {@code reading} on a parser over the body, turning every parser failure into a
   * {@link BadBody}. For readers that stream a large body instead of building it as a tree.
   */
  public static <T> T parse(InputStream body, String expected, Function<JsonParser, T> reading) {
    try (JsonParser parser = JSON.createParser(utf8(body, expected))) {
      return reading.apply(parser);
    } catch (JsonException e) {
      throw failure(e);
    }
  }

  /**
   * The whole body as text, decoded as strictly as {@link #read} decodes it, for a route that keeps a document as
   * it was sent (and reads it with {@link #read} too).
   */
  public static String text(InputStream body, String expected) {
    try (InputStreamReader reader = utf8(body, expected)) {
      StringBuilder text = new StringBuilder();
      char[] buffer = new char[8192];
      for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
        text.append(buffer, 0, n);
      }
      return text.toString();
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /** The next event; at the end of the body a refusal instead of an exception. */
  public static JsonParser.Event next(JsonParser parser, String expected) {
    if (!parser.hasNext()) {
      throw BadBody.malformed("Malformed JSON" + at(parser) + ": the body ends before " + expected + " is complete.");
    }
    return parser.next();
  }

  /** After the top value: nothing but white space may follow. */
  public static void end(JsonParser parser, String expected) {
    if (parser.hasNext()) {
      throw BadBody.malformed("Malformed JSON" + at(parser) + ": there is more after the end of " + expected + ".");
    }
  }

  /**
   * The key an object's {@code KEY_NAME} event names, refused if {@code seen} (the keys of the same
   * object so far) has it already in any case.
   */
  public static String key(JsonParser parser, Set<String> seen) {
    String key = parser.getString();
    if (!seen.add(key.toLowerCase(Locale.ROOT))) {
      throw BadBody.malformed("Malformed JSON" + at(parser) + ": the key \"" + StorableText.printable(key, 100)
          + "\" appears twice in one object (keys are matched without regard to case).");
    }
    return key;
  }

  /** Reads the value that {@code first} starts, at nesting {@code depth} (the top value is at 1). */
  private static JsonValue value(JsonParser parser, JsonParser.Event first, int depth) {
    return switch (first) {
      case START_OBJECT -> object(parser, depth);
      case START_ARRAY -> array(parser, depth);
      case VALUE_STRING -> JSON.createValue(parser.getString());
      case VALUE_NUMBER -> JSON.createValue(number(parser));
      case VALUE_TRUE -> JsonValue.TRUE;
      case VALUE_FALSE -> JsonValue.FALSE;
      case VALUE_NULL -> JsonValue.NULL;
      default -> throw BadBody.malformed("Malformed JSON" + at(parser) + ": a value was expected.");
    };
  }

  /** Passes over the value that {@code first} starts, with the same checks as reading it. */
  public static void skip(JsonParser parser, JsonParser.Event first, int depth) {
    if (first == JsonParser.Event.START_OBJECT || first == JsonParser.Event.START_ARRAY) {
      value(parser, first, depth);
    } else if (first == JsonParser.Event.VALUE_NUMBER) {
      number(parser);
    }
  }

  /** The number the parser is at, checked before it is converted. */
  public static BigDecimal number(JsonParser parser) {
    String text = parser.getString();
    if (text.length() > MAX_NUMBER_LENGTH) {
      throw BadBody.malformed("Malformed JSON" + at(parser) + ": a number of " + text.length()
          + " characters; at most " + MAX_NUMBER_LENGTH + " are accepted.");
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw BadBody.malformed("Malformed JSON" + at(parser) + ": the number " + text + " is out of range.");
    }
  }

  /** The position of the parser as {@code " at line l, column c"}. */
  private static String at(JsonParser parser) {
    return where(parser.getLocation());
  }

  private static JsonObject object(JsonParser parser, int depth) {
    deeper(parser, depth);
    JsonObjectBuilder object = JSON.createObjectBuilder();
    Set<String> seen = new HashSet<>();
    for (JsonParser.Event event = next(parser, "an object"); event != JsonParser.Event.END_OBJECT;
        event = next(parser, "an object")) {
      String key = key(parser, seen);
      object.add(key, value(parser, next(parser, "an object"), depth + 1));
    }
    return object.build();
  }

  private static JsonValue array(JsonParser parser, int depth) {
    deeper(parser, depth);
    JsonArrayBuilder array = JSON.createArrayBuilder();
    for (JsonParser.Event event = next(parser, "an array"); event != JsonParser.Event.END_ARRAY;
        event = next(parser, "an array")) {
      array.add(value(parser, event, depth + 1));
    }
    return array.build();
  }

  private static void deeper(JsonParser parser, int depth) {
    if (depth > MAX_DEPTH) {
      throw BadBody.malformed("Malformed JSON" + at(parser) + ": the body nests deeper than " + MAX_DEPTH
          + " levels.");
    }
  }

  /** What a failure of the parser means for the client: the body's size, its speed, or its text. */
  private static BadBody failure(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BadBody bad) {
        return bad;
      }
      if (cause instanceof BodyLimit.TooLarge) {
        return new BadBody(413, cause.getMessage());
      }
      if (cause instanceof BodyLimit.TooSlow) {
        return new BadBody(408, cause.getMessage() + "; send it in one go.");
      }
      if (cause instanceof TimeoutException || cause instanceof InterruptedIOException) {
        return new BadBody(408, "The request body stopped arriving: no byte came within the server's read timeout.");
      }
      if (cause instanceof CharacterCodingException) {
        return BadBody.malformed("The body is not valid UTF-8 (a byte sequence that is not a character);"
            + " send JSON encoded as UTF-8.");
      }
    }
    if (failure instanceof JsonParsingException parsing) {
      String message = parsing.getMessage() == null ? "not valid JSON" : parsing.getMessage().lines().findFirst().orElse("");
      if (message.contains("token=EOF") || message.contains("char -1")) {
        return BadBody.malformed("Malformed JSON" + where(parsing.getLocation())
            + ": the body ends before its JSON is complete (an array, object or string is not closed).");
      }
      return BadBody.malformed("Malformed JSON" + where(parsing.getLocation()) + ": "
          + message.replaceAll("\\s+at \\(?line.*$", ""));
    }
    // An I/O failure below the parser: the client's connection ended before its body did.
    return BadBody.malformed("The request body could not be read to its end: the connection ended before it.");
  }

  /**
   * The body as strictly decoded UTF-8, its byte order mark skipped; refused if it is empty (the
   * parser would only say that it cannot detect an encoding).
   */
  private static InputStreamReader utf8(InputStream body, String expected) {
    PushbackInputStream stream = new PushbackInputStream(body, 3);
    try {
      byte[] start = new byte[3];
      int n = stream.readNBytes(start, 0, 3);
      if (n == 0) {
        throw BadBody.malformed("The body is empty: send " + expected + ".");
      }
      boolean bom = n == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF;
      if (!bom) {
        stream.unread(start, 0, n);
      }
    } catch (IOException e) {
      throw failure(e);
    }
    return new InputStreamReader(stream, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
  }

  private static String where(JsonLocation location) {
    return location == null ? "" : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
  }

  private static String describe(JsonValue.ValueType type) {
    return switch (type) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case TRUE, FALSE -> "a boolean";
      case NULL -> "null";
    };
  }
}
