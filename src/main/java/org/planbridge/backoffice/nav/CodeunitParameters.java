package org.planbridge.backoffice.nav;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.stream.Collectors;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;
import org.planbridge.backoffice.nav.codeunit.ProcessAppointment;

/**
 * One appointment change as the parameters of the codeunit's {@code ProcessAppointment}. Every parameter of a
 * NAV codeunit method is required and simple, so: a missing or null text is sent empty, a missing number as
 * 0, a missing date-time as NAV's undefined one ({@code 0001-01-01T00:00:00Z}, 0DT); times are UTC
 * {@code xsd:dateTime}s; the importance is the SDK's number (Medium 0, High 1, Low 2); the resources are their
 * numbers joined by {@code |} in one text.
 */
final class CodeunitParameters {

  static final String RESOURCE_SEPARATOR = "|";
  private static final String UNDEFINED_DATETIME = "0001-01-01T00:00:00Z";
  private static final DatatypeFactory XSD;

  static {
    try {
      XSD = DatatypeFactory.newInstance();
    } catch (DatatypeConfigurationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private CodeunitParameters() {}

  /** @throws NavSetupProblem when a value cannot take its parameter's type, naming both */
  static ProcessAppointment of(long transactionId, JsonObject change) throws NavSetupProblem {
    JsonObject appointment = change.getJsonObject("appointment");
    ProcessAppointment p = new ProcessAppointment();
    p.setAction(text(change, "action"));
    p.setTransactionId(transactionId);
    try {
      p.setAppointmentId(number(appointment, "appointmentId").longValueExact());
      p.setImportance(number(appointment, "importance").intValueExact());
      p.setPlanningQuantity(number(appointment, "planningQty"));
    } catch (ArithmeticException e) {
      throw new NavSetupProblem("a number of the appointment does not fit its codeunit parameter: " + e.getMessage());
    }
    p.setAppointmentGuid(text(appointment, "appointmentGuid"));
    p.setSourceApp(text(appointment, "sourceApp"));
    p.setSourceType(text(appointment, "sourceType"));
    p.setJobNo(text(appointment, "jobNo"));
    p.setTaskNo(text(appointment, "taskNo"));
    p.setSubject(text(appointment, "subject"));
    p.setBody(text(appointment, "body"));
    p.setStartDateTime(dateTime(appointment, "start"));
    p.setEndDateTime(dateTime(appointment, "end"));
    p.setAllDay(appointment.get("isAllDayEvent") == JsonValue.TRUE);
    p.setCategory(text(appointment, "category"));
    p.setTimeMarker(text(appointment, "timeMarker"));
    p.setPlanningUnit(text(appointment, "planningUom"));
    p.setBackofficeId(text(appointment, "backofficeId"));
    p.setBackofficeParentId(text(appointment, "backofficeParentId"));
    JsonValue resources = appointment.get("resources");
    p.setResources(resources == null || resources.getValueType() != JsonValue.ValueType.ARRAY ? ""
        : resources.asJsonArray().stream().map(CodeunitParameters::plain).collect(Collectors.joining(
            RESOURCE_SEPARATOR)));
    return p;
  }

  private static String text(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value == null || value.getValueType() == JsonValue.ValueType.NULL ? "" : plain(value);
  }

  private static String plain(JsonValue value) {
    return value instanceof JsonString s ? s.getString() : value.toString();
  }

  private static BigDecimal number(JsonObject object, String name) throws NavSetupProblem {
    JsonValue value = object.get(name);
    if (value instanceof JsonNumber n) {
      return n.bigDecimalValue();
    }
    String text = text(object, name).strip();
    try {
      return text.isEmpty() ? BigDecimal.ZERO : new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new NavSetupProblem("the codeunit parameter for " + name + " is a number, which cannot take '" + text
          + "'");
    }
  }

  private static XMLGregorianCalendar dateTime(JsonObject object, String name) throws NavSetupProblem {
    String text = text(object, name).strip();
    try {
      return XSD.newXMLGregorianCalendar(text.isEmpty() ? UNDEFINED_DATETIME
          : OffsetDateTime.parse(text).toInstant().toString());
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new NavSetupProblem("the codeunit parameter for " + name + " is a date-time, which cannot take '" + text
          + "'");
    }
  }
}
