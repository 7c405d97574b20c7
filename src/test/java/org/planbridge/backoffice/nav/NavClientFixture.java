package org.planbridge.backoffice.nav;

import org.junit.jupiter.api.AfterEach;
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

  /** The page client of most tests. */
  abstract static class Page extends NavClientFixture<NavPageClient> {

    Page() {
      super(page());
    }

    private static NavPageClient page() {
      NavPageClient client = new NavPageClient();
      client.settings = SHORT;
      client.trust = JVM_TRUST;
      return client;
    }

    @Override
    void close(NavPageClient client) {
      client.close();
    }
  }
}
