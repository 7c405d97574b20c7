package org.planbridge.integration.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planbridge.platform.control.Jsons;

/**
 * JSON as JSONata evaluates it (maps, lists, texts, longs and doubles, booleans), and a result as a value's text or
 * JSON, for one element or record.
 *
 * <p>A number JSON sent exactly that a double cannot hold (a decimal of more than 15 or so significant digits, an
 * integer beyond a long) still goes in as a double, because JSONata for Java computes only on doubles and longs (it
 * takes a {@code BigDecimal} for an integer: {@code $abs(1.5)} of one is 1). What was sent is kept for that very
 * double object, so a value a field takes over unchanged, by name or through an expression that only selects it,
 * is stored exactly as sent; only a value an expression computes is the double's.
 */
final class JavaValues {

  /** The exact number each double made here stands for, by identity (a computed double is a new object). */
  private final Map<Object, BigDecimal> sent = new IdentityHashMap<>();

  /** {@code value} as JSONata takes it; its numbers' exact values kept for {@link #text} and {@link #json}. */
  Object java(JsonValue value) {
    return switch (value.getValueType()) {
      case OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        ((JsonObject) value).forEach((key, item) -> map.put(key, java(item)));
        yield map;
      }
      case ARRAY -> {
        List<Object> list = new ArrayList<>();
        ((JsonArray) value).forEach(item -> list.add(java(item)));
        yield list;
      }
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> number((JsonNumber) value);
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
    };
  }

  private Object number(JsonNumber number) {
    BigDecimal exact = number.bigDecimalValue();
    if (number.isIntegral()) {
      try {
        return exact.longValueExact();
      } catch (ArithmeticException beyondLong) {
        // a double below, its exact value kept
      }
    }
    Double approximate = Double.valueOf(exact.doubleValue()); // a new object each time: the key of this number
    sent.put(approximate, exact);
    return approximate;
  }

  /** A result as JSON: maps and lists as objects and arrays, numbers as they are (as sent, if sent), none as null. */
  JsonValue json(Object value) {
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
      return Jsons.JSON.createValue(decimal(number));
    }
    return Jsons.JSON.createValue(value.toString());
  }

  /** A field's value as the import takes it: a text (a number as sent, if sent); null where there is none. */
  String text(String field, Object value) {
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
      BigDecimal exact = sent.get(number);
      if (exact != null) {
        return exact.toPlainString();
      }
      BigDecimal decimal = new BigDecimal(number.toString()).stripTrailingZeros();
      return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
    }
    throw new ExpressionFailed(field, "gives a list or an object, not a text, a number or a boolean");
  }

  private BigDecimal decimal(Number number) {
    BigDecimal exact = sent.get(number);
    return exact != null ? exact : new BigDecimal(number.toString());
  }
}
