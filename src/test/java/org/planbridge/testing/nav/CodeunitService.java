package org.planbridge.testing.nav;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The PlanBridge codeunit web service as NAV publishes it: the committed WSDL ({@code wsdl/PlanBridge.wsdl} of
 * the main classpath, the contract itself) under the name it is published with, and its one method's parameters
 * read as NAV reads them: every one in the service's namespace, in the WSDL's order (one out of order or unknown
 * is refused), none missing (NAV's "is null!"), each a valid value of its XSD type.
 */
final class CodeunitService {

  static final String DEFAULT_NAME = "PlanBridge";
  static final String METHOD = "ProcessAppointment";
  private static final String TEMPLATE = load();
  /** The method's parameters in order, each with its XSD type. */
  static final Map<String, String> PARAMETERS = parameters(TEMPLATE);

  private CodeunitService() {}

  static String namespace(String name) {
    return "urn:microsoft-dynamics-schemas/codeunit/" + name;
  }

  /** The WSDL of the codeunit published as {@code name}, at {@code address}. */
  static String wsdl(String name, String address) {
    return TEMPLATE.replace(DEFAULT_NAME, name).replaceFirst("location=\"[^\"]*\"",
        Matcher.quoteReplacement("location=\"" + SoapMessages.escape(address) + "\""));
  }

  /** Checks the call as NAV would, filling {@code sent} with the parameters as they come. */
  static void read(String name, Element wrapper, String action, Map<String, String> sent) throws SoapMessages.Fault {
    String ns = namespace(name);
    String method = wrapper.getLocalName();
    if (!ns.equals(wrapper.getNamespaceURI()) || !METHOD.equals(method)) {
      throw new SoapMessages.Fault(SoapMessages.SERVICE_BROKER_EXCEPTION, "Operation " + method + " in namespace '"
          + wrapper.getNamespaceURI() + "' is not a method of the codeunit service " + name);
    }
    if (!(ns + ":" + method).equals(action)) {
      throw new SoapMessages.Fault(SoapMessages.SERVICE_BROKER_EXCEPTION, "SOAPAction '" + action
          + "' does not match the operation " + method + " (expected '" + ns + ":" + method + "')");
    }
    List<String> names = List.copyOf(PARAMETERS.keySet());
    int next = 0;
    for (Element element : SoapMessages.children(wrapper)) {
      String parameter = element.getLocalName();
      int at = names.subList(next, names.size()).indexOf(parameter);
      if (!ns.equals(element.getNamespaceURI()) || at < 0) {
        throw new SoapMessages.Fault(SoapMessages.SERVICE_BROKER_EXCEPTION, "Unexpected element {"
            + element.getNamespaceURI() + "}" + parameter + " in method " + METHOD + " (the parameters, in order: "
            + String.join(", ", names) + ")");
      }
      next += at + 1;
      String text = element.getTextContent();
      if (!valid(PARAMETERS.get(parameter), text)) {
        throw SoapMessages.Fault.nav("The value '" + text + "' of parameter " + parameter + " is not a valid "
            + PARAMETERS.get(parameter) + ".");
      }
      sent.put(parameter, text);
    }
    for (String parameter : names) {
      if (!sent.containsKey(parameter)) {
        throw new SoapMessages.Fault(SoapMessages.SERVICE_BROKER_EXCEPTION, "Parameter " + parameter
            + " in method " + METHOD + " in service " + name + " is null!");
      }
    }
  }

  /** The reply: {@code <Method>_Result} with its {@code return_value}. */
  static String result(String name, String value) {
    return "<" + METHOD + "_Result xmlns=\"" + namespace(name) + "\"><return_value>" + SoapMessages.escape(value)
        + "</return_value></" + METHOD + "_Result>";
  }

  private static boolean valid(String type, String text) {
    String value = text.strip();
    try {
      switch (type) {
        case "long" -> Long.parseLong(value);
        case "int" -> Integer.parseInt(value);
        case "decimal" -> new BigDecimal(value);
        case "boolean" -> {
          return List.of("true", "false", "1", "0").contains(value);
        }
        case "dateTime" -> DateTimeFormatter.ISO_DATE_TIME.parse(value);
        default -> { }
      }
      return true;
    } catch (NumberFormatException | DateTimeParseException e) {
      return false;
    }
  }

  private static String load() {
    try (InputStream in = CodeunitService.class.getClassLoader().getResourceAsStream("wsdl/PlanBridge.wsdl")) {
      if (in == null) {
        throw new IllegalStateException("wsdl/PlanBridge.wsdl is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> parameters(String wsdl) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      NodeList elements = factory.newDocumentBuilder().parse(new InputSource(new StringReader(wsdl)))
          .getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "element");
      Map<String, String> parameters = new LinkedHashMap<>();
      for (int i = 0; i < elements.getLength(); i++) {
        Element element = (Element) elements.item(i);
        Element wrapper = (Element) element.getParentNode().getParentNode().getParentNode();
        if (METHOD.equals(wrapper.getAttribute("name"))) {
          parameters.put(element.getAttribute("name"), element.getAttribute("type"));
        }
      }
      return Collections.unmodifiableMap(parameters);
    } catch (Exception e) {
      throw new IllegalStateException("wsdl/PlanBridge.wsdl cannot be read: " + e.getMessage(), e);
    }
  }
}
