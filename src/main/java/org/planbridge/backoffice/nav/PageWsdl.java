package org.planbridge.backoffice.nav;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * What PlanBridge needs of a NAV page's WSDL, read from the server (a page's WSDL is not public: it is the page
 * as that installation publishes it). NAV writes every page the same way: one schema in the page's namespace
 * ({@code urn:microsoft-dynamics-schemas/page/<page in lower case>}), a complex type named after the page whose
 * sequence starts with {@code Key}, option fields as enumerations, subpage parts as a {@code <X>_List} of
 * {@code <X>} lines, an element {@code Create} wrapping one record, and {@code <Page>_Service} /
 * {@code <Page>_Port} with document/literal SOAP 1.1 operations.
 */
record PageWsdl(String namespace, String recordElement, Map<String, PageField> fields, QName service, QName port,
    String createAction) {

  private static final String XSD = XMLConstants.W3C_XML_SCHEMA_NS_URI;
  private static final String WSDL = "http://schemas.xmlsoap.org/wsdl/";
  private static final String SOAP = "http://schemas.xmlsoap.org/wsdl/soap/";

  /** @throws NavSetupProblem when the document is not a NAV page WSDL, saying what is missing */
  static PageWsdl parse(String text) throws NavSetupProblem {
    Element root = read(text).getDocumentElement();
    if (!WSDL.equals(root.getNamespaceURI()) || !"definitions".equals(root.getLocalName())) {
      throw new NavSetupProblem("the service's answer is not a WSDL (its root element is <" + root.getNodeName()
          + ">)");
    }
    String namespace = root.getAttribute("targetNamespace");
    Map<String, Element> complexTypes = new HashMap<>();
    Map<String, List<String>> enumerations = new HashMap<>();
    Map<String, Element> elements = new HashMap<>();
    for (Element schema : children(first(root, WSDL, "types"), XSD, "schema")) {
      for (Element type : children(schema, XSD, "complexType")) {
        complexTypes.put(type.getAttribute("name"), type);
      }
      for (Element type : children(schema, XSD, "simpleType")) {
        List<String> values = new ArrayList<>();
        for (Element restriction : children(type, XSD, "restriction")) {
          children(restriction, XSD, "enumeration").forEach(e -> values.add(e.getAttribute("value")));
        }
        enumerations.put(type.getAttribute("name"), values);
      }
      for (Element element : children(schema, XSD, "element")) {
        elements.put(element.getAttribute("name"), element);
      }
    }
    Element create = elements.get("Create");
    if (create == null) {
      throw new NavSetupProblem("the WSDL has no Create operation: it is not a page's WSDL, or the page does not"
          + " allow inserting records");
    }
    List<Element> wrapped = sequence(first(create, XSD, "complexType"));
    if (wrapped.size() != 1) {
      throw new NavSetupProblem("the WSDL's Create element does not wrap one record");
    }
    String recordElement = wrapped.get(0).getAttribute("name");
    Element recordType = complexTypes.get(local(wrapped.get(0).getAttribute("type")));
    if (recordType == null) {
      throw new NavSetupProblem("the WSDL does not describe the type of its record " + recordElement);
    }
    Map<String, PageField> fields = fields(recordType, complexTypes, enumerations, true);
    Element port = first(first(root, WSDL, "service"), WSDL, "port");
    Element service = port == null ? null : (Element) port.getParentNode();
    if (port == null) {
      throw new NavSetupProblem("the WSDL has no service port");
    }
    return new PageWsdl(namespace, recordElement, fields, new QName(namespace, service.getAttribute("name")),
        new QName(namespace, port.getAttribute("name")), createAction(root, namespace));
  }

  private static Map<String, PageField> fields(Element type, Map<String, Element> complexTypes,
      Map<String, List<String>> enumerations, boolean withLines) {
    Map<String, PageField> fields = new LinkedHashMap<>();
    for (Element element : sequence(type)) {
      String name = element.getAttribute("name");
      String typeName = local(element.getAttribute("type"));
      boolean required = !"0".equals(element.getAttribute("minOccurs")) && !"Key".equals(name);
      Element complex = complexTypes.get(typeName);
      if (complex != null && withLines) {
        List<Element> lines = sequence(complex);
        Element line = lines.size() == 1 ? lines.get(0) : null;
        Element lineType = line == null ? null : complexTypes.get(local(line.getAttribute("type")));
        if (lineType != null) {
          fields.put(name, new PageField(name, "lines", List.of(), required, line.getAttribute("name"),
              fields(lineType, complexTypes, enumerations, false)));
        }
      } else if (enumerations.containsKey(typeName)) {
        fields.put(name, PageField.plain(name, "enum", List.copyOf(enumerations.get(typeName)), required));
      } else if (complex == null) {
        fields.put(name, PageField.plain(name, typeName, List.of(), required));
      }
    }
    return fields;
  }

  private static String createAction(Element root, String namespace) {
    for (Element binding : children(root, WSDL, "binding")) {
      for (Element operation : children(binding, WSDL, "operation")) {
        Element soap = first(operation, SOAP, "operation");
        if ("Create".equals(operation.getAttribute("name")) && soap != null && !soap.getAttribute("soapAction")
            .isEmpty()) {
          return soap.getAttribute("soapAction");
        }
      }
    }
    return namespace + ":Create";
  }

  private static List<Element> sequence(Element type) {
    Element sequence = first(type, XSD, "sequence");
    return sequence == null ? List.of() : children(sequence, XSD, "element");
  }

  private static String local(String qualified) {
    return qualified.substring(qualified.indexOf(':') + 1);
  }

  private static Element first(Element parent, String namespace, String name) {
    List<Element> found = parent == null ? List.of() : children(parent, namespace, name);
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<Element> children(Element parent, String namespace, String name) {
    List<Element> found = new ArrayList<>();
    if (parent == null) {
      return found;
    }
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && namespace.equals(element.getNamespaceURI())
          && name.equals(element.getLocalName())) {
        found.add(element);
      }
    }
    return found;
  }

  /** Parses without DTDs or external entities: the document comes from another server. */
  static Document read(String text) throws NavSetupProblem {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new InputSource(new StringReader(text)));
    } catch (SAXException | IOException e) {
      throw new NavSetupProblem("the service's answer is not XML: " + e.getMessage());
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }
}
