package org.planbridge.ingest.control;

import jakarta.json.stream.JsonParser;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.planbridge.platform.control.BadBody;
import org.planbridge.platform.control.JsonBody;

/**
 * Reads the body of {@code POST /api/import}, a JSON array of {@code {"StoredProcedureName",
 * "ParameterNames", "ParameterValues"}}, as a stream: a large request is never held as a tree. The
 * rules every JSON body follows (UTF-8, ends at end of input, nesting, no key twice) are
 * {@link JsonBody}'s.
 */
public final class ImportRequestReader {

  private static final String EXPECTED = "a JSON array of procedure calls";

  private ImportRequestReader() {}

  public static List<ImportItem> read(InputStream body) {
    try {
      return JsonBody.parse(body, EXPECTED, ImportRequestReader::items);
    } catch (BadBody e) {
      throw ImportRejected.of(e);
    }
  }

  private static List<ImportItem> items(JsonParser parser) {
    if (JsonBody.next(parser, EXPECTED) != JsonParser.Event.START_ARRAY) {
      throw ImportRejected.request("The body must be a JSON array of procedure calls"
          + " ({\"StoredProcedureName\": ..., \"ParameterNames\": [...], \"ParameterValues\": [...]}).");
    }
    List<ImportItem> items = new ArrayList<>();
    while (true) {
      JsonParser.Event event = JsonBody.next(parser, EXPECTED);
      if (event == JsonParser.Event.END_ARRAY) {
        break;
      }
      if (event != JsonParser.Event.START_OBJECT) {
        throw ImportRejected.item(items.size(), null, null,
            "must be an object with StoredProcedureName, ParameterNames and ParameterValues");
      }
      items.add(readItem(parser, items.size()));
    }
    JsonBody.end(parser, EXPECTED);
    return items;
  }

  private static ImportItem readItem(JsonParser parser, int index) {
    String procedure = null;
    List<String> names = List.of();
    List<String> values = List.of();
    Set<String> seen = new HashSet<>();
    for (JsonParser.Event event = JsonBody.next(parser, EXPECTED); event != JsonParser.Event.END_OBJECT;
        event = JsonBody.next(parser, EXPECTED)) {
      String key = JsonBody.key(parser, seen).toLowerCase(Locale.ROOT);
      JsonParser.Event value = JsonBody.next(parser, EXPECTED);
      switch (key) {
        case "storedprocedurename" -> procedure = scalar(parser, value, index, "StoredProcedureName");
        case "parameternames" -> names = strings(parser, value, index, "ParameterNames");
        case "parametervalues" -> values = strings(parser, value, index, "ParameterValues");
        default -> JsonBody.skip(parser, value, 3);
      }
    }
    if (seen.isEmpty()) {
      // The JS SDK sends {} for the deletes its models do not have (action URIs, appointment categories, ...).
      throw ImportRejected.item(index, null, null, "is an empty object, with no procedure to run: the SDK sends one"
          + " for a delete that has no procedure; delete through the typed route (DELETE /api/<route>) instead");
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
    for (JsonParser.Event event = JsonBody.next(parser, EXPECTED); event != JsonParser.Event.END_ARRAY;
        event = JsonBody.next(parser, EXPECTED)) {
      strings.add(scalar(parser, event, index, field + "[" + strings.size() + "]"));
    }
    return strings;
  }

  /** Strings as they are; numbers and booleans by their JSON text; null as null. */
  static String scalar(JsonParser parser, JsonParser.Event event, int index, String field) {
    return switch (event) {
      case VALUE_STRING -> parser.getString();
      case VALUE_NUMBER -> {
        JsonBody.number(parser); // checked, then kept as sent
        yield parser.getString();
      }
      case VALUE_TRUE -> "true";
      case VALUE_FALSE -> "false";
      case VALUE_NULL -> null;
      default -> throw ImportRejected.item(index, null, null, field + " must be a string, number, boolean or null");
    };
  }
}
