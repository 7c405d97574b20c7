package org.planbridge.integration.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planbridge.platform.control.Jsons;

/** JSON as JSONata evaluates it (maps, lists, texts, longs and doubles, booleans), and a result as a value's text. */
final class JavaValues {

  private JavaValues() {}

  static Object of(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        ((JsonObject) value).forEach((key, item) -> map.put(key, of(item)));
        yield map;
      }
      case ARRAY -> {
        List<Object> list = new ArrayList<>();
        ((JsonArray) value).forEach(item -> list.add(of(item)));
        yield list;
      }
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> number((JsonNumber) value);
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
    };
  }

  private static Object number(JsonNumber number) {
    if (number.isIntegral()) {
      try {
        return number.bigDecimalValue().longValueExact();
      } catch (ArithmeticException e) {
        return number.doubleValue();
      }
    }
    return number.doubleValue();
  }

  /** A result as JSON: maps and lists as objects and arrays, numbers as they are, nothing as null. */
  static JsonValue json(Object value) {
    if (value == null || value == com.dashjoin.jsonata.Jsonata.NULL_VALUE) {
      return JsonValue.NULL;
    }
    if (value instanceof Map<?, ?> map) {
      jakarta.json.JsonObjectBuilder object = Jsons.JSON.createObjectBuilder();
      map.forEach((key, item) -> object.add(String.valueOf(key), json(item)));
      return object.build();
    }
    if (value instanceof List<?> list) {
      jakarta.json.JsonArrayBuilder array = Jsons.JSON.createArrayBuilder();
      list.forEach(item -> array.add(json(item)));
      return array.build();
    }
    if (value instanceof Boolean flag) {
      return flag ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (value instanceof Number number) {
      return Jsons.JSON.createValue(new BigDecimal(number.toString()));
    }
    return Jsons.JSON.createValue(value.toString());
  }

  /** A field's value as the import takes it: a text; null where there is none. */
  static String text(String field, Object value) {
    if (value == null || value == com.dashjoin.jsonata.Jsonata.NULL_VALUE) {
      return null;
    }
    if (value instanceof String text) {
      return text;
    }
    if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
      return value.toString();
    }
    if (value instanceof Number number) {
      BigDecimal decimal = new BigDecimal(number.toString()).stripTrailingZeros();
      return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
    }
    throw new ExpressionFailed(field, "gives a list or an object, not a text, a number or a boolean");
  }
}
