package org.planbridge.integration.control;

import com.dashjoin.jsonata.Jsonata;

/**
 * Where a target field's value comes from: a field of the incoming element or record ({@code name}), or a JSONata
 * expression over it ({@code expression}, compiled; {@code text} as written).
 */
public record FieldSource(String target, String name, String text, Jsonata expression) {

  public boolean isExpression() {
    return expression != null;
  }
}
