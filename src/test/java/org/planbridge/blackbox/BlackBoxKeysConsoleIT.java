package org.planbridge.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.planbridge.testing.ApiClient;
import org.planbridge.testing.ConsoleClient;
import org.planbridge.testing.ConsoleClient.Page;
import org.planbridge.testing.ServerUnderTest;

/** API keys on the console: created with their scopes and shown once, used, revoked; admins only. */
class BlackBoxKeysConsoleIT {

  static final Pattern KEY = Pattern.compile("<code id=\"new-key\">(pb_[A-Za-z0-9_-]+)</code>");

  @Test
  void anAdminCreatesAMetricsKeySeesItOnceAndRevokesIt() {
    String name = "console key " + UUID.randomUUID().toString().substring(0, 8);
    ConsoleClient admin = BlackBoxConsoleIT.admin();
    Page created = admin.submit(admin.get("console/keys.xhtml"), "key", Map.of("name", name, "scopes", "metrics"),
        "create");
    Matcher shown = KEY.matcher(created.body());
    assertTrue(shown.find(), created.body());
    String key = shown.group(1);

    ApiClient api = ServerUnderTest.api();
    assertEquals(200, api.sendWith("GET", "api/metrics", "X-API-KEY", key).status(), "the key reads the metrics");
    assertEquals(403, api.send("GET", "api/jobs", (String) null, key).status(), "and nothing else");
    Page again = admin.get("console/keys.xhtml");
    assertTrue(again.body().contains(name), "listed");
    assertFalse(again.body().contains(key), "never shown again");

    String id = again.body().replaceAll("(?s).*<td[^>]*>(\\d+)</td><td[^>]*>" + Pattern.quote(name) + "</td>.*", "$1");
    Page revoked = admin.post("console/keys.xhtml", Map.of("keys", "keys", "keys:list:" + row(again, name)
        + ":revoke", "", "jakarta.faces.ViewState", again.viewState(), "primefaces.nonce", again.nonce()));
    assertTrue(revoked.body().contains("API key " + id + " revoked."), revoked.body());
    assertEquals(401, api.sendWith("GET", "api/metrics", "X-API-KEY", key).status(), "a revoked key is refused");

    Page csv = admin.submit(admin.get("console/audit.xhtml"), "audit", Map.of(), "export");
    assertTrue(csv.body().contains("create API key") && !csv.body().contains(key), "audited, without the key");
  }

  @Test
  void aBadKeyRequestNamesTheFieldAndAnOperatorGetsNoKeys() {
    ConsoleClient admin = BlackBoxConsoleIT.admin();
    Page refused = admin.submit(admin.get("console/keys.xhtml"), "key", Map.of("name", "", "scopes", "metrics"),
        "create");
    assertTrue(refused.body().contains("name: "), refused.body());
    assertFalse(KEY.matcher(refused.body()).find(), "no key was made");
    assertEquals(403, BlackBoxConsoleIT.loggedIn("operator").get("console/keys.xhtml").status());
  }

  /** The row index of the key named {@code name} in the page's table. */
  static int row(Page page, String name) {
    Matcher rows = Pattern.compile("data-ri=\"(\\d+)\"[^>]*>(?:(?!</tr>).)*?" + Pattern.quote(name), Pattern.DOTALL)
        .matcher(page.body());
    if (!rows.find()) {
      throw new AssertionError("no row for " + name);
    }
    return Integer.parseInt(rows.group(1));
  }
}
