package org.planbridge.backoffice.nav;

import jakarta.xml.ws.BindingProvider;
import java.net.URI;
import java.util.Map;
import javax.net.ssl.TrustManager;
import org.apache.cxf.Bus;
import org.apache.cxf.feature.StaxTransformFeature;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.planbridge.backoffice.nav.codeunit.PlanBridgePort;
import org.planbridge.backoffice.nav.codeunit.ProcessAppointment;

/**
 * The {@code SOAP_CODEUNIT} contract's one method on one NAV server, as a proxy of the port generated from
 * {@code wsdl/PlanBridge.wsdl}, built by CXF's {@link JaxWsProxyFactoryBean} (never {@code Service.create}) once
 * per connector version and shared by the drain's threads, with {@link NavTransport}'s transport.
 *
 * <p><b>Another service name.</b> NAV puts the name a codeunit is published under into its namespace
 * ({@code urn:microsoft-dynamics-schemas/codeunit/<Name>}) and SOAPAction, while the stubs are generated once,
 * for {@code PlanBridge}. For another name the proxy gets CXF's {@link StaxTransformFeature}: on the way out
 * every element of the PlanBridge namespace is written in the other one, on the way in the reply's elements
 * are read back into it, and the SOAPAction is set in the request context. This keeps the typed stubs (JAXB
 * writes and reads the same classes whatever the name) and renames at the XML stream, by namespace, never by
 * text; a {@code Dispatch} fed with the JAXB types marshalled and renamed by hand would do the same in more code.
 */
final class CodeunitPort implements AutoCloseable {

  static final String DEFAULT_NAME = "PlanBridge";
  static final String METHOD = "ProcessAppointment";

  private final PlanBridgePort proxy;

  CodeunitPort(Bus bus, String name, URI endpoint, NavLogin login, TrustManager[] trust,
      NavSettings settings) {
    JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
    factory.setBus(bus);
    factory.setServiceClass(PlanBridgePort.class);
    factory.setAddress(endpoint.toString());
    String generated = "{" + namespace(DEFAULT_NAME) + "}*";
    String published = "{" + namespace(name) + "}*";
    if (!name.equals(DEFAULT_NAME)) {
      StaxTransformFeature rename = new StaxTransformFeature();
      rename.setOutTransformElements(Map.of(generated, published));
      rename.setInTransformElements(Map.of(published, generated));
      factory.getFeatures().add(rename);
    }
    proxy = factory.create(PlanBridgePort.class);
    Map<String, Object> context = ((BindingProvider) proxy).getRequestContext();
    context.put(BindingProvider.SOAPACTION_USE_PROPERTY, Boolean.TRUE);
    context.put(BindingProvider.SOAPACTION_URI_PROPERTY, namespace(name) + ":" + METHOD);
    NavTransport.configure(ClientProxy.getClient(proxy), context, login, trust, settings);
  }

  /** The namespace of the codeunit service published as {@code name} (NAV keeps the name's case). */
  static String namespace(String name) {
    return "urn:microsoft-dynamics-schemas/codeunit/" + name;
  }

  /** Calls the method; answers its {@code return_value}. */
  String send(ProcessAppointment parameters) {
    return proxy.processAppointment(parameters).getReturnValue();
  }

  @Override
  public void close() {
    ClientProxy.getClient(proxy).destroy();
  }
}
