package org.planbridge.platform.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A key to be created, as the admin API's {@code POST /api/admin/keys} asks for it:
 * {@code {"name": "...", "scopes": ["ingest"], "sourceApps": ["BC"]}}. {@link #parse} is the one set
 * of rules, each refusal a {@link KeyViolation} naming the field (and the index in a list). Field
 * names match without case, as on every route.
 *
 * @param sourceApps null: every Source App
 */
public record NewKey(String name, Set<Scope> scopes, List<String> sourceApps) {

  public static final int MAX_NAME = 100;
  /** As {@code connector.source_app} and the planning tables' {@code source_app}. */
  public static final int MAX_SOURCE_APP = 30;
  /** The {@code api_key.source_apps} column, which holds the list as JSON array text. */
  public static final int MAX_SOURCE_APPS_TEXT = 4000;
  static final String FIELDS = "name, scopes, sourceApps";

  public NewKey {
    scopes = Collections.unmodifiableSet(EnumSet.copyOf(scopes));
    sourceApps = sourceApps == null ? null : List.copyOf(sourceApps);
  }

  /** The request body as a new key; nothing is written before this has accepted all of it. */
  public static NewKey parse(JsonObject body) {
    JsonValue name = null;
    JsonValue scopes = null;
    JsonValue sourceApps = null;
    for (Map.Entry<String, JsonValue> field : body.entrySet()) {
      switch (field.getKey().toLowerCase(Locale.ROOT)) {
        case "name" -> name = field.getValue();
        case "scopes" -> scopes = field.getValue();
        case "sourceapps" -> sourceApps = field.getValue();
        default -> throw KeyViolation.invalid(StorableText.printable(field.getKey(), 50), "is not a field of an API key; fields: "
            + FIELDS + ".");
      }
    }
    return new NewKey(name(name), scopes(scopes), sourceApps(sourceApps));
  }

  private static String name(JsonValue value) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      throw KeyViolation.invalid("name", "is required: how people will tell this key apart, at most " + MAX_NAME
          + " characters.");
    }
    return text("name", value, MAX_NAME);
  }

  private static Set<Scope> scopes(JsonValue value) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      throw KeyViolation.invalid("scopes", "is required: a list of one or more of " + Scope.accepted() + ".");
    }
    if (!(value instanceof JsonArray array)) {
      throw KeyViolation.invalid("scopes", "must be an array of scopes (" + Scope.accepted() + ").");
    }
    if (array.isEmpty()) {
      throw KeyViolation.invalid("scopes", "must name at least one scope (" + Scope.accepted() + ").");
    }
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (int i = 0; i < array.size(); i++) {
      String field = "scopes[" + i + "]";
      if (!(array.get(i) instanceof JsonString text)) {
        throw KeyViolation.invalid(field, "must be a string, one of " + Scope.accepted() + ".");
      }
      String name = text.getString();
      Scope scope = Scope.parse(name).orElseThrow(() -> KeyViolation.invalid(field, "'" + StorableText.printable(name, 50)
          + "' is not a scope; scopes are " + Scope.accepted()));
      if (!scopes.add(scope)) {
        throw KeyViolation.invalid(field, "'" + name + "' is listed twice.");
      }
    }
    return scopes;
  }

  private static List<String> sourceApps(JsonValue value) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(value instanceof JsonArray array)) {
      throw KeyViolation.invalid("sourceApps", "must be an array of Source Apps, or null (or left out) for every"
          + " Source App.");
    }
    if (array.isEmpty()) {
      throw KeyViolation.invalid("sourceApps", "an empty list would limit the key to no Source App; send null (or"
          + " leave it out) for every Source App.");
    }
    List<String> sourceApps = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      String field = "sourceApps[" + i + "]";
      String sourceApp = text(field, array.get(i), MAX_SOURCE_APP);
      if (!seen.add(sourceApp)) {
        throw KeyViolation.invalid(field, "'" + StorableText.printable(sourceApp, 50) + "' is listed twice.");
      }
      sourceApps.add(sourceApp);
    }
    int stored = StoredKey.sourceAppsColumn(sourceApps).length();
    if (stored > MAX_SOURCE_APPS_TEXT) {
      throw KeyViolation.invalid("sourceApps", "too many: stored, the list takes " + stored + " characters, more"
          + " than the " + MAX_SOURCE_APPS_TEXT + " allowed.");
    }
    return sourceApps;
  }

  /** A string field: not blank, at most {@code max} UTF-16 units, nothing that cannot be stored. */
  private static String text(String field, JsonValue value, int max) {
    if (!(value instanceof JsonString json)) {
      throw KeyViolation.invalid(field, "must be a string.");
    }
    String text = json.getString();
    String problem = StorableText.problem(text, max);
    if (problem != null) {
      throw KeyViolation.invalid(field, problem + ".");
    }
    if (text.isBlank()) {
      throw KeyViolation.invalid(field, "must not be blank.");
    }
    return text;
  }

}
