package org.planbridge.ingest.control;

import java.util.Map;

/**
 * An item whose parameters have been matched to columns and parsed: {@code values} by column,
 * {@code extras} (parameters that are not columns) by normalised name, and the parameter names as
 * the client spelled them, for messages.
 */
public record BoundItem(ImportItem item, Procedure procedure, Map<String, Object> values,
    Map<String, String> extras, Map<String, String> sentNames) {

  public int index() {
    return item.index();
  }

  public String nameOf(String column) {
    return sentNames.getOrDefault(column, Names.parameterOf(column));
  }
}
