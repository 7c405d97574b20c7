package org.planbridge.ingest.control;

import java.util.Map;
import org.planbridge.connector.control.ConnectorInput;
import org.planbridge.planning.control.ColumnNames;

/**
 * An item whose parameters have been matched to columns and parsed: {@code values} by column,
 * {@code extras} (parameters that are not columns) by normalised name, and the parameter names as
 * the client spelled them, for messages. A connector item carries its fields as a
 * {@link ConnectorInput} instead (its {@code sentNames} keyed by the connector field's JSON name).
 */
public record BoundItem(ImportItem item, Procedure procedure, Map<String, Object> values,
    Map<String, String> extras, Map<String, String> sentNames, ConnectorInput connector) {

  public BoundItem(ImportItem item, Procedure procedure, Map<String, Object> values,
      Map<String, String> extras, Map<String, String> sentNames) {
    this(item, procedure, values, extras, sentNames, null);
  }

  public int index() {
    return item.index();
  }

  public String nameOf(String column) {
    return sentNames.getOrDefault(column, ColumnNames.parameterOf(column));
  }
}
