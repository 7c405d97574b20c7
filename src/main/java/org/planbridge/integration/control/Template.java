package org.planbridge.integration.control;

import java.util.List;

/**
 * An integration template as validated: an import template ({@code in}) has records, an export template
 * ({@code out}) the kind of record it reads ({@code source}) and its fields. {@code document} is the JSON as saved.
 */
public record Template(String name, String description, Direction direction, List<RecordMapping> records,
    String source, List<FieldSource> fields, String document) {

  public enum Direction { IN, OUT;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The element fields it reads by name (expressions read what they like, so they are listed as written). */
  public List<String> reads() {
    return allFields().stream().map(f -> f.isExpression() ? f.text() : f.name()).distinct().toList();
  }

  /** The fields it writes: the procedures' parameters, or the target's field names. */
  public List<String> writes() {
    return direction == Direction.IN
        ? records.stream().flatMap(r -> r.fields().stream().map(f -> r.record() + "." + f.target())).toList()
        : fields.stream().map(FieldSource::target).toList();
  }

  private List<FieldSource> allFields() {
    return direction == Direction.IN ? records.stream().flatMap(r -> r.fields().stream()).toList() : fields;
  }
}
