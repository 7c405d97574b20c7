package org.planbridge.platform.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * A row of {@code api_key} as the admin API shows it: never the key's hash, only its first
 * characters ({@code keyPrefix}, null for keys stored before there was one). Scopes iterate in their
 * declared order. Also the one place that says how scopes and Source Apps are written in their columns.
 */
public record StoredKey(long id, String name, Set<Scope> scopes, List<String> sourceApps, String keyPrefix,
    Instant createdAt, Instant revokedAt) {

  private static final Logger LOG = Logger.getLogger(StoredKey.class.getName());

  public StoredKey {
    scopes = Collections.unmodifiableSet(scopes.isEmpty() ? EnumSet.noneOf(Scope.class) : EnumSet.copyOf(scopes));
    sourceApps = sourceApps == null ? null : List.copyOf(sourceApps);
  }

  /** The {@code scopes} column: comma-separated names ({@code ingest,admin}). */
  static String scopesColumn(Set<Scope> scopes) {
    return EnumSet.copyOf(scopes).stream().map(Scope::wireName).collect(Collectors.joining(","));
  }

  /**
   * The scopes a column holds. A name this version does not know (written by a newer one) grants
   * nothing here: a key never gets more than it was given.
   */
  static Set<Scope> scopes(String column) {
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (String name : column == null ? new String[0] : column.split(",")) {
      Scope.parse(name.strip()).ifPresentOrElse(scopes::add,
          () -> LOG.warning("api_key.scopes names an unknown scope; it grants nothing: " + name.strip()));
    }
    return scopes;
  }

  /** The {@code source_apps} column: JSON array text, or null for every Source App. */
  static String sourceAppsColumn(List<String> sourceApps) {
    if (sourceApps == null) {
      return null;
    }
    JsonArrayBuilder array = Jsons.JSON.createArrayBuilder();
    sourceApps.forEach(array::add);
    return array.build().toString();
  }

  /**
   * The Source Apps a column holds. A column that cannot be read limits the key to nothing rather
   * than opening it to every Source App.
   */
  static List<String> sourceApps(String column) {
    if (column == null) {
      return null;
    }
    try {
      JsonArray array = Jsons.JSON.createReader(new StringReader(column)).readArray();
      List<String> sourceApps = new ArrayList<>();
      for (JsonValue value : array) {
        if (value instanceof JsonString text) {
          sourceApps.add(text.getString());
        }
      }
      return sourceApps;
    } catch (JsonException | IllegalStateException e) {
      LOG.warning("api_key.source_apps is not a JSON array of strings; the key is limited to no Source App.");
      return List.of();
    }
  }
}
