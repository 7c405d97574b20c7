package org.planbridge.backoffice.nav;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.planbridge.platform.control.Jsons;

/**
 * One appointment change as the body of a page's {@code Create}: every mapped field the page has, in the
 * page's types. Times are {@code xsd:dateTime} in UTC; a page field of type date or time gets the day or the
 * time of day in the connector's time zone ({@code startDate}, {@code startTime}, ... or {@code start} mapped to
 * such a field). An option field gets the page's own option: the value itself, or the one option it starts
 * with (the Database Action I, U, D as Insert, Update, Delete where the page spells them out).
 */
public final class PagePayload {

  private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();
  /** The SDKs' importance numbers (Medium = 0, High = 1, Low = 2) and what NAV's options call them. */
  private static final List<List<String>> IMPORTANCE = List.of(List.of("Medium", "Normal"), List.of("High"),
      List.of("Low"));

  private PagePayload() {}

  /** @throws NavSetupProblem when a value cannot take the page field's type, naming both */
  static String create(JsonObject change, PageWsdl page, PageMapping mapping, ZoneId zone) throws NavSetupProblem {
    StringWriter text = new StringWriter();
    try {
      XMLStreamWriter xml = XML.createXMLStreamWriter(text);
      xml.writeStartElement("", "Create", page.namespace());
      xml.writeDefaultNamespace(page.namespace());
      xml.writeStartElement(page.namespace(), page.recordElement());
      for (Map.Entry<String, PageField> entry : mapping.resolve(page).entrySet()) {
        String value = value(change, entry.getKey(), entry.getValue(), zone);
        if (value != null) {
          xml.writeStartElement(page.namespace(), entry.getValue().name());
          xml.writeCharacters(value);
          xml.writeEndElement();
        }
      }
      writeLines(xml, change, page, mapping);
      xml.writeEndElement();
      xml.writeEndElement();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    return text.toString();
  }

  private static void writeLines(XMLStreamWriter xml, JsonObject change, PageWsdl page, PageMapping mapping)
      throws XMLStreamException {
    PageField part = mapping.lines(page.fields());
    if (part == null) {
      return;
    }
    String lineField = mapping.target(PageMapping.LINE_FIELD);
    List<JsonString> resources = change.getJsonObject("appointment").getJsonArray("resources")
        .getValuesAs(JsonString.class);
    xml.writeStartElement(page.namespace(), part.name());
    for (JsonString resource : resources) {
      xml.writeStartElement(page.namespace(), part.lineElement());
      xml.writeStartElement(page.namespace(), lineField);
      xml.writeCharacters(resource.getString());
      xml.writeEndElement();
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  /** An appointment's field, or one of its field values ({@code fieldValues.CODE}); null when it has none. */
  private static JsonValue field(JsonObject appointment, String source) {
    String code = PageMapping.fieldCode(source);
    if (code == null) {
      return appointment.get(source);
    }
    return appointment.get("fieldValues") instanceof JsonObject values ? values.get(code) : null;
  }

  /** The text of one field, or null when the value is null (the element is then left out). */
  public static String value(JsonObject change, String source, PageField field, ZoneId zone) throws NavSetupProblem {
    JsonObject appointment = change.getJsonObject("appointment");
    JsonValue value = switch (source) {
      case "transactionId", "action", "sequence", "changedAt" -> change.get(source);
      case "startDate", "startTime" -> appointment.get("start");
      case "endDate", "endTime" -> appointment.get("end");
      case "durationSeconds" -> Jsons.JSON.createValue(Duration.between(instant(appointment.getString("start")),
          instant(appointment.getString("end"))).toSeconds());
      default -> field(appointment, source);
    };
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    String plain = value instanceof JsonString s ? s.getString() : value.toString();
    String type = source.equals("startDate") || source.equals("endDate") ? "date"
        : source.equals("startTime") || source.equals("endTime") ? "time" : field.type();
    try {
      return switch (type) {
        case "dateTime" -> instant(plain).toString();
        case "date" -> ZonedDateTime.ofInstant(instant(plain), zone).toLocalDate().toString();
        case "time" -> ZonedDateTime.ofInstant(instant(plain), zone).toLocalTime().truncatedTo(ChronoUnit.SECONDS)
            .format(DateTimeFormatter.ISO_LOCAL_TIME);
        case "int", "long", "short" -> String.valueOf(((JsonNumber) number(value, plain)).longValueExact());
        case "decimal", "double", "float" -> ((JsonNumber) number(value, plain)).bigDecimalValue().toPlainString();
        case "boolean" -> bool(value, plain);
        case "enum" -> option(source, plain, field);
        default -> plain;
      };
    } catch (DateTimeParseException | ClassCastException | ArithmeticException | NumberFormatException e) {
      throw new NavSetupProblem("the page field " + field.name() + " is " + field.type() + ", which cannot take "
          + source + " '" + plain + "'");
    }
  }

  private static Instant instant(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }

  private static JsonValue number(JsonValue value, String plain) {
    return value instanceof JsonNumber ? value : Jsons.JSON.createValue(new BigDecimal(plain));
  }

  private static String bool(JsonValue value, String plain) {
    return switch (value.getValueType()) {
      case TRUE -> "true";
      case FALSE -> "false";
      default -> throw new ClassCastException(plain);
    };
  }

  private static String option(String source, String plain, PageField field) throws NavSetupProblem {
    List<String> names = source.equals("importance") && plain.matches("[0-2]")
        ? IMPORTANCE.get(Integer.parseInt(plain)) : List.of(plain);
    for (String wanted : names) {
      for (String option : field.options()) {
        if (option.equalsIgnoreCase(wanted)) {
          return option;
        }
      }
    }
    List<String> starting = field.options().stream()
        .filter(o -> o.toLowerCase(Locale.ROOT).startsWith(plain.toLowerCase(Locale.ROOT))).toList();
    if (starting.size() == 1) {
      return starting.get(0);
    }
    throw new NavSetupProblem("the page field " + field.name() + " has the options " + String.join(", ",
        field.options()) + ", none of which is " + source + " '" + plain + "'");
  }
}
