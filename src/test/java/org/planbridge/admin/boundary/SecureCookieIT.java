package org.planbridge.admin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planbridge.testing.ConsoleClient;
import org.planbridge.testing.PlanBridgeProcess;
import org.planbridge.testing.TestDatabase;

/**
 * The console's session cookie is Secure when the console is served over HTTPS (Payara Micro with its own
 * certificate), and not over plain HTTP (or the console could not be used there); PLANBRIDGE_CONSOLE_SECURE_COOKIE=true,
 * for a server behind a proxy that ends TLS, makes it Secure over plain HTTP too.
 */
class SecureCookieIT {

  static PlanBridgeProcess tls;
  static int tlsPort;
  static PlanBridgeProcess behindProxy;

  @BeforeAll
  static void start() throws Exception {
    tlsPort = PlanBridgeProcess.freeLocalPort();
    tls = PlanBridgeProcess.startWithTls("tls", Map.of("PLANBRIDGE_DB_URL", TestDatabase.own("tls")), tlsPort);
    behindProxy = PlanBridgeProcess.start("secure-cookie", Map.of("PLANBRIDGE_CONSOLE_SECURE_COOKIE", "true",
        "PLANBRIDGE_DB_URL", TestDatabase.own("securecookie")));
    tls.awaitReady(Duration.ofMinutes(4));
    behindProxy.awaitReady(Duration.ofMinutes(4));
  }

  @AfterAll
  static void stop() {
    for (PlanBridgeProcess server : new PlanBridgeProcess[] {tls, behindProxy}) {
      if (server != null) {
        server.close();
      }
    }
  }

  @Test
  void overHttpsTheSessionCookieIsSecureAndOverPlainHttpItIsNot() throws Exception {
    HttpResponse<String> https = trustingAnyCertificate().send(HttpRequest.newBuilder(
        URI.create("https://127.0.0.1:" + tlsPort + "/console/login.xhtml")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(200, https.statusCode());
    String cookie = sessionCookie(https.headers().allValues("Set-Cookie"));
    assertTrue(secure(cookie), "over HTTPS: " + cookie);
    assertTrue(cookie.contains("httponly") && cookie.contains("samesite=strict"), cookie);

    ConsoleClient.Page plain = new ConsoleClient(new URL(tls.base())).get("console/login.xhtml");
    String plainCookie = sessionCookie(plain.headers().allValues("Set-Cookie"));
    assertFalse(secure(plainCookie), "over plain HTTP: " + plainCookie);
  }

  @Test
  void behindATlsProxyTheSettingMakesItSecureOverPlainHttp() throws Exception {
    ConsoleClient.Page page = new ConsoleClient(new URL(behindProxy.base())).get("console/login.xhtml");
    assertEquals(200, page.status());
    String cookie = sessionCookie(page.headers().allValues("Set-Cookie"));
    assertTrue(secure(cookie), cookie);
    assertTrue(cookie.contains("httponly") && cookie.contains("samesite=strict"), cookie);
  }

  static String sessionCookie(java.util.List<String> cookies) {
    return cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElse("").toLowerCase(Locale.ROOT);
  }

  static boolean secure(String cookie) {
    return cookie.matches(".*;\\s*secure(;.*|$)");
  }

  /** A client for the test server's self-signed certificate only: it checks no certificate and no host name. */
  static HttpClient trustingAnyCertificate() throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {new X509ExtendedTrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String type) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String type) {}

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String type, Socket socket) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String type, Socket socket) {}

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String type, SSLEngine engine) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String type, SSLEngine engine) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    }}, null);
    SSLParameters parameters = new SSLParameters();
    parameters.setEndpointIdentificationAlgorithm(null);
    return HttpClient.newBuilder().sslContext(context).sslParameters(parameters).connectTimeout(Duration.ofSeconds(5))
        .build();
  }
}
