package org.planbridge.integration.control;

import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.planbridge.platform.control.Jsons;

/**
 * The line each value of a template's document starts on, by its path ({@code records[0].fields.JobNo}), so a
 * refusal can say where to look. Read event by event from the text that {@code JsonBody} has already accepted.
 */
final class Lines {

  /** An object or array being read: its path, and for an array the index of its next element. */
  private static final class Open {
    final String path;
    final boolean array;
    int next;

    Open(String path, boolean array) {
      this.path = path;
      this.array = array;
    }
  }

  private final Map<String, Long> byPath = new HashMap<>();

  private Lines() {}

  static Lines of(String document) {
    Lines lines = new Lines();
    Deque<Open> open = new ArrayDeque<>();
    String key = "";
    try (JsonParser parser = Jsons.JSON.createParser(new StringReader(document))) {
      while (parser.hasNext()) {
        JsonParser.Event event = parser.next();
        if (event == JsonParser.Event.KEY_NAME) {
          key = open.peek().path.isEmpty() ? parser.getString() : open.peek().path + "." + parser.getString();
          continue;
        }
        if (event == JsonParser.Event.END_OBJECT || event == JsonParser.Event.END_ARRAY) {
          open.pop();
          continue;
        }
        String path = open.isEmpty() ? "" : open.peek().array ? open.peek().path + "[" + open.peek().next++ + "]" : key;
        lines.byPath.putIfAbsent(path, parser.getLocation().getLineNumber());
        if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
          open.push(new Open(path, event == JsonParser.Event.START_ARRAY));
        }
      }
    }
    return lines;
  }

  /** The line of the path, or of its nearest enclosing value that has one; 1 when none has. */
  long lineOf(String path) {
    for (String at = path; !at.isEmpty(); at = parent(at)) {
      Long line = byPath.get(at);
      if (line != null) {
        return line;
      }
    }
    return 1;
  }

  private static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut < 0 ? "" : path.substring(0, cut);
  }
}
