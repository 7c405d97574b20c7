package org.planbridge.backoffice.bconline;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Map;
import org.planbridge.backoffice.nav.NavSetupProblem;
import org.planbridge.backoffice.nav.PageField;
import org.planbridge.backoffice.nav.PageMapping;
import org.planbridge.backoffice.nav.PagePayload;
import org.planbridge.platform.control.Jsons;

/**
 * The JSON record of one transaction for the API page: each mapped property the entity has, its value written as
 * the SOAP page writes it ({@link PagePayload#value}) and typed as the property is (numbers, booleans, strings);
 * nulls left out; the resources as the lines' collection, inserted with the record.
 */
final class RestPayload {

  private RestPayload() {}

  /** @throws NavSetupProblem when a value cannot take its property's type, naming both */
  static JsonObject create(JsonObject change, ApiMetadata entity, PageMapping mapping, ZoneId zone)
      throws NavSetupProblem {
    JsonObjectBuilder record = Jsons.JSON.createObjectBuilder();
    for (Map.Entry<String, PageField> entry : mapping.resolve(entity.fields()).entrySet()) {
      PageField field = entry.getValue();
      String value = PagePayload.value(change, entry.getKey(), field, zone);
      if (value != null) {
        record.add(field.name(), json(value, field.type()));
      }
    }
    PageField part = mapping.lines(entity.fields());
    if (part != null) {
      String lineField = mapping.target(PageMapping.LINE_FIELD);
      JsonArrayBuilder array = Jsons.JSON.createArrayBuilder();
      change.getJsonObject("appointment").getJsonArray("resources").getValuesAs(JsonString.class)
          .forEach(resource -> array.add(Jsons.JSON.createObjectBuilder().add(lineField, resource.getString())));
      record.add(part.name(), array);
    }
    return record.build();
  }

  private static JsonValue json(String value, String type) {
    return switch (type) {
      case "int", "long", "short", "decimal", "double", "float" -> Jsons.JSON.createValue(new BigDecimal(value));
      case "boolean" -> Boolean.parseBoolean(value) ? JsonValue.TRUE : JsonValue.FALSE;
      default -> Jsons.JSON.createValue(value);
    };
  }
}
