package org.planbridge.backoffice.nav;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.planbridge.platform.control.StorableText;
import org.planbridge.platform.control.Jsons;

/**
 * Which PlanBridge field goes into which field of the NAV page: the default mapping (the resource
 * {@code page-mapping.json}, the fields of Dime.Scheduler's appointment page), with a connector's own JSON
 * object over it, field by field ({@code {"subject": "Description", "body": null}}: a field to another page
 * field, or not sent). {@code resources} maps the assigned resources to the page's subpage part, and
 * {@code resourceNo} to the field of its lines; {@code fieldValues.<code>} an appointment field value.
 *
 * <p>Fields listed as optional in the default mapping are sent only when the page has them (the transaction id
 * is PlanBridge's own: an existing Dime.Scheduler page does not have it); every other mapped field the page
 * lacks, and every field the page requires that nothing fills, is a setup problem, named.
 */
public final class PageMapping {

  public static final String LINES = "resources";
  public static final String LINE_FIELD = "resourceNo";
  /** An appointment's field value by its field code: {@code fieldValues.REMARK}; none is mapped by default. */
  public static final String FIELD_VALUE = "fieldValues.";

  private static final Defaults DEFAULTS = Defaults.load(PageMapping.class, "page-mapping.json");

  /** PlanBridge field to page field, in the order they are sent. */
  private final Map<String, String> fields;
  private final Set<String> optional;

  private PageMapping(Map<String, String> fields, Set<String> optional) {
    this.fields = fields;
    this.optional = optional;
  }

  /** The PlanBridge fields a mapping can name. */
  public static Set<String> sources() {
    return DEFAULTS.fields.keySet();
  }

  /**
   * What is wrong with a connector's field mapping before any page is seen, or null: it must be a JSON object
   * whose names are PlanBridge fields and whose values are page field names (letters, digits, underscores) or
   * null.
   */
  public static String problem(String overrides) {
    JsonObject given = parse(overrides);
    return given == null ? "must be a JSON object of PlanBridge field names to page field names (or null: not sent)"
        : problem(given);
  }

  private static JsonObject parse(String overrides) {
    try (JsonReader reader = Jsons.JSON.createReader(new StringReader(overrides))) {
      return reader.readObject();
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String problem(JsonObject given) {
    for (Map.Entry<String, JsonValue> entry : given.entrySet()) {
      if (!sources().contains(entry.getKey()) && fieldCode(entry.getKey()) == null) {
        return "names '" + StorableText.printable(entry.getKey(), 60) + "', which is not a PlanBridge field; it maps "
            + String.join(", ", sources()) + ", and fieldValues.<field code> (an appointment field value)";
      }
      JsonValue value = entry.getValue();
      if (value.getValueType() == JsonValue.ValueType.NULL) {
        continue;
      }
      if (!(value instanceof JsonString name) || !name.getString().matches("[\\p{L}\\p{N}_]{1,250}")) {
        return "maps " + entry.getKey() + " to " + StorableText.printable(value.toString(), 60) + ", which is not a"
            + " page field name (letters, digits and underscores, as NAV writes captions) or null";
      }
    }
    return null;
  }

  /** The field code a mapping's source names ({@code fieldValues.REMARK}: REMARK), or null when it names none. */
  public static String fieldCode(String source) {
    String code = source.startsWith(FIELD_VALUE) ? source.substring(FIELD_VALUE.length()) : "";
    return code.isBlank() || code.length() > 100 ? null : code;
  }

  /** @throws NavSetupProblem when the connector's mapping is not one (see {@link #problem}) */
  static PageMapping of(String overrides) throws NavSetupProblem {
    return of(DEFAULTS, overrides);
  }

  /**
   * A connector's mapping over other defaults (another client's resource, with the same PlanBridge fields).
   *
   * @throws NavSetupProblem when the connector's mapping is not one (see {@link #problem})
   */
  public static PageMapping of(Defaults defaults, String overrides) throws NavSetupProblem {
    Map<String, String> fields = new LinkedHashMap<>(defaults.fields);
    Set<String> optional = new LinkedHashSet<>(defaults.optional);
    if (overrides != null && !overrides.isBlank()) {
      JsonObject given = parse(overrides);
      String problem = given == null ? problem(overrides) : problem(given);
      if (problem != null) {
        throw new NavSetupProblem("the connector's field mapping " + problem);
      }
      given.forEach((source, value) -> {
        optional.remove(source); // named by the connector: the page must have it
        fields.put(source, value instanceof JsonString name ? name.getString() : null);
      });
    }
    return new PageMapping(Collections.unmodifiableMap(fields), optional);
  }

  /**
   * The record's part of lines that takes the assigned resources, when the mapping maps both the part and the
   * line's field and the record has them; null when the resources are not sent.
   */
  public PageField lines(Map<String, PageField> record) {
    String part = fields.get(LINES);
    String line = fields.get(LINE_FIELD);
    PageField found = part == null ? null : record.get(part);
    return found != null && found.isLines() && line != null && found.lineFields().containsKey(line) ? found : null;
  }

  /** The mapping's page field for a PlanBridge field, or null when it is not sent. */
  public String target(String source) {
    return fields.get(source);
  }

  /** The mapped fields the page has, in order: PlanBridge field to page field (the lines excluded). */
  Map<String, PageField> resolve(PageWsdl page) {
    return resolve(page.fields());
  }

  /** The mapped fields of a record with these fields, in order (the lines excluded). */
  public Map<String, PageField> resolve(Map<String, PageField> record) {
    Map<String, PageField> resolved = new LinkedHashMap<>();
    fields.forEach((source, target) -> {
      if (target != null && !source.equals(LINES) && !source.equals(LINE_FIELD) && record.containsKey(target)) {
        resolved.put(source, record.get(target));
      }
    });
    return resolved;
  }

  /** What does not fit the page, each named; empty when the mapping works with it. */
  List<String> problems(PageWsdl page) {
    return problems(page.recordElement(), page.fields());
  }

  /** What does not fit the record {@code name} with these fields, each named; empty when the mapping works. */
  public List<String> problems(String name, Map<String, PageField> record) {
    List<String> problems = new ArrayList<>();
    Set<String> filled = new LinkedHashSet<>();
    fields.forEach((source, target) -> {
      if (target == null || source.equals(LINE_FIELD)) {
        return;
      }
      PageField field = record.get(target);
      if (field == null) {
        if (!optional.contains(source)) {
          problems.add("the page " + name + " has no field " + target + " (mapped from " + source + ")");
        }
      } else if (source.equals(LINES) != field.isLines()) {
        problems.add("the page's field " + target + (field.isLines() ? " is a subpage part of lines" : " is not a"
            + " subpage part") + ", and cannot take " + source);
      } else {
        filled.add(target);
      }
    });
    record.values().stream().filter(f -> f.required() && !filled.contains(f.name())).forEach(f ->
        problems.add("the page requires the field " + f.name() + ", which the mapping does not fill"));
    String lines = fields.get(LINES);
    String lineField = fields.get(LINE_FIELD);
    PageField part = lines == null ? null : record.get(lines);
    if (part != null && part.isLines()) {
      if (lineField == null) {
        problems.add("resourceNo is not mapped, so the lines of " + lines + " would be empty");
      } else if (!part.lineFields().containsKey(lineField)) {
        problems.add("the lines of " + lines + " have no field " + lineField + " (mapped from resourceNo)");
      }
      part.lineFields().values().stream().filter(f -> f.required() && !f.name().equals(lineField)).forEach(f ->
          problems.add("the lines of " + lines + " require the field " + f.name() + ", which the mapping does not"
              + " fill"));
    }
    return problems;
  }

  /** A default mapping, as data: a JSON resource with {@code fields} and {@code optional}, as page-mapping.json. */
  public record Defaults(Map<String, String> fields, Set<String> optional) {

    /** The resource next to {@code anchor}. */
    public static Defaults load(Class<?> anchor, String resource) {
      try (InputStream in = anchor.getResourceAsStream(resource);
          JsonReader reader = Jsons.JSON.createReader(in)) {
        JsonObject json = reader.readObject();
        Map<String, String> fields = new LinkedHashMap<>();
        json.getJsonObject("fields").forEach((source, target) -> fields.put(source,
            target instanceof JsonString name ? name.getString() : null));
        Set<String> optional = new LinkedHashSet<>();
        json.getJsonArray("optional").getValuesAs(JsonString.class).forEach(s -> optional.add(s.getString()));
        return new Defaults(Collections.unmodifiableMap(fields), Collections.unmodifiableSet(optional));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
