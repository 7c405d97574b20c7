package org.planbridge.admin.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.planbridge.testing.ConsoleClient;
import org.planbridge.testing.PlanBridgeProcess;
import org.planbridge.testing.TestDatabase;

/**
 * PLANBRIDGE_CONSOLE_SECURE_COOKIE=true, for a server behind a proxy that ends TLS: the session cookie is Secure
 * although the request came over plain HTTP (so a browser sends it back over HTTPS only).
 */
class SecureCookieIT {

  static PlanBridgeProcess server;

  @BeforeAll
  static void startBehindATlsProxy() throws Exception {
    server = PlanBridgeProcess.start("secure-cookie", Map.of("PLANBRIDGE_CONSOLE_SECURE_COOKIE", "true",
        "PLANBRIDGE_DB_URL", TestDatabase.own("securecookie")))
        .awaitReady(Duration.ofMinutes(4));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theSessionCookieIsSecureHttpOnlyAndSameSiteStrict() throws Exception {
    ConsoleClient.Page page = new ConsoleClient(new URL(server.base())).get("console/login.xhtml");
    assertEquals(200, page.status());
    String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
        .findFirst().orElse("").toLowerCase(Locale.ROOT);
    assertTrue(cookie.matches(".*;\\s*secure(;.*|$)"), cookie);
    assertTrue(cookie.contains("httponly") && cookie.contains("samesite=strict"), cookie);
  }
}
