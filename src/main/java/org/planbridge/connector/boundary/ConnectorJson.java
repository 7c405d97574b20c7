package org.planbridge.connector.boundary;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.planbridge.connector.control.ConnectorField;
import org.planbridge.connector.control.ConnectorInput;
import org.planbridge.connector.control.ConnectorViolation;
import org.planbridge.connector.entity.BackOfficeSystem;
import org.planbridge.connector.entity.Connector;
import org.planbridge.platform.control.Jsons;

/**
 * The admin API's connector JSON. Names follow the SDKs' Connector model where it has them; they
 * are matched case-insensitively. A request describes the whole connector (as PUT does): a field
 * left out is cleared, except {@code password}, which is write-only: left out or null keeps the
 * stored one, {@code ""} removes it. Answers carry {@code passwordSet} instead, never the password. The console's
 * connector form ({@code admin.boundary.ConnectorsPage}) sends the same JSON, so its rules are these.
 */
public final class ConnectorJson {

  private static final Map<String, ConnectorField> FIELDS = Stream.of(ConnectorField.values())
      .collect(Collectors.toMap(f -> f.jsonName().toLowerCase(Locale.ROOT), Function.identity()));
  /** What answers carry besides the fields: a client may send an answer back unchanged. */
  private static final Set<String> READ_ONLY = Set.of("id", "passwordset", "effectiveconcurrency", "pauseduntil",
      "createdat", "updatedat");

  private ConnectorJson() {}

  public static JsonObject toJson(Connector connector) {
    JsonObjectBuilder json = Jsons.JSON.createObjectBuilder();
    number(json, "id", connector.getId());
    text(json, "name", connector.getName());
    text(json, "description", connector.getDescription());
    text(json, "sourceApp", connector.getSourceApp());
    text(json, "sourceType", connector.getSourceType());
    json.add("sendAppointmentToWebService", connector.isSendAppointments());
    text(json, "backOfficeSystem", connector.getBackOfficeSystem() == null ? null : connector.getBackOfficeSystem().name());
    text(json, "backOfficeType", connector.getBackOfficeType());
    text(json, "uri", connector.getUri());
    text(json, "certificateFingerprint", connector.getCertificateFingerprint());
    text(json, "login", connector.getLogin());
    json.add("passwordSet", connector.isPasswordSet());
    text(json, "authenticationType", connector.getAuthenticationType() == null ? null
        : connector.getAuthenticationType().name());
    text(json, "company", connector.getCompany());
    text(json, "serviceName", connector.getServiceName());
    text(json, "timeZone", connector.getTimeZone());
    if (connector.getFieldMapping() == null) {
      json.addNull("fieldMapping");
    } else {
      try (JsonReader reader = Jsons.JSON.createReader(new StringReader(connector.getFieldMapping()))) {
        json.add("fieldMapping", reader.readObject());
      }
    }
    number(json, "concurrency", connector.getConcurrency());
    int effective = BackOfficeSystem.concurrencyLimit(connector.getBackOfficeSystem(), connector.getConcurrency());
    number(json, "effectiveConcurrency", effective == 0 ? null : effective);
    OffsetDateTime paused = connector.getPausedUntil();
    text(json, "pausedUntil", paused == null || !paused.isAfter(OffsetDateTime.now(ZoneOffset.UTC)) ? null
        : paused.withOffsetSameInstant(ZoneOffset.UTC).toString());
    text(json, "createdAt", connector.getCreatedAt() == null ? null : connector.getCreatedAt().toString());
    text(json, "updatedAt", connector.getUpdatedAt() == null ? null : connector.getUpdatedAt().toString());
    return json.build();
  }

  /** A create or update request as the connector's new fields; refuses unknown fields and wrong types by name. */
  public static ConnectorInput input(JsonObject json) {
    ConnectorInput input = new ConnectorInput();
    Map<ConnectorField, JsonValue> given = new EnumMap<>(ConnectorField.class);
    json.forEach((name, value) -> {
      String key = name.toLowerCase(Locale.ROOT);
      ConnectorField field = FIELDS.get(key);
      if (field == null) {
        if (!READ_ONLY.contains(key)) {
          throw new UnknownField(name);
        }
        return;
      }
      given.put(field, value);
    });
    for (ConnectorField field : ConnectorField.values()) {
      JsonValue value = given.getOrDefault(field, JsonValue.NULL);
      if (field == ConnectorField.PASSWORD) {
        if (value.getValueType() != JsonValue.ValueType.NULL) {
          input.set(field, string(field, value));
        }
        continue;
      }
      input.set(field, switch (field) {
        case SEND_APPOINTMENTS -> switch (value.getValueType()) {
          case TRUE, NULL -> Boolean.TRUE; // the SDKs' default
          case FALSE -> Boolean.FALSE;
          case STRING -> ConnectorInput.flag(field, ((JsonString) value).getString());
          default -> throw ConnectorViolation.invalid(field, "must be true or false");
        };
        case BACK_OFFICE_SYSTEM -> nameOrNumber(field, value, ConnectorInput::system, "must be a name or a number");
        case AUTHENTICATION_TYPE -> nameOrNumber(field, value, ConnectorInput::authentication,
            "must be a name or a number");
        case CONCURRENCY -> nameOrNumber(field, value, ConnectorInput::concurrency, "must be a whole number from 1 to "
            + ConnectorField.MAX_CONCURRENCY + " (or null)");
        case FIELD_MAPPING -> switch (value.getValueType()) {
          case NULL -> null;
          case OBJECT -> value.toString();
          default -> throw ConnectorViolation.invalid(field, "must be a JSON object (or null)");
        };
        default -> value.getValueType() == JsonValue.ValueType.NULL ? null : string(field, value);
      });
    }
    return input;
  }

  /** A field sent as a name or a number, or as the number's text: {@code parse} reads both; null clears it. */
  private static Object nameOrNumber(ConnectorField field, JsonValue value, Function<String, ?> parse,
      String expected) {
    return switch (value.getValueType()) {
      case NULL -> null;
      case STRING -> parse.apply(((JsonString) value).getString());
      case NUMBER -> parse.apply(((JsonNumber) value).toString());
      default -> throw ConnectorViolation.invalid(field, expected);
    };
  }

  private static String string(ConnectorField field, JsonValue value) {
    if (value instanceof JsonString text) {
      return text.getString();
    }
    throw ConnectorViolation.invalid(field, "must be a string");
  }

  private static void number(JsonObjectBuilder json, String name, Number value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value.longValue());
    }
  }

  private static void text(JsonObjectBuilder json, String name, String value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value);
    }
  }

  /** A field the connector does not have (a typo would otherwise be dropped without a word). */
  static final class UnknownField extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnknownField(String name) {
      super(name);
    }
  }
}
