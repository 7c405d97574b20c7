package org.planbridge.testing.nav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPBinding;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.apache.cxf.binding.soap.SoapFault;
import org.junit.jupiter.api.Test;

/**
 * The simulator against a CXF JAX-WS {@code Dispatch<Source>} in PAYLOAD mode, as PlanBridge calls NAV
 * (Basic here; the NTLM legs are proven with HttpClient in {@link NavSimulatorTest}).
 */
class NavSimulatorCxfTest {

  private static final String NS = NavSimulator.NAMESPACE;

  @Test
  void aDispatchCreatesAndSeesNavFaults() throws Exception {
    try (NavSimulator nav = NavSimulator.builder().mode(NavSimulator.AuthMode.BASIC).user(NavSimulator.USER)
        .password("pw").start()) {
      QName port = new QName(NS, "Appointment_Port");
      Service service = Service.create(new QName(NS, "Appointment_Service"));
      service.addPort(port, SOAPBinding.SOAP11HTTP_BINDING, nav.pageUrl());
      Dispatch<Source> dispatch = service.createDispatch(port, Source.class, Service.Mode.PAYLOAD);
      Map<String, Object> context = dispatch.getRequestContext();
      context.put(BindingProvider.USERNAME_PROPERTY, NavSimulator.USER);
      context.put(BindingProvider.PASSWORD_PROPERTY, "pw");
      context.put(BindingProvider.SOAPACTION_USE_PROPERTY, true);
      context.put(BindingProvider.SOAPACTION_URI_PROPERTY, NS + ":Create");
      String create = "<Create xmlns=\"" + NS + "\"><Appointment><Subject>S</Subject>"
          + "<PlanBridge_Transaction_Id>t1</PlanBridge_Transaction_Id></Appointment></Create>";
      Source answer = dispatch.invoke(new StreamSource(new StringReader(create)));
      StringWriter text = new StringWriter();
      TransformerFactory.newInstance().newTransformer().transform(answer, new StreamResult(text));
      assertTrue(text.toString().contains("<Entry_No>1</Entry_No>"), text.toString());
      WebServiceException refused = assertThrows(WebServiceException.class,
          () -> dispatch.invoke(new StreamSource(new StringReader(create))));
      SoapFault fault = (SoapFault) refused.getCause();
      assertTrue(fault.getMessage().startsWith("The Appointment already exists."), fault.getMessage());
      assertEquals(new QName("urn:microsoft-dynamics-schemas/error", SoapMessages.NAV_CSIDE_EXCEPTION),
          fault.getFaultCode());
      assertEquals(1, nav.stored().size());
    }
  }
}
