package org.planbridge.integration.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import org.planbridge.platform.control.Jsons;

/**
 * Turns one PlanBridge record, as its JSON (an appointment with its resources and latest transaction, a task, a
 * job, a resource), into the target's fields of an export template: each field the record's field of that name,
 * or its expression's value over the record.
 */
public final class ExportMapper {

  private ExportMapper() {}

  public static JsonObject map(Template template, JsonObject record, Sandbox sandbox) {
    JavaValues values = new JavaValues();
    Object input = values.java(record);
    JsonObjectBuilder mapped = Jsons.JSON.createObjectBuilder();
    for (FieldSource field : template.fields()) {
      Object value = field.isExpression() ? sandbox.evaluate(field.target(), field.expression(), input, Map.of())
          : ((Map<?, ?>) input).get(field.name());
      mapped.add(field.target(), values.json(value));
    }
    return mapped.build();
  }
}
