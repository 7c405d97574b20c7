package org.planbridge.backoffice.nav;

import jakarta.xml.ws.handler.MessageContext;
import java.util.List;
import java.util.Map;
import javax.net.ssl.TrustManager;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transport.http.asyncclient.AsyncHTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.apache.http.auth.AuthSchemeProvider;
import org.apache.http.auth.Credentials;

/**
 * The HTTP transport of every SOAP call to NAV, one setup for a page's {@link SoapPort} and a codeunit's proxy:
 * CXF's HttpAsyncClient 4 conduit, forced for every call ({@code use.async.http.conduit}): it takes the NTLM
 * credentials and the auth scheme registry from the request context, and, with chunking off and redirects on,
 * caches the body to send it again on each leg of the NTLM handshake. CXF's default conduit
 * ({@code java.net.http}) cannot do NTLM. TLS trust must reach it as TrustManagers: given an SSLSocketFactory
 * the conduit silently falls back to HttpURLConnection, and NTLM with it.
 *
 * <p>An HTTP error answer (400 and up but 500) goes on to the client's in chain ({@code no_io_exceptions}),
 * where {@link StatusInterceptor} reads its status and {@code Retry-After}; CXF's conduit would otherwise throw
 * before reading any header.
 *
 * <p>It is set once, when the port is built, and never changed per call: the drain's threads share the port. A
 * Bearer token, which changes, is put on each request by {@link BearerHeader}.
 */
final class NavTransport {

  private NavTransport() {}

  /**
   * Sets up {@code client} (its conduit) and its {@code requestContext} to call NAV as {@code login}, trusting
   * {@code trust}. The host name check stays CXF's default verifier (the CN check is never disabled).
   */
  static void configure(Client client, Map<String, Object> requestContext, NavLogin login, TrustManager[] trust,
      NavSettings settings) {
    requestContext.put(AsyncHTTPConduit.USE_ASYNC, Boolean.TRUE);
    requestContext.put(HTTPConduit.NO_IO_EXCEPTIONS, Boolean.TRUE);
    requestContext.put(HTTPConduit.SET_HTTP_RESPONSE_MESSAGE, Boolean.TRUE);
    client.getInInterceptors().add(StatusInterceptor.INSTANCE);
    switch (login.kind()) {
      case WINDOWS -> {
        requestContext.put(Credentials.class.getName(), NavHttp.windowsCredentials(login));
        requestContext.put(AuthSchemeProvider.class.getName(), NavHttp.windowsSchemes());
      }
      case BASIC -> requestContext.put(MessageContext.HTTP_REQUEST_HEADERS,
          Map.of("Authorization", List.of(NavHttp.basicHeader(login))));
      case BEARER -> client.getOutInterceptors().add(new BearerHeader(login.tokens()));
      case NONE -> { }
    }
    HTTPConduit conduit = (HTTPConduit) client.getConduit();
    HTTPClientPolicy policy = new HTTPClientPolicy();
    policy.setAllowChunking(false);
    policy.setAutoRedirect(true);
    policy.setConnectionTimeout(settings.connectTimeoutMs());
    policy.setReceiveTimeout(settings.readTimeoutMs());
    conduit.setClient(policy);
    TLSClientParameters tls = new TLSClientParameters();
    tls.setTrustManagers(trust);
    conduit.setTlsClientParameters(tls);
  }
}
