package org.planbridge.ingest.control;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.planbridge.planning.control.PlanningCollection;

/**
 * How the import sees one planning table. Its columns, types and lengths come from the schema; this
 * adds what the schema cannot say: the natural key, the parent that must exist, parameter names
 * that differ from column names (old SDK spellings, typed-route field names), parameters that are
 * accepted and ignored, parameters that are not columns, enumerations and durations.
 */
public record Target(
    String table,
    List<String> key,
    Parent parent,
    Map<String, String> aliases,
    Set<String> ignored,
    Set<String> extras,
    Set<String> identity,
    Map<String, Map<Integer, String>> enums,
    Set<String> durations,
    Map<String, Range> bounds) {

  /** The values a numeric column may take, both ends included. */
  public record Range(BigDecimal min, BigDecimal max) {
    public boolean contains(Number value) {
      BigDecimal number = new BigDecimal(value.toString());
      return number.compareTo(min) >= 0 && number.compareTo(max) <= 0;
    }
  }

  /** A record that must exist before a child refers to it. */
  public record Parent(String table, List<String> childColumns, List<String> parentColumns, String label) {}

  public static Target of(String table, String... key) {
    return new Target(table, List.of(key), null, Map.of(), Set.of(), Set.of(), Set.of(), Map.of(), Set.of(),
        Map.of());
  }

  public Target parent(String label, String table, List<String> childColumns, List<String> parentColumns) {
    return new Target(this.table, key, new Parent(table, childColumns, parentColumns, label), aliases, ignored,
        extras, identity, enums, durations, bounds);
  }

  /** Pairs of (parameter name, column). */
  public Target aliases(String... pairs) {
    Map<String, String> more = new HashMap<>(aliases);
    for (int i = 0; i < pairs.length; i += 2) {
      more.put(Names.normalize(pairs[i]), pairs[i + 1]);
    }
    return new Target(table, key, parent, Map.copyOf(more), ignored, extras, identity, enums, durations, bounds);
  }

  /** The SDK model's field names for the table's columns (see {@link PlanningCollection}), accepted as parameters. */
  public Target model(PlanningCollection collection) {
    List<String> pairs = new ArrayList<>();
    collection.modelNames().forEach((column, field) -> {
      pairs.add(field);
      pairs.add(column);
    });
    return aliases(pairs.toArray(String[]::new));
  }

  public Target ignoring(String... parameters) {
    return new Target(table, key, parent, aliases, normalized(ignored, parameters), extras, identity, enums, durations,
        bounds);
  }

  public Target extras(String... parameters) {
    return new Target(table, key, parent, aliases, ignored, normalized(extras, parameters), identity, enums, durations,
        bounds);
  }

  /** Columns that name the record in a partial update without being written by it. */
  public Target identity(String... columns) {
    return new Target(table, key, parent, aliases, ignored, extras, Set.of(columns), enums, durations, bounds);
  }

  /** An enumeration: pairs of (value, label). */
  public Target enumerated(String column, Object... valuesAndLabels) {
    Map<Integer, String> values = new LinkedHashMap<>();
    for (int i = 0; i < valuesAndLabels.length; i += 2) {
      values.put((Integer) valuesAndLabels[i], (String) valuesAndLabels[i + 1]);
    }
    Map<String, Map<Integer, String>> more = new HashMap<>(enums);
    more.put(column, values);
    return new Target(table, key, parent, aliases, ignored, extras, identity, Map.copyOf(more), durations, bounds);
  }

  /** Columns holding a duration in seconds; the SDKs send .NET ticks or hh:mm:ss. */
  public Target durations(String... columns) {
    return new Target(table, key, parent, aliases, ignored, extras, identity, enums, Set.of(columns), bounds);
  }

  /** A numeric column's range (a latitude's -90 to 90), checked before anything is written. */
  public Target bounded(String column, long min, long max) {
    Map<String, Range> more = new HashMap<>(bounds);
    more.put(column, new Range(BigDecimal.valueOf(min), BigDecimal.valueOf(max)));
    return new Target(table, key, parent, aliases, ignored, extras, identity, enums, durations, Map.copyOf(more));
  }

  private static Set<String> normalized(Set<String> existing, String... parameters) {
    Set<String> all = java.util.stream.Stream.of(parameters).map(Names::normalize).collect(Collectors.toSet());
    all.addAll(existing);
    return Set.copyOf(all);
  }
}
