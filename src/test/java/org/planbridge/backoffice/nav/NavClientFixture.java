package org.planbridge.backoffice.nav;

import org.junit.jupiter.api.AfterEach;
import org.planbridge.backoffice.tls.BackOfficeTrust;
import org.planbridge.testing.nav.NavSimulator;

/** A page client with short timeouts and the JVM's default trust, and the simulator a test starts; both closed. */
abstract class NavClientFixture {

  NavSimulator nav;
  NavPageClient client = new NavPageClient();

  NavClientFixture() {
    client.connectTimeoutMs = 2000;
    client.readTimeoutMs = 5000;
    client.trust = BackOfficeTrust.of(null, null);
  }

  @AfterEach
  void stop() {
    client.close();
    if (nav != null) {
      nav.close();
    }
  }
}
