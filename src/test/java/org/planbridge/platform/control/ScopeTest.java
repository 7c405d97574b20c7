package org.planbridge.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ScopeTest {

  @ParameterizedTest
  @ValueSource(strings = {"admin", "/admin", "admin/", "admin/keys", "/admin/keys/3", "admin/transactions/retry",
      "//admin/connectors", "admin;x=1/keys", "ADMIN/keys", "Admin"})
  void theAdminApiNeedsAdmin(String path) {
    assertEquals(Scope.ADMIN, Scope.neededFor(path));
  }

  @ParameterizedTest
  @ValueSource(strings = {"metrics", "/metrics", "metrics/import", "metrics.json"})
  void metricsNeedMetrics(String path) {
    assertEquals(Scope.METRICS, Scope.neededFor(path));
  }

  @ParameterizedTest
  @ValueSource(strings = {"import", "/import", "jobs", "appointment", "connector", "", "/", "administrators",
      "adminx/keys", "jobs/admin", "import/metrics"})
  void everythingElseNeedsIngest(String path) {
    assertEquals(Scope.INGEST, Scope.neededFor(path));
  }

  @Test
  void aNullPathNeedsIngest() {
    assertEquals(Scope.INGEST, Scope.neededFor(null));
  }

  @Test
  void namesAreExactAndListedInOrder() {
    assertEquals(Optional.of(Scope.ADMIN), Scope.parse("admin"));
    assertEquals(Optional.empty(), Scope.parse("Admin"));
    assertEquals(Optional.empty(), Scope.parse("root"));
    assertEquals("ingest, admin, metrics", Scope.accepted());
  }

  @Test
  void theConfiguredKeyHasEveryScopeAndEverySourceApp() {
    KeyIdentity configured = KeyIdentity.configured();
    for (Scope scope : Scope.values()) {
      assertTrue(configured.allows(scope));
    }
    assertTrue(configured.allowsSourceApp("BC"));
    assertEquals(null, configured.id());
  }

  @Test
  void aStoredKeyHasWhatItWasGiven() {
    KeyIdentity key = new KeyIdentity(7L, "ci", EnumSet.of(Scope.INGEST), List.of("BC"));
    assertTrue(key.allows(Scope.INGEST));
    assertFalse(key.allows(Scope.ADMIN));
    assertTrue(key.allowsSourceApp("BC"));
    assertFalse(key.allowsSourceApp("bc"), "Source Apps match exactly");
  }
}
