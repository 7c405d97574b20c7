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
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.jaxws.DispatchImpl;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.jaxws.ServiceImpl;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transport.http.asyncclient.AsyncHTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.apache.http.auth.AuthSchemeProvider;
import org.apache.http.auth.Credentials;

/**
 * One SOAP operation of one NAV service as a CXF {@code Dispatch<Source>} in PAYLOAD mode: built once per
 * connector version from CXF's own {@link ServiceImpl} (never {@code Service.create}, which would hand the call
 * to the application server's JAX-WS), and shared by the drain's threads: its request context is set once and
 * never changed per call, which CXF allows.
 *
 * <p>The transport is CXF's HttpAsyncClient 4 conduit, forced for every call ({@code use.async.http.conduit}):
 * it takes the NTLM credentials and the auth scheme registry from the request context, and, with chunking off
 * and redirects on, caches the body to send it again on each leg of the NTLM handshake. CXF's default conduit
 * ({@code java.net.http}) cannot do NTLM. TLS trust must reach it as TrustManagers: given an SSLSocketFactory
 * the conduit silently falls back to HttpURLConnection, and NTLM with it. The host name check stays CXF's
 * default verifier (the CN check is never disabled).
 */
final class SoapPort implements AutoCloseable {

  private static final TransformerFactory TRANSFORMERS = TransformerFactory.newInstance();

  private final Dispatch<Source> dispatch;

  SoapPort(Bus bus, QName service, QName port, URI endpoint, String soapAction, NavLogin login,
      TrustManager[] trust, int connectTimeoutMs, int readTimeoutMs) {
    ServiceImpl services = new ServiceImpl(bus, null, service, null);
    services.addPort(port, SOAPBinding.SOAP11HTTP_BINDING, endpoint.toString());
    dispatch = services.createDispatch(port, Source.class, Service.Mode.PAYLOAD);
    Map<String, Object> context = dispatch.getRequestContext();
    context.put(BindingProvider.SOAPACTION_USE_PROPERTY, Boolean.TRUE);
    context.put(BindingProvider.SOAPACTION_URI_PROPERTY, soapAction);
    context.put(AsyncHTTPConduit.USE_ASYNC, Boolean.TRUE);
    switch (login.kind()) {
      case WINDOWS -> {
        context.put(Credentials.class.getName(), NavHttp.windowsCredentials(login));
        context.put(AuthSchemeProvider.class.getName(), NavHttp.windowsSchemes());
      }
      case BASIC -> context.put(jakarta.xml.ws.handler.MessageContext.HTTP_REQUEST_HEADERS,
          Map.of("Authorization", java.util.List.of(NavHttp.basicHeader(login))));
      case NONE -> { }
    }
    Client client = ((DispatchImpl<?>) dispatch).getClient();
    HTTPConduit conduit = (HTTPConduit) client.getConduit();
    HTTPClientPolicy policy = new HTTPClientPolicy();
    policy.setAllowChunking(false);
    policy.setAutoRedirect(true);
    policy.setConnectionTimeout(connectTimeoutMs);
    policy.setReceiveTimeout(readTimeoutMs);
    conduit.setClient(policy);
    TLSClientParameters tls = new TLSClientParameters();
    tls.setTrustManagers(trust);
    conduit.setTlsClientParameters(tls);
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
