package org.planbridge.backoffice.nav;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.soap.SOAPBinding;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.util.Map;
import javax.net.ssl.TrustManager;
import javax.xml.namespace.QName;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.DispatchImpl;
import org.apache.cxf.jaxws.ServiceImpl;

/**
 * One SOAP operation of one NAV service as a CXF {@code Dispatch<Source>} in PAYLOAD mode: built once per
 * connector version from CXF's own {@link ServiceImpl} (never {@code Service.create}, which would hand the call
 * to the application server's JAX-WS), and shared by the drain's threads: its request context is set once and
 * never changed per call, which CXF allows. Its transport is {@link NavTransport}'s.
 */
final class SoapPort implements AutoCloseable {

  private static final TransformerFactory TRANSFORMERS = TransformerFactory.newInstance();

  private final Dispatch<Source> dispatch;

  SoapPort(Bus bus, QName service, QName port, URI endpoint, String soapAction, NavLogin login,
      TrustManager[] trust, NavSettings settings) {
    ServiceImpl services = new ServiceImpl(bus, null, service, null);
    services.addPort(port, SOAPBinding.SOAP11HTTP_BINDING, endpoint.toString());
    dispatch = services.createDispatch(port, Source.class, Service.Mode.PAYLOAD);
    Map<String, Object> context = dispatch.getRequestContext();
    context.put(BindingProvider.SOAPACTION_USE_PROPERTY, Boolean.TRUE);
    context.put(BindingProvider.SOAPACTION_URI_PROPERTY, soapAction);
    NavTransport.configure(((DispatchImpl<?>) dispatch).getClient(), context, login, trust, settings);
  }

  /** Sends the payload and answers the reply's payload as text. */
  String invoke(String payload) {
    Source reply = dispatch.invoke(new StreamSource(new StringReader(payload)));
    if (reply == null) {
      return "";
    }
    StringWriter text = new StringWriter();
    try {
      TRANSFORMERS.newTransformer().transform(reply, new StreamResult(text));
    } catch (TransformerException e) {
      throw new IllegalStateException("The reply cannot be read: " + e.getMessage(), e);
    }
    return text.toString();
  }

  @Override
  public void close() {
    ((DispatchImpl<?>) dispatch).getClient().destroy();
  }
}
