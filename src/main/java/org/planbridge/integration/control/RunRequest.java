package org.planbridge.integration.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.planbridge.platform.control.BadBody;
import org.planbridge.platform.control.JsonBody;

/**
 * The body of {@code POST /api/integration/{template}}: {@code {"simulate", "verbose", "stopOnError", "model"}}, the
 * three flags false unless given, {@code model} an array of elements or one element (an object). A key it does not
 * know is refused, not ignored: a misspelt {@code "simulte": true} would otherwise write for real.
 */
public record RunRequest(boolean simulate, boolean verbose, boolean stopOnError, List<JsonValue> elements) {

  static final String EXPECTED = "a run request object {\"simulate\", \"verbose\", \"stopOnError\", \"model\"}";
  private static final Set<String> KEYS = Set.of("simulate", "verbose", "stopOnError", "model");

  public static RunRequest read(InputStream body) {
    JsonObject json = JsonBody.object(body, EXPECTED);
    for (String key : json.keySet()) {
      if (!KEYS.contains(key)) {
        throw BadBody.malformed("Field '" + key + "' is not one of simulate, verbose, stopOnError and model.");
      }
    }
    JsonValue model = json.get("model");
    if (model == null || model.getValueType() == JsonValue.ValueType.NULL) {
      throw BadBody.malformed("Field 'model' is required: an array of elements, or one element (an object).");
    }
    List<JsonValue> elements = switch (model.getValueType()) {
      case ARRAY -> model.asJsonArray();
      case OBJECT -> List.of(model);
      default -> throw BadBody.malformed("Field 'model' must be an array of elements or one element (an object), "
          + "not a " + model.getValueType().name().toLowerCase(java.util.Locale.ROOT) + ".");
    };
    return new RunRequest(flag(json, "simulate"), flag(json, "verbose"), flag(json, "stopOnError"), elements);
  }

  private static boolean flag(JsonObject json, String name) {
    JsonValue value = json.get(name);
    if (value == null) {
      return false;
    }
    if (value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE) {
      return value.getValueType() == JsonValue.ValueType.TRUE;
    }
    throw BadBody.malformed("Field '" + name + "' must be true or false, not " + value + ".");
  }
}
