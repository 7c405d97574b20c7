package org.planbridge.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ApiKeyFilterTest {

  @Test
  void aKeyComesAsXApiKeyOrAsABearerTokenAndXApiKeyWins() {
    assertEquals("k1", ApiKeyFilter.presentedKey("k1", null));
    assertEquals("k1", ApiKeyFilter.presentedKey("k1", "Bearer k2"));
    assertEquals("k2", ApiKeyFilter.presentedKey(null, "Bearer k2"));
    assertEquals("k2", ApiKeyFilter.presentedKey("  ", "bearer k2"));
    assertEquals("k2", ApiKeyFilter.presentedKey(null, " BEARER k2 "), "the scheme in any case");
    assertEquals("k2", ApiKeyFilter.presentedKey(null, "Bearer   k2"), "spaces after the scheme (RFC 9110: one or more)");
    assertNull(ApiKeyFilter.presentedKey(null, "Basic dXNlcjpwYXNz"));
    assertNull(ApiKeyFilter.presentedKey(null, "Bearer"));
    assertNull(ApiKeyFilter.presentedKey(null, null));
  }
}
