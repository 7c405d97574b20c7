package org.planbridge.testing.nav;

import java.util.List;
import java.util.Locale;

/**
 * The WSDL NAV writes for a page web service, in the shape of a real NAV 2017 one: namespace
 * {@code urn:microsoft-dynamics-schemas/page/<page lower case>}, the record type with {@code Key}
 * first, its {@code _List}, the {@code _Fields} enumeration and {@code _Filter}, the lines of a subpage
 * as a nested {@code _List}, the ten operations, a document/literal SOAP 1.1 binding, the service and port.
 */
public final class PageWsdl {

  static final String[] OPERATIONS = {"Read", "ReadByRecId", "ReadMultiple", "IsUpdated", "GetRecIdFromKey",
      "Create", "CreateMultiple", "Update", "UpdateMultiple", "Delete"};

  private final StringBuilder out = new StringBuilder(16_384);

  private PageWsdl() {}

  /** The target namespace of a page's service. */
  public static String namespace(String page) {
    return "urn:microsoft-dynamics-schemas/page/" + page.toLowerCase(Locale.ROOT);
  }

  /**
   * The WSDL of page {@code page} with the given fields, the subpage lines {@code linesField} (a list of
   * {@code lineType} records with {@code lineFields}; none when {@code lineFields} is empty), served at
   * {@code address}.
   */
  public static String of(String page, List<PageField> fields, String linesField, String lineType,
      List<PageField> lineFields, String address) {
    return new PageWsdl().write(page, fields, linesField, lineType, lineFields, address);
  }

  private String write(String page, List<PageField> fields, String linesField, String lineType,
      List<PageField> lineFields, String address) {
    String ns = namespace(page);
    out.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>")
        .append("<definitions targetNamespace=\"").append(ns)
        .append("\" xmlns=\"http://schemas.xmlsoap.org/wsdl/\" xmlns:tns=\"").append(ns).append("\">")
        .append("<types><xsd:schema elementFormDefault=\"qualified\" targetNamespace=\"").append(ns)
        .append("\" xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">");
    options(fields);
    options(lineFields);
    boolean lines = !lineFields.isEmpty();
    if (lines) {
      record(lineType, lineFields, null, null);
      list(lineType);
    }
    record(page, fields, lines ? linesField : null, lineType + "_List");
    list(page);
    out.append("<xsd:simpleType name=\"").append(page).append("_Fields\"><xsd:restriction base=\"xsd:string\">");
    fields.forEach(field -> out.append("<xsd:enumeration value=\"").append(field.name()).append("\"/>"));
    out.append("</xsd:restriction></xsd:simpleType>")
        .append("<xsd:complexType name=\"").append(page).append("_Filter\"><xsd:sequence>");
    element("Field", "tns:" + page + "_Fields", 1, "1");
    element("Criteria", "xsd:string", 1, "1");
    out.append("</xsd:sequence></xsd:complexType>");
    String record = "tns:" + page;
    String list = "tns:" + page + "_List";
    wrapper("Read", () -> fields.stream().filter(f -> f.name().equals("Entry_No"))
        .forEach(f -> element(f.name(), f.xsdType(), 1, "1")));
    wrapper("Read_Result", () -> element(page, record, 0, "1"));
    wrapper("ReadByRecId", () -> element("recId", "xsd:string", 1, "1"));
    wrapper("ReadByRecId_Result", () -> element(page, record, 0, "1"));
    wrapper("ReadMultiple", () -> {
      element("filter", "tns:" + page + "_Filter", 1, "unbounded");
      element("bookmarkKey", "xsd:string", 0, "1");
      element("setSize", "xsd:int", 1, "1");
    });
    wrapper("ReadMultiple_Result", () -> element("ReadMultiple_Result", list, 0, "1"));
    for (String keyed : new String[] {"IsUpdated", "GetRecIdFromKey"}) {
      wrapper(keyed, () -> element("Key", "xsd:string", 1, "1"));
      wrapper(keyed + "_Result", () -> element(keyed + "_Result", keyed.equals("IsUpdated") ? "xsd:boolean"
          : "xsd:string", 1, "1"));
    }
    for (String write : new String[] {"Create", "Update"}) {
      wrapper(write, () -> element(page, record, 1, "1"));
      wrapper(write + "_Result", () -> element(page, record, 1, "1"));
      wrapper(write + "Multiple", () -> element(page + "_List", list, 1, "1"));
      wrapper(write + "Multiple_Result", () -> element(page + "_List", list, 1, "1"));
    }
    wrapper("Delete", () -> element("Key", "xsd:string", 1, "1"));
    wrapper("Delete_Result", () -> element("Delete_Result", "xsd:boolean", 1, "1"));
    out.append("</xsd:schema></types>");
    for (String operation : OPERATIONS) {
      for (String message : new String[] {operation, operation + "_Result"}) {
        out.append("<message name=\"").append(message).append("\"><part name=\"parameters\" element=\"tns:")
            .append(message).append("\"/></message>");
      }
    }
    out.append("<portType name=\"").append(page).append("_Port\">");
    for (String operation : OPERATIONS) {
      out.append("<operation name=\"").append(operation).append("\"><input name=\"").append(operation)
          .append("\" message=\"tns:").append(operation).append("\"/><output name=\"").append(operation)
          .append("_Result\" message=\"tns:").append(operation).append("_Result\"/></operation>");
    }
    String soap = " xmlns=\"http://schemas.xmlsoap.org/wsdl/soap/\"";
    out.append("</portType><binding name=\"").append(page).append("_Binding\" type=\"tns:").append(page)
        .append("_Port\"><binding transport=\"http://schemas.xmlsoap.org/soap/http\"").append(soap).append("/>");
    for (String operation : OPERATIONS) {
      out.append("<operation name=\"").append(operation).append("\"><operation soapAction=\"").append(ns)
          .append(':').append(operation).append("\" style=\"document\"").append(soap).append("/>")
          .append("<input name=\"").append(operation).append("\"><body use=\"literal\"").append(soap)
          .append("/></input><output name=\"").append(operation).append("_Result\"><body use=\"literal\"")
          .append(soap).append("/></output></operation>");
    }
    out.append("</binding><service name=\"").append(page).append("_Service\"><port name=\"").append(page)
        .append("_Port\" binding=\"tns:").append(page).append("_Binding\"><address location=\"")
        .append(SoapMessages.escape(address)).append('"').append(soap).append("/></port></service></definitions>");
    return out.toString();
  }

  private void options(List<PageField> fields) {
    for (PageField field : fields) {
      if (field.type() == PageField.Type.OPTION) {
        out.append("<xsd:simpleType name=\"").append(field.name()).append("\"><xsd:restriction base=\"xsd:string\">");
        field.options().forEach(value -> out.append("<xsd:enumeration value=\"").append(value).append("\"/>"));
        out.append("</xsd:restriction></xsd:simpleType>");
      }
    }
  }

  private void record(String name, List<PageField> fields, String linesField, String linesType) {
    out.append("<xsd:complexType name=\"").append(name).append("\"><xsd:sequence>");
    element("Key", "xsd:string", 0, "1");
    fields.forEach(field -> element(field.name(), field.xsdType(), field.required() ? 1 : 0, "1"));
    if (linesField != null) {
      element(linesField, "tns:" + linesType, 0, "1");
    }
    out.append("</xsd:sequence></xsd:complexType>");
  }

  private void list(String name) {
    out.append("<xsd:complexType name=\"").append(name).append("_List\"><xsd:sequence>");
    element(name, "tns:" + name, 1, "unbounded");
    out.append("</xsd:sequence></xsd:complexType>");
  }

  private void wrapper(String name, Runnable content) {
    out.append("<xsd:element name=\"").append(name).append("\"><xsd:complexType><xsd:sequence>");
    content.run();
    out.append("</xsd:sequence></xsd:complexType></xsd:element>");
  }

  private void element(String name, String type, int minOccurs, String maxOccurs) {
    out.append("<xsd:element minOccurs=\"").append(minOccurs).append("\" maxOccurs=\"").append(maxOccurs)
        .append("\" name=\"").append(name).append("\" type=\"").append(type).append("\"/>");
  }
}
