package org.planbridge.ingest.control;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * Reads the body of {@code POST /api/import}, a JSON array of {@code {"StoredProcedureName",
 * "ParameterNames", "ParameterValues"}}, as a stream: a large request is never held as a tree.
 */
public final class ImportRequestReader {

  private ImportRequestReader() {}

  public static List<ImportItem> read(InputStream body) {
    try (JsonParser parser = Json.createParser(nonEmpty(body, "a JSON array of procedure calls"))) {
      if (!parser.hasNext() || parser.next() != JsonParser.Event.START_ARRAY) {
        throw ImportRejected.request("The body must be a JSON array of procedure calls"
            + " ({\"StoredProcedureName\": ..., \"ParameterNames\": [...], \"ParameterValues\": [...]}).");
      }
      List<ImportItem> items = new ArrayList<>();
      while (true) {
        JsonParser.Event event = parser.next();
        if (event == JsonParser.Event.END_ARRAY) {
          break;
        }
        if (event != JsonParser.Event.START_OBJECT) {
          throw ImportRejected.item(items.size(), null, null,
              "must be an object with StoredProcedureName, ParameterNames and ParameterValues");
        }
        items.add(readItem(parser, items.size()));
      }
      if (parser.hasNext()) {
        throw ImportRejected.request("Malformed JSON: there is more after the closing ] of the array.");
      }
      return items;
    } catch (NoSuchElementException e) {
      throw ImportRejected.request("Malformed JSON: the body ends before the array is closed.");
    } catch (JsonException e) {
      throw malformed(e);
    }
  }

  /**
   * The body, refused if it is empty: on an empty stream the JSON parser only says that it cannot
   * detect an encoding.
   */
  static InputStream nonEmpty(InputStream body, String expected) {
    PushbackInputStream stream = new PushbackInputStream(body, 1);
    try {
      int first = stream.read();
      if (first < 0) {
        throw ImportRejected.request("The body is empty: send " + expected + ".");
      }
      stream.unread(first);
      return stream;
    } catch (IOException e) {
      BodyLimit.TooLarge tooLarge = BodyLimit.tooLarge(e);
      throw tooLarge != null ? tooLarge.rejection() : ImportRejected.request("The body could not be read: " + e.getMessage());
    }
  }

  /** What a JSON failure means for the client: malformed text, or a body past the size limit. */
  static ImportRejected malformed(JsonException failure) {
    BodyLimit.TooLarge tooLarge = BodyLimit.tooLarge(failure);
    if (tooLarge != null) {
      return tooLarge.rejection();
    }
    String where = failure instanceof JsonParsingException parsing ? where(parsing.getLocation()) : "";
    return ImportRejected.request("Malformed JSON" + where + ": " + failure.getMessage());
  }

  private static ImportItem readItem(JsonParser parser, int index) {
    String procedure = null;
    List<String> names = List.of();
    List<String> values = List.of();
    for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
      String key = parser.getString().toLowerCase(Locale.ROOT);
      JsonParser.Event value = parser.next();
      switch (key) {
        case "storedprocedurename" -> procedure = scalar(parser, value, index, "StoredProcedureName");
        case "parameternames" -> names = strings(parser, value, index, "ParameterNames");
        case "parametervalues" -> values = strings(parser, value, index, "ParameterValues");
        default -> skip(parser, value);
      }
    }
    if (procedure == null || procedure.isBlank()) {
      throw ImportRejected.item(index, null, null, "StoredProcedureName is missing");
    }
    if (names.size() != values.size()) {
      throw ImportRejected.item(index, procedure, null, "ParameterNames has " + names.size()
          + " entries but ParameterValues has " + values.size() + "; they must pair up");
    }
    return new ImportItem(index, procedure, names, values);
  }

  private static List<String> strings(JsonParser parser, JsonParser.Event start, int index, String field) {
    if (start == JsonParser.Event.VALUE_NULL) {
      return List.of();
    }
    if (start != JsonParser.Event.START_ARRAY) {
      throw ImportRejected.item(index, null, null, field + " must be an array");
    }
    List<String> strings = new ArrayList<>();
    for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_ARRAY; event = parser.next()) {
      strings.add(scalar(parser, event, index, field + "[" + strings.size() + "]"));
    }
    return strings;
  }

  /** Strings as they are; numbers and booleans by their JSON text; null as null. */
  static String scalar(JsonParser parser, JsonParser.Event event, int index, String field) {
    return switch (event) {
      case VALUE_STRING, VALUE_NUMBER -> parser.getString();
      case VALUE_TRUE -> "true";
      case VALUE_FALSE -> "false";
      case VALUE_NULL -> null;
      default -> throw ImportRejected.item(index, null, null, field + " must be a string, number, boolean or null");
    };
  }

  private static void skip(JsonParser parser, JsonParser.Event value) {
    if (value == JsonParser.Event.START_ARRAY) {
      parser.skipArray();
    } else if (value == JsonParser.Event.START_OBJECT) {
      parser.skipObject();
    }
  }

  static String where(JsonLocation location) {
    return location == null ? "" : " at line " + location.getLineNumber() + ", column " + location.getColumnNumber();
  }
}
