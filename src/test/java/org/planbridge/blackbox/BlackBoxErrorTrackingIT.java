package org.planbridge.blackbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.planbridge.testing.Browser;
import org.planbridge.testing.ConsoleClient;
import org.planbridge.testing.ConsoleClient.Page;
import org.planbridge.testing.DeliveryDesk;
import org.planbridge.testing.RecordingWebhook;
import org.planbridge.testing.ServerUnderTest;

/**
 * Error tracking as IT staff use it: deliveries fail against a back office that is down, the operator sees them,
 * fixes the connector on the Connectors page and sends them all again until they are Success, archives what should not be sent; a viewer
 * sees the same list and can change nothing; every action is in the audit trail.
 */
class BlackBoxErrorTrackingIT {

  static final Duration DELIVERED = Duration.ofSeconds(30);

  @Test
  void anOperatorFixesTheConnectorInTheConsoleRetriesAllAndSeesSuccess() throws Exception {
    DeliveryDesk desk = new DeliveryDesk(ServerUnderTest.api());
    String app = failed(desk, "E", 3);
    String operator = BlackBoxConsoleIT.account("operator");

    try (RecordingWebhook hook = new RecordingWebhook(); Browser browser = Browser.open(ServerUnderTest.base())) {
      browser.go("/console/login.xhtml");
      BlackBoxConsoleBrowserIT.logIn(browser, operator, BlackBoxConsoleIT.password(operator));
      assertTrue(browser.text("attention").contains(app), "the dashboard says " + app + " needs attention");
      long failedBefore = browser.chartTotals("deliveries").getOrDefault("Failed", 0L);
      assertTrue(failedBefore >= 3, "the chart has the 3 failed attempts: " + browser.chartTotals("deliveries"));
      assertEquals(failedBefore, Long.parseLong(browser.text("failed")), "the day's figure is the chart's sum");
      browser.clickInRow(app, "errors-of");
      assertTrue(browser.text("list:table").contains(app), browser.text("list:table"));
      assertTrue(browser.text("list:retry-all").contains("Retry all 3 matching"), browser.text("list:retry-all"));
      browser.screenshot(BlackBoxConsoleBrowserIT.shot("errors"));

      jakarta.json.JsonObject first = desk.transactions(app).get(0);
      String attempts = browser.expandRow(String.valueOf(first.getJsonNumber("id").longValue()));
      assertTrue(attempts.contains("Failed") && attempts.contains("Connector " + app), "its attempts: " + attempts);
      assertTrue(attempts.contains(first.getString("message")), "the attempt's message: " + attempts);
      browser.screenshot(BlackBoxConsoleBrowserIT.shot("errors-attempts"));
      browser.clickEndingWith("fix-connector");
      assertTrue(browser.path().startsWith("/console/connectors.xhtml?sourceApp="), browser.path());
      assertTrue(browser.find("connector:sourceApp").getDomProperty("value").equals(app), "its connector is open");
      browser.type("connector:uri", hook.uri()).click("connector:save");
      assertTrue(browser.pageText().contains("Connector " + app + " saved."), browser.pageText());
      browser.screenshot(BlackBoxConsoleBrowserIT.shot("connectors"));
      browser.click("nav-errors").type("filter:sourceApp", app).click("filter:apply");
      browser.find("list:retry-all").click();
      browser.click("list:confirm-yes");
      assertTrue(browser.pageText().contains("Sent 3 transactions again"), browser.pageText());
      await().atMost(DELIVERED).until(() -> desk.statuses(app).equals(Collections.nCopies(3, "Success")));
      assertEquals(3, hook.received().size(), "the back office got each appointment once");
      browser.click("nav-dashboard");
      assertTrue(browser.chartTotals("deliveries").getOrDefault("Success", 0L) >= 3, "the chart has the successes");
      browser.screenshot(BlackBoxConsoleBrowserIT.shot("dashboard-deliveries"));
    }
    assertTrue(auditTrail().contains("retry all"), "the retry is in the audit trail");
  }

  @Test
  void aViewerSeesTheErrorsButNoActionAndARetryPostedByHandIsRefused() {
    DeliveryDesk desk = new DeliveryDesk(ServerUnderTest.api());
    String app = failed(desk, "V", 1);
    ConsoleClient viewer = BlackBoxConsoleIT.loggedIn("viewer");

    Page errors = viewer.get("console/errors.xhtml");
    assertEquals(200, errors.status());
    assertFalse(errors.body().contains("list:retry-all"), "no retry button for a viewer");
    Page filtered = viewer.submit(errors, "filter", Map.of("sourceApp", app, "status_input", ""), "apply");
    assertTrue(filtered.body().contains(app), "the viewer sees the failed transaction");
    for (String button : List.of("retry-all", "archive-all", "retry-selected")) {
      Page forged = viewer.submit(filtered, "list", Map.of(), button);
      assertEquals(403, forged.status(), button + " " + BlackBoxConsoleIT.on());
      assertTrue(forged.body().contains("This page offers you no such action (list:" + button + ")"), forged.body());
      assertFalse(forged.body().contains("Sent ") || forged.body().contains("Archived "), "nothing was done");
    }
    assertEquals(List.of("Failed"), desk.statuses(app), "nothing was retried or archived");
    assertTrue(auditTrail().contains("list:retry-all"), "the refusal is in the audit trail");
    Page stillUsable = viewer.submit(filtered, "filter", Map.of("sourceApp", app, "status_input", ""), "apply");
    assertEquals(200, stillUsable.status(), "the buttons the viewer is shown still work");
  }

  @Test
  void anOperatorArchivesAllThatMatchTheFilterAndNothingElse() {
    DeliveryDesk desk = new DeliveryDesk(ServerUnderTest.api());
    String app = failed(desk, "Z", 3);
    String other = failed(desk, "Y", 1);
    String operator = BlackBoxConsoleIT.account("operator");
    try (Browser browser = Browser.open(ServerUnderTest.base())) {
      browser.go("/console/login.xhtml");
      BlackBoxConsoleBrowserIT.logIn(browser, operator, BlackBoxConsoleIT.password(operator));
      browser.click("nav-errors").type("filter:sourceApp", app).click("filter:apply");
      assertTrue(browser.text("list:archive-all").contains("Archive all 3 matching"), browser.text("list:archive-all"));
      browser.find("list:archive-all").click();
      browser.click("list:confirm-yes");
      assertTrue(browser.pageText().contains("Archived 3 transactions."), browser.pageText());
      assertTrue(browser.text("list:table").contains("No transaction matches."), browser.text("list:table"));
    }
    assertEquals(List.of(), desk.statuses(app), "archived: out of the lists");
    assertEquals(List.of("Failed"), desk.statuses(other), "another Source App's error is untouched");
    assertTrue(auditTrail().contains("Source App " + app), "the filter is in the audit trail");
  }

  @Test
  void anAdminArchivesTheSelectedErrorsAndExportsTheAuditTrail() {
    DeliveryDesk desk = new DeliveryDesk(ServerUnderTest.api());
    String app = failed(desk, "A", 2);
    ConsoleClient admin = BlackBoxConsoleIT.admin();
    Page filtered = admin.submit(admin.get("console/errors.xhtml"), "filter", Map.of("sourceApp", app,
        "status_input", "Failed"), "apply");
    List<String> ids = desk.transactions(app).stream().map(t -> String.valueOf(t.getJsonNumber("id").longValue()))
        .toList();
    Page archived = admin.submit(filtered, "list", Map.of("table_selection", String.join(",", ids)),
        "archive-selected");
    assertTrue(archived.body().contains("Archived 2 transactions."), archived.body());
    assertFalse(archived.body().contains(app + "</"), "archived ones leave the list");

    Page audit = admin.get("console/audit.xhtml");
    Page csv = admin.submit(audit, "audit", Map.of(), "export");
    assertEquals(200, csv.status());
    assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.header("Content-Type"));
    assertTrue(csv.body().startsWith("id,at,user,action,target,outcome\r\n"), csv.body());
    String archive = "\"archive\",\"transactions [" + String.join(", ", ids) + "]\"";
    assertTrue(csv.body().contains(archive), csv.body());

    Page ofArchive = admin.submit(audit, "filter", Map.of("username", "", "action_input", "archive",
        "text", "[" + ids.get(0) + ",", "from", "", "to", ""), "apply");
    assertTrue(ofArchive.body().contains("transactions [" + String.join(", ", ids) + "]"), ofArchive.body());
    assertFalse(ofArchive.body().contains(">create account</td>"), "only the archive");
    Page onlyThat = admin.submit(ofArchive, "audit", Map.of(), "export");
    List<String> lines = onlyThat.body().lines().toList();
    assertEquals(2, lines.size(), "the export holds what the filter matches: " + onlyThat.body());
    assertTrue(lines.get(1).contains(archive), lines.get(1));
    Page badTime = admin.submit(ofArchive, "filter", Map.of("username", "", "action_input", "", "text", "",
        "from", "1 May", "to", ""), "apply");
    assertTrue(badTime.body().contains("from: &#39;1 May&#39; is not a time")
        || badTime.body().contains("from: '1 May' is not a time"), badTime.body());
  }

  /** A new Source App whose webhook connector points at a closed port, and {@code count} Failed transactions. */
  static String failed(DeliveryDesk desk, String prefix, int count) {
    String app = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    desk.connector(app, Json.createObjectBuilder().add("backOfficeSystem", "WEBHOOK").add("uri", "http://127.0.0.1:9/"));
    desk.appointments(app, "J-1", count);
    await().atMost(DELIVERED).until(() -> desk.statuses(app).equals(Collections.nCopies(count, "Failed")));
    return app;
  }

  static String auditTrail() {
    return BlackBoxConsoleIT.admin().get("console/audit.xhtml").body();
  }
}
