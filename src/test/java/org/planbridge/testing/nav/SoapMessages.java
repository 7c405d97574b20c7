package org.planbridge.testing.nav;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** The SOAP 1.1 envelopes NAV reads and writes, and its faults. */
public final class SoapMessages {

  public static final String ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";
  /** The code of most faults NAV raises from AL/C/AL: an error in the application. */
  public static final String NAV_CSIDE_EXCEPTION = "Microsoft.Dynamics.Nav.Types.Exceptions.NavCSideException";
  /** The code NAV's service broker uses for requests it cannot dispatch (unknown operation, bad message). */
  public static final String SERVICE_BROKER_EXCEPTION =
      "Microsoft.Dynamics.Nav.Service.WebServices.ServiceBrokerException";

  /** A fault to answer instead of a result. */
  public static final class Fault extends Exception {
    private final String code;

    public Fault(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }

    public static Fault nav(String message) {
      return new Fault(NAV_CSIDE_EXCEPTION, message);
    }

    public String code() {
      return code;
    }
  }

  private SoapMessages() {}

  /** A SOAP 1.1 envelope around {@code body} (already XML), as NAV writes it. */
  public static String envelope(String body) {
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?><Soap:Envelope xmlns:Soap=\"" + ENVELOPE_NS
        + "\"><Soap:Body>" + body + "</Soap:Body></Soap:Envelope>";
  }

  /**
   * A fault as NAV writes it: the code in the {@code urn:microsoft-dynamics-schemas/error} namespace,
   * the message in {@code faultstring} and again as a serialized string in {@code detail}.
   */
  public static String fault(String code, String message) {
    String text = escape(message);
    return "<s:Envelope xmlns:s=\"" + ENVELOPE_NS + "\"><s:Body><s:Fault>"
        + "<faultcode xmlns:a=\"urn:microsoft-dynamics-schemas/error\">a:" + escape(code) + "</faultcode>"
        + "<faultstring xml:lang=\"en-US\">" + text + "</faultstring>"
        + "<detail><string xmlns=\"http://schemas.microsoft.com/2003/10/Serialization/\">" + text
        + "</string></detail></s:Fault></s:Body></s:Envelope>";
  }

  /** The first element in the Body of a SOAP 1.1 envelope: the operation's wrapper. */
  public static Element operation(String xml) throws Fault {
    Element envelope;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      envelope = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new Fault(SERVICE_BROKER_EXCEPTION, "The request is not well-formed XML: " + e.getMessage());
    }
    if (!ENVELOPE_NS.equals(envelope.getNamespaceURI()) || !"Envelope".equals(envelope.getLocalName())) {
      throw new Fault(SERVICE_BROKER_EXCEPTION, "The request is not a SOAP 1.1 envelope");
    }
    for (Element child : children(envelope)) {
      if (ENVELOPE_NS.equals(child.getNamespaceURI()) && "Body".equals(child.getLocalName())) {
        List<Element> content = children(child);
        if (content.isEmpty()) {
          throw new Fault(SERVICE_BROKER_EXCEPTION, "The SOAP Body is empty");
        }
        return content.get(0);
      }
    }
    throw new Fault(SERVICE_BROKER_EXCEPTION, "The SOAP envelope has no Body");
  }

  /** The child elements of {@code parent}, in document order. */
  public static List<Element> children(Element parent) {
    List<Element> elements = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element) {
        elements.add(element);
      }
    }
    return elements;
  }

  /** {@code <name>value</name>} for each entry, in order. */
  public static void elements(StringBuilder out, Map<String, String> values) {
    values.forEach((name, value) -> out.append('<').append(name).append('>').append(escape(value))
        .append("</").append(name).append('>'));
  }

  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
