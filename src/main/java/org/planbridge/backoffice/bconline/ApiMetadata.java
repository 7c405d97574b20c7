package org.planbridge.backoffice.bconline;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.planbridge.backoffice.nav.NavSetupProblem;
import org.planbridge.backoffice.nav.PageField;

/**
 * What an API's {@code $metadata} (OData CSDL in EDMX) says of one entity set: its entity type and properties,
 * each as a {@link PageField} with the XML Schema name of its type (so the SOAP page's mapping and values serve
 * here too), an enum property with its member names, and a contained collection (the lines, for a deep insert)
 * with the properties of its entity type.
 *
 * @param type the entity type's qualified name
 */
record ApiMetadata(String type, Map<String, PageField> fields) {

  private static final XMLInputFactory XML = XMLInputFactory.newFactory();

  static {
    XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  /** @throws NavSetupProblem when the document is no metadata or has no such entity set */
  static ApiMetadata parse(String document, String entitySet) throws NavSetupProblem {
    Map<String, Map<String, String>> types = new HashMap<>();
    Map<String, List<String>> enums = new HashMap<>();
    Map<String, String> sets = new LinkedHashMap<>();
    try {
      XMLStreamReader xml = XML.createXMLStreamReader(new StringReader(document));
      String namespace = "";
      String current = null;
      while (xml.hasNext()) {
        if (xml.next() != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        String name = xml.getAttributeValue(null, "Name");
        switch (xml.getLocalName()) {
          case "Schema" -> namespace = xml.getAttributeValue(null, "Namespace");
          case "EntityType", "ComplexType" -> types.put(current = namespace + "." + name, new LinkedHashMap<>());
          case "EnumType" -> enums.put(current = namespace + "." + name, new ArrayList<>());
          case "Member" -> enums.getOrDefault(current, new ArrayList<>()).add(name);
          case "Property", "NavigationProperty" -> types.getOrDefault(current, new HashMap<>()).put(name,
              xml.getAttributeValue(null, "Type"));
          case "EntitySet" -> sets.put(name, xml.getAttributeValue(null, "EntityType"));
          default -> { }
        }
      }
    } catch (XMLStreamException e) {
      throw new NavSetupProblem("the API's $metadata is not XML: " + e.getMessage());
    }
    String type = sets.get(entitySet);
    if (type == null || !types.containsKey(type)) {
      throw new NavSetupProblem("the API has no entity set " + entitySet + (sets.isEmpty() ? ""
          : "; it has " + String.join(", ", sets.keySet())));
    }
    return new ApiMetadata(type, fields(types.get(type), types, enums));
  }

  private static Map<String, PageField> fields(Map<String, String> properties, Map<String, Map<String, String>> types,
      Map<String, List<String>> enums) {
    Map<String, PageField> fields = new LinkedHashMap<>();
    properties.forEach((name, type) -> {
      String element = type.startsWith("Collection(") ? type.substring(11, type.length() - 1) : null;
      if (element != null && types.containsKey(element)) {
        fields.put(name, new PageField(name, "lines", List.of(), false, element,
            fields(types.get(element), Map.of(), enums)));
      } else {
        fields.put(name, PageField.plain(name, enums.containsKey(type) ? "enum" : xsd(type),
            enums.getOrDefault(type, List.of()), false));
      }
    });
    return fields;
  }

  /** The XML Schema name of an OData primitive type, as the page's values are written for. */
  private static String xsd(String edm) {
    return switch (edm) {
      case "Edm.Int32" -> "int";
      case "Edm.Int64" -> "long";
      case "Edm.Int16", "Edm.Byte", "Edm.SByte" -> "short";
      case "Edm.Decimal" -> "decimal";
      case "Edm.Double" -> "double";
      case "Edm.Single" -> "float";
      case "Edm.Boolean" -> "boolean";
      case "Edm.DateTimeOffset" -> "dateTime";
      case "Edm.Date" -> "date";
      case "Edm.TimeOfDay" -> "time";
      default -> "string";
    };
  }
}
