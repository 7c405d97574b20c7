package org.planbridge.backoffice.nav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.planbridge.backoffice.DeliveryFailed;
import org.planbridge.backoffice.tls.BackOfficeTrust;
import org.planbridge.testing.nav.NavSimulator;

/**
 * A NAV client with short timeouts and the JVM's default trust, and the simulator a test starts; both closed
 * after each test. {@code C} is the client.
 */
abstract class NavClientFixture<C> {

  static final NavSettings SHORT = NavSettings.of(2000, 5000);
  static final BackOfficeTrust JVM_TRUST = BackOfficeTrust.of(null, null);

  NavSimulator nav;
  final C client;

  NavClientFixture(C client) {
    this.client = client;
  }

  abstract void close(C client);

  @AfterEach
  void stop() {
    close(client);
    if (nav != null) {
      nav.close();
    }
  }

  /**
   * A delivery refused as a wrong Windows password reads: HTTP 401, the login as written, what to check; never the
   * password, and the password never travelled as Basic.
   */
  static void assertWindowsLoginRefused(DeliveryFailed failed, String password, NavSimulator nav) {
    String message = failed.getMessage();
    assertTrue(message.contains("HTTP 401"), message);
    assertTrue(message.contains("Windows authentication (NTLM) as '" + NavSimulator.WINDOWS_LOGIN + "'"), message);
    assertTrue(message.contains("Check the connector's login and password"), message);
    assertFalse(message.contains(password), message);
    assertFalse(failed.isMisconfigured(), "Failed: the login is fixed on the connector, then retried");
    assertEquals(0, nav.basicHeadersInWindowsMode(), "a Windows password never travels as Basic");
  }

  /** A page client with short timeouts and the JVM's default trust. */
  static NavPageClient pageClient() {
    NavPageClient client = new NavPageClient();
    client.settings = SHORT;
    client.trust = JVM_TRUST;
    return client;
  }

  /** A codeunit client with short timeouts and the JVM's default trust. */
  static NavCodeunitClient codeunitClient() {
    NavCodeunitClient client = new NavCodeunitClient();
    client.settings = SHORT;
    client.trust = JVM_TRUST;
    return client;
  }

  /** The page client of most tests. */
  abstract static class Page extends NavClientFixture<NavPageClient> {

    Page() {
      super(pageClient());
    }

    @Override
    void close(NavPageClient client) {
      client.close();
    }
  }

  /** The codeunit client. */
  abstract static class Codeunit extends NavClientFixture<NavCodeunitClient> {

    Codeunit() {
      super(codeunitClient());
    }

    @Override
    void close(NavCodeunitClient client) {
      client.close();
    }
  }
}
