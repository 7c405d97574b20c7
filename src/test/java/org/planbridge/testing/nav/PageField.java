package org.planbridge.testing.nav;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One field of a NAV page as its web service shows it: the element name NAV derives from the
 * caption (spaces, dots and other punctuation become one underscore: {@code Entry No.} is
 * {@code Entry_No}), the XSD type, and whether the WSDL writes it with {@code minOccurs="1"}.
 */
public record PageField(String name, Type type, boolean required, List<String> options, String caption) {

  /** The NAV types as the page WSDL writes them; an option is an enumeration simpleType named as the field. */
  public enum Type {
    STRING("xsd:string"), INT("xsd:int"), DECIMAL("xsd:decimal"), BOOLEAN("xsd:boolean"),
    DATETIME("xsd:dateTime"), DATE("xsd:date"), TIME("xsd:time"), OPTION(null);

    private final String xsd;

    Type(String xsd) {
      this.xsd = xsd;
    }
  }

  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
  private static final Pattern NOT_A_NAME = Pattern.compile("[^\\p{L}\\p{N}]+");

  public PageField {
    options = List.copyOf(options);
  }

  /** A field of the given caption and type, optional as NAV writes every page field. */
  public static PageField of(String caption, Type type) {
    return new PageField(elementName(caption), type, false, List.of(), caption);
  }

  /** An option field; its values as NAV writes them ({@code _blank_} for the empty one). */
  public static PageField option(String caption, String... values) {
    List<String> names = new ArrayList<>();
    for (String value : values) {
      names.add(value.isEmpty() ? "_blank_" : elementName(value));
    }
    return new PageField(elementName(caption), Type.OPTION, false, names, caption);
  }

  /** This field written with {@code minOccurs="1"}: a Create without it is refused. */
  public PageField asRequired() {
    return new PageField(name, type, true, options, caption);
  }

  /** How NAV turns a caption into an element name: {@code Duration (Sec.)} is {@code Duration_Sec}. */
  public static String elementName(String caption) {
    String name = NOT_A_NAME.matcher(caption).replaceAll("_");
    name = name.replaceAll("^_+|_+$", "");
    return name.isEmpty() ? "_blank_" : name;
  }

  /** The type attribute of the field's element in the WSDL. */
  public String xsdType() {
    return type == Type.OPTION ? "tns:" + name : type.xsd;
  }

  /** Whether {@code text} is a lexically valid value of this field's type. */
  public boolean accepts(String text) {
    String value = text.strip();
    try {
      switch (type) {
        case STRING:
          return true;
        case INT:
          Integer.parseInt(value);
          return true;
        case DECIMAL:
          return DECIMAL.matcher(value).matches();
        case BOOLEAN:
          return List.of("true", "false", "1", "0").contains(value);
        case DATETIME:
          DateTimeFormatter.ISO_DATE_TIME.parse(value);
          return true;
        case DATE:
          DateTimeFormatter.ISO_DATE.parse(value);
          return true;
        case TIME:
          DateTimeFormatter.ISO_TIME.parse(value);
          return true;
        default:
          return options.contains(value);
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      return false;
    }
  }

  /**
   * The fields of the Dime.Scheduler appointment log ("Dime DS Appointment", the staging table the
   * planning board writes to), as a page on it would show them, plus {@code PlanBridge_Transaction_Id}.
   * A mutable copy: tests remove, add or require fields. See the package documentation for the sources.
   */
  public static List<PageField> appointmentDefaults() {
    return new ArrayList<>(List.of(
        of("Entry No.", Type.INT),
        of("Source Type", Type.STRING),
        of("Source App", Type.STRING),
        of("Database Action", Type.STRING),
        of("Job No.", Type.STRING),
        of("Task No.", Type.STRING),
        of("Appointment Id", Type.INT),
        of("Subject", Type.STRING),
        of("Body", Type.STRING),
        of("Start Date", Type.DATETIME),
        of("End Date", Type.DATETIME),
        of("Time Marker", Type.STRING),
        of("Category", Type.STRING),
        option("Importance", "Low", "Normal", "High"),
        of("Is All Day Event", Type.BOOLEAN),
        of("Duration (Sec.)", Type.DECIMAL),
        of("Non Working Time (Sec.)", Type.DECIMAL),
        of("Planning Quantity", Type.DECIMAL),
        of("Planning Unit Of Measure", Type.STRING),
        of("Planning UoM Conversion", Type.DECIMAL),
        of("Use Fix Planning Quantity", Type.BOOLEAN),
        of("Round to Unit Of Measure", Type.BOOLEAN),
        of("Backoffice Id", Type.STRING),
        of("Backoffice Parent Id", Type.STRING),
        of("Sent From Backoffice", Type.BOOLEAN),
        of("PlanBridge Transaction Id", Type.STRING)));
  }

  /** The fields of one resource line ("Dime DS Appointment Resource"): the log entry and the resource. */
  public static List<PageField> resourceDefaults() {
    return new ArrayList<>(List.of(of("Entry No.", Type.INT), of("Resource No.", Type.STRING)));
  }
}
