package org.planbridge.connector.control;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.planbridge.backoffice.nav.PageMapping;
import org.planbridge.backoffice.tls.BackOfficeTrust;
import org.planbridge.connector.entity.Authentication;
import org.planbridge.connector.entity.BackOfficeSystem;
import org.planbridge.platform.control.StorableText;

/**
 * The fields of a connector as one request sets them. A field that is absent is left as it is; a
 * field present with null is cleared (for the password: removed). Values are typed: text as
 * {@link String}, {@link ConnectorField#SEND_APPOINTMENTS} as {@link Boolean},
 * {@link ConnectorField#BACK_OFFICE_SYSTEM} as {@link BackOfficeSystem}, {@link ConnectorField#AUTHENTICATION_TYPE}
 * as {@link Authentication}, {@link ConnectorField#CONCURRENCY} as {@link Integer},
 * {@link ConnectorField#FIELD_MAPPING} as the JSON object's text. Each API turns its own wire format into this with
 * {@link #flag}, {@link #system}, {@link #authentication} and {@link #concurrency}, so the rules live once.
 */
public final class ConnectorInput {

  private final Map<ConnectorField, Object> values = new EnumMap<>(ConnectorField.class);

  public ConnectorInput set(ConnectorField field, Object value) {
    values.put(field, value);
    return this;
  }

  public boolean has(ConnectorField field) {
    return values.containsKey(field);
  }

  public Object get(ConnectorField field) {
    return values.get(field);
  }

  public String text(ConnectorField field) {
    return (String) values.get(field);
  }

  public Iterable<Map.Entry<ConnectorField, Object>> entries() {
    return values.entrySet();
  }

  /**
   * Refuses text that is too long (in UTF-16 units) or that cannot be stored as sent, by the rule of
   * {@link StorableText}, and name or Source App sent empty; the other rules need the stored connector.
   */
  public ConnectorInput check() {
    values.forEach((field, value) -> {
      if (field.isText() && value instanceof String text) {
        String problem = StorableText.problem(text, field.maxLength());
        if (problem != null) {
          throw ConnectorViolation.invalid(field, problem);
        }
      }
    });
    refuse(ConnectorField.TIME_ZONE, ConnectorInput::zoneProblem);
    refuse(ConnectorField.CERTIFICATE_FINGERPRINT, BackOfficeTrust::pinProblem);
    refuse(ConnectorField.FIELD_MAPPING, PageMapping::problem);
    for (ConnectorField required : new ConnectorField[] {ConnectorField.NAME, ConnectorField.SOURCE_APP}) {
      if (has(required) && blank(text(required))) {
        throw ConnectorViolation.invalid(required, "is required and must not be empty");
      }
    }
    return this;
  }

  /** Refuses the field's text, when it has any, if {@code problemOf} finds a problem with it (null: none). */
  private void refuse(ConnectorField field, Function<String, String> problemOf) {
    String text = text(field);
    String problem = text == null || text.isEmpty() ? null : problemOf.apply(text);
    if (problem != null) {
      throw ConnectorViolation.invalid(field, problem);
    }
  }

  private static String zoneProblem(String zone) {
    try {
      ZoneId.of(zone);
      return null;
    } catch (DateTimeException e) {
      return "'" + zone + "' is not a time zone (an IANA name such as Europe/Brussels, or UTC, or an offset such as"
          + " +01:00)";
    }
  }

  /** A boolean as the SDKs send it: true/false in any case, 1 or 0. */
  public static Boolean flag(ConnectorField field, String raw) {
    return switch (raw.trim().toLowerCase(Locale.ROOT)) {
      case "true", "1" -> Boolean.TRUE;
      case "false", "0" -> Boolean.FALSE;
      default -> throw ConnectorViolation.invalid(field, "'" + raw + "' is not a boolean (true, false, 1 or 0)");
    };
  }

  /** A back-office system by name or SDK number; empty text clears it. The value is not repeated in the message. */
  public static BackOfficeSystem system(String raw) {
    if (raw.isBlank()) {
      return null;
    }
    return BackOfficeSystem.parse(raw).orElseThrow(() -> ConnectorViolation.invalid(
        ConnectorField.BACK_OFFICE_SYSTEM, "must be " + BackOfficeSystem.accepted()));
  }

  /**
   * A concurrency limit: a whole number from 1 to {@link ConnectorField#MAX_CONCURRENCY}, as a number or its text;
   * empty text clears it (the system's default).
   */
  public static Integer concurrency(String raw) {
    if (raw.isBlank()) {
      return null;
    }
    try {
      int value = new BigDecimal(raw.trim()).intValueExact();
      if (value >= 1 && value <= ConnectorField.MAX_CONCURRENCY) {
        return value;
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // said below
    }
    throw ConnectorViolation.invalid(ConnectorField.CONCURRENCY, "'" + StorableText.printable(raw, 60)
        + "' is not a whole number from 1 to " + ConnectorField.MAX_CONCURRENCY);
  }

  /** An authentication type by name or SDK number; empty text clears it (the system's default). */
  public static Authentication authentication(String raw) {
    if (raw.isBlank()) {
      return null;
    }
    return Authentication.parse(raw).orElseThrow(() -> ConnectorViolation.invalid(
        ConnectorField.AUTHENTICATION_TYPE, "'" + StorableText.printable(raw, 60) + "' is not one of "
            + Authentication.accepted()));
  }

  static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("ConnectorInput{");
    values.forEach((field, value) -> text.append(field.jsonName()).append('=')
        .append(field == ConnectorField.PASSWORD && value != null ? "(secret)" : value).append(", "));
    return text.append('}').toString();
  }
}
