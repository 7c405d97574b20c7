package org.planbridge.backoffice.nav;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.net.ssl.TrustManager;
import org.apache.http.Header;
import org.apache.http.HttpResponse;
import org.apache.http.auth.AuthSchemeProvider;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.Credentials;
import org.apache.http.auth.NTCredentials;
import org.apache.http.client.config.AuthSchemes;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.config.Registry;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.impl.auth.NTLMSchemeFactory;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;
import org.planbridge.backoffice.DeliveryFailed;
import org.planbridge.backoffice.RetryAfter;
import org.planbridge.backoffice.tls.BackOfficeTrust;

/**
 * The HTTP side of a NAV login, shared by the SOAP calls (through CXF's HttpAsyncClient conduit) and the WSDL
 * fetch (HttpClient 4 itself, the same library): the auth schemes a Windows login answers (NTLM, and NTLM
 * inside Negotiate; never Basic, so a Windows password never travels as Basic) and its credentials. A Bearer
 * login sends its token and nothing else.
 */
final class NavHttp {

  /**
   * The HTTP status NAV answered instead of a document or a SOAP answer: a WSDL fetch's other than 200, a SOAP
   * call's of 400 and up but 500 ({@link StatusInterceptor}); with the wait its {@code Retry-After} asked for,
   * from when it arrived (null when none).
   */
  static final class Status extends IOException {
    private static final long serialVersionUID = 1L;
    /**
     * How CXF's conduit reports a 401 it was refused again after answering it (NTLM credentials refused at the
     * handshake's end, a Bearer token refused): it would send the same authorization once more, and stops there.
     */
    private static final String AUTHORIZATION_LOOP = "Authorization loop detected";
    final int code;
    final Duration retryAfter;

    Status(int code, String reason, String retryAfter) {
      super("HTTP " + code + (reason == null || reason.isBlank() ? "" : " " + reason));
      this.code = code;
      this.retryAfter = RetryAfter.parse(retryAfter, Instant.now()).orElse(null);
    }

    /**
     * The status a failed call was answered with, found in its causes; CXF's authorization loop as the 401 it is;
     * null when the call got no status (a SOAP fault, TLS, the network).
     */
    static Status in(Throwable failure) {
      for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
        if (cause instanceof Status status) {
          return status;
        }
        if (cause instanceof IOException io && String.valueOf(io.getMessage()).startsWith(AUTHORIZATION_LOOP)) {
          return new Status(401, null, null);
        }
      }
      return null;
    }
  }

  private NavHttp() {}

  static Registry<AuthSchemeProvider> windowsSchemes() {
    return RegistryBuilder.<AuthSchemeProvider>create()
        .register(AuthSchemes.NTLM, new NTLMSchemeFactory())
        .register(NtlmInNegotiate.NEGOTIATE, NtlmInNegotiate.PROVIDER)
        .build();
  }

  static Credentials windowsCredentials(NavLogin login) {
    return new NTCredentials(login.user(), login.password(), null, login.domain());
  }

  static String basicHeader(NavLogin login) {
    return "Basic " + Base64.getEncoder().encodeToString((login.user() + ":" + login.password())
        .getBytes(StandardCharsets.UTF_8));
  }

  /**
   * GETs a document (the page's WSDL) as the login, over TLS with the connector's trust and HttpClient's default
   * host name verifier; throws {@link Status} for an answer other than 200, and {@link DeliveryFailed} when a
   * Bearer login's token cannot be fetched.
   */
  static String get(URI uri, NavLogin login, TrustManager[] trust, NavSettings settings)
      throws IOException, DeliveryFailed {
    RequestConfig timeouts = RequestConfig.custom().setConnectTimeout(settings.connectTimeoutMs())
        .setSocketTimeout(settings.readTimeoutMs()).setConnectionRequestTimeout(settings.connectTimeoutMs()).build();
    var builder = HttpClients.custom().disableCookieManagement().disableAutomaticRetries().useSystemProperties()
        .setDefaultRequestConfig(timeouts).setSSLSocketFactory(new SSLConnectionSocketFactory(
            BackOfficeTrust.context(trust), SSLConnectionSocketFactory.getDefaultHostnameVerifier()));
    if (login.kind() == NavLogin.Kind.WINDOWS) {
      BasicCredentialsProvider credentials = new BasicCredentialsProvider();
      credentials.setCredentials(AuthScope.ANY, windowsCredentials(login));
      builder.setDefaultAuthSchemeRegistry(windowsSchemes()).setDefaultCredentialsProvider(credentials);
    }
    HttpGet get = new HttpGet(uri);
    if (login.kind() == NavLogin.Kind.BASIC) {
      get.setHeader("Authorization", basicHeader(login));
    } else if (login.kind() == NavLogin.Kind.BEARER) {
      get.setHeader("Authorization", "Bearer " + login.tokens().current().value());
    }
    try (CloseableHttpClient client = builder.build()) {
      HttpResponse response = client.execute(get);
      String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(),
          StandardCharsets.UTF_8);
      if (response.getStatusLine().getStatusCode() != 200) {
        Header retryAfter = response.getFirstHeader("Retry-After");
        throw new Status(response.getStatusLine().getStatusCode(), response.getStatusLine().getReasonPhrase(),
            retryAfter == null ? null : retryAfter.getValue());
      }
      return body;
    }
  }
}
