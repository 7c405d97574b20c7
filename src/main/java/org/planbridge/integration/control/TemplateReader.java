package org.planbridge.integration.control;

import com.dashjoin.jsonata.Jsonata;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.planbridge.ingest.control.Operation;
import org.planbridge.ingest.control.Procedure;
import org.planbridge.ingest.control.ProcedureCatalog;
import org.planbridge.platform.control.BadBody;
import org.planbridge.platform.control.JsonBody;

/**
 * Reads and validates a template's document on save: read by {@link JsonBody} like any body, then checked field by
 * field, every violation naming its line ({@link Lines}) and field. An import template's records are the ones the
 * {@link ProcedureCatalog} upserts, named by their table ({@code job}, {@code task}, {@code resource},
 * {@code appointment}, ...); its target fields are that procedure's parameters.
 */
public final class TemplateReader {

  public static final int MAX_CHARS = 65_536;
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,99}");
  /** The kinds of record an export template reads. */
  public static final Set<String> SOURCES = Set.of("appointments", "tasks", "jobs", "resources");
  private static final Set<String> TOP = Set.of("name", "description", "direction", "records", "source", "fields");
  private static final Set<String> RECORD = Set.of("record", "insert", "update", "defaults", "each", "fields");

  private final TargetFields targets;
  private final List<TemplateViolation> violations = new ArrayList<>();
  private Lines lines;

  private TemplateReader(TargetFields targets) {
    this.targets = targets;
  }

  /** The record names an import template may fill, with the procedure that upserts each. */
  public static Map<String, Procedure> records() {
    Map<String, Procedure> records = new LinkedHashMap<>();
    for (Procedure procedure : ProcedureCatalog.all()) {
      if (procedure.operation() == Operation.UPSERT || procedure.operation() == Operation.UPSERT_APPOINTMENT) {
        records.putIfAbsent(procedure.target().table(), procedure);
      }
    }
    return records;
  }

  public static Template read(String document, TargetFields targets) {
    return new TemplateReader(targets).template(document);
  }

  private Template template(String document) {
    JsonObject json;
    try {
      json = JsonBody.object(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)), "a template object");
    } catch (BadBody e) {
      throw new TemplateInvalid(List.of(new TemplateViolation(1, null, e.getMessage())));
    }
    // Read as any body first (its checks and messages), then measured: the admin body limit bounds the reading.
    if (document.length() > MAX_CHARS) {
      throw new TemplateInvalid(List.of(new TemplateViolation(1, null, "the template has " + document.length()
          + " characters; at most " + MAX_CHARS + " are accepted")));
    }
    lines = Lines.of(document);
    unknownKeys(json, TOP, "");
    String name = text(json, "name", "name", true);
    if (name != null && !NAME.matcher(name).matches()) {
      violation("name", "must be 1 to 100 letters, digits, '-' or '_', starting with a letter or digit");
    } else if (name != null && name.equalsIgnoreCase("templates")) {
      violation("name", "'templates' is taken: /api/integration/templates lists the templates");
    }
    String description = text(json, "description", "description", false);
    if (description != null && description.length() > 1000) {
      violation("description", "has more than 1000 characters");
    }
    String directionText = text(json, "direction", "direction", true);
    Template.Direction direction = null;
    if (directionText != null) {
      direction = switch (directionText) {
        case "in" -> Template.Direction.IN;
        case "out" -> Template.Direction.OUT;
        default -> {
          violation("direction", "must be \"in\" or \"out\", not \"" + directionText + "\"");
          yield null;
        }
      };
    }
    List<RecordMapping> records = direction == Template.Direction.IN ? records(json) : List.of();
    String source = direction == Template.Direction.OUT ? text(json, "source", "source", true) : null;
    if (source != null && !SOURCES.contains(source)) {
      violation("source", "must be one of " + String.join(", ", SOURCES.stream().sorted().toList()));
    }
    List<FieldSource> fields = direction == Template.Direction.OUT ? fields(json, "fields", null) : List.of();
    if (!violations.isEmpty()) {
      throw new TemplateInvalid(violations);
    }
    return new Template(name, description, direction, records, source, fields, document);
  }

  private List<RecordMapping> records(JsonObject json) {
    JsonValue value = json.get("records");
    if (!(value instanceof jakarta.json.JsonArray array) || array.isEmpty()) {
      violation("records", "an import template needs a non-empty array of records");
      return List.of();
    }
    Map<String, Procedure> known = records();
    List<RecordMapping> records = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String path = "records[" + i + "]";
      if (!(array.get(i) instanceof JsonObject record)) {
        violation(path, "must be an object");
        continue;
      }
      unknownKeys(record, RECORD, path + ".");
      String name = text(record, "record", path + ".record", true);
      Procedure procedure = name == null ? null : known.get(name.toLowerCase(Locale.ROOT));
      if (name != null && procedure == null) {
        violation(path + ".record", "unknown record '" + name + "'; known: " + String.join(", ", known.keySet()));
      }
      Jsonata each = Optional.ofNullable(text(record, "each", path + ".each", false))
          .map(text -> expression(path + ".each", text)).orElse(null);
      Map<String, String> defaults = defaults(record, path, procedure);
      List<FieldSource> fields = fields(record, path + ".fields", procedure);
      records.add(new RecordMapping(name, procedure, flag(record, "insert", path), flag(record, "update", path),
          defaults, each, fields));
    }
    return records;
  }

  private Map<String, String> defaults(JsonObject record, String path, Procedure procedure) {
    Map<String, String> defaults = new LinkedHashMap<>();
    JsonValue value = record.get("defaults");
    if (value == null) {
      return defaults;
    }
    if (!(value instanceof JsonObject object)) {
      violation(path + ".defaults", "must be an object of target field names and texts");
      return defaults;
    }
    object.forEach((field, given) -> {
      String at = path + ".defaults." + field;
      targetField(procedure, field, at);
      if (given instanceof JsonString text) {
        defaults.put(field, text.getString());
      } else {
        violation(at, "must be a text");
      }
    });
    return defaults;
  }

  private List<FieldSource> fields(JsonObject owner, String path, Procedure procedure) {
    JsonValue value = owner.get("fields");
    if (!(value instanceof JsonObject object) || object.isEmpty()) {
      violation(path, "must be a non-empty object: each target field with its source");
      return List.of();
    }
    List<FieldSource> fields = new ArrayList<>();
    object.forEach((target, source) -> {
      String at = path + "." + target;
      if (procedure != null) {
        targetField(procedure, target, at);
      }
      if (source instanceof JsonString name && !name.getString().isBlank()) {
        fields.add(new FieldSource(target, name.getString(), null, null));
      } else if (source instanceof JsonObject expression && expression.size() == 1
          && expression.get("expression") instanceof JsonString text) {
        fields.add(new FieldSource(target, null, text.getString(), expression(at + ".expression", text.getString())));
      } else {
        violation(at, "must be a field name of the element, or {\"expression\": \"a JSONata expression\"}");
      }
    });
    return fields;
  }

  private void targetField(Procedure procedure, String field, String at) {
    if (procedure != null && !targets.accepts(procedure, field)) {
      violation(at, "'" + field + "' is not a field of " + procedure.target().table() + " (a parameter of "
          + procedure.name() + ")");
    }
  }

  private Jsonata expression(String at, String text) {
    try {
      return Sandbox.compile(at, text);
    } catch (ExpressionFailed e) {
      violation(at, e.getMessage());
      return null;
    }
  }

  private boolean flag(JsonObject record, String name, String path) {
    JsonValue value = record.get(name);
    if (value == null) {
      return true;
    }
    if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
      violation(path + "." + name, "must be true or false");
    }
    return value == JsonValue.TRUE;
  }

  private String text(JsonObject json, String name, String path, boolean required) {
    JsonValue value = json.get(name);
    if (value == null || value == JsonValue.NULL) {
      if (required) {
        violation(path, "is missing");
      }
      return null;
    }
    if (value instanceof JsonString text) {
      return text.getString();
    }
    violation(path, "must be a text");
    return null;
  }

  private void unknownKeys(JsonObject json, Set<String> known, String prefix) {
    json.keySet().stream().filter(key -> !known.contains(key))
        .forEach(key -> violation(prefix + key, "is not a field of a template; known: " + String.join(", ",
            known.stream().sorted().toList())));
  }

  private void violation(String path, String problem) {
    violations.add(new TemplateViolation(lines == null ? 1 : lines.lineOf(path), path, problem));
  }
}
