package org.planbridge.blackbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.planbridge.testing.Browser;
import org.planbridge.testing.ConsoleClient;
import org.planbridge.testing.ConsoleClient.Page;
import org.planbridge.testing.DeliveryDesk;
import org.planbridge.testing.ServerUnderTest;

/**
 * The Logs page: a delivery that failed is in the log with its transaction and appointment, found by its text, its
 * level or its transaction, by any role; a filter the page cannot read says which part and why.
 */
class BlackBoxLogsConsoleIT {

  static final Duration WRITTEN = Duration.ofSeconds(15);

  @Test
  void aFailedDeliveryIsInTheLogsWithItsTransactionAndIsFoundByTextLevelAndId() {
    DeliveryDesk desk = new DeliveryDesk(ServerUnderTest.api());
    String app = BlackBoxErrorTrackingIT.failed(desk, "L", 1);
    long transaction = desk.only(app).getJsonNumber("id").longValue();
    long appointment = desk.only(app).getJsonNumber("appointmentId").longValue();
    String logged = "Transaction " + transaction + " of appointment " + appointment + " (Source App " + app
        + "): Failed";
    ConsoleClient viewer = BlackBoxConsoleIT.loggedIn("viewer");

    await().atMost(WRITTEN).until(() -> viewer.get("console/logs.xhtml?transaction=" + transaction).body()
        .contains(logged));
    Page ofAppointment = viewer.get("console/logs.xhtml?appointment=" + appointment);
    assertTrue(ofAppointment.body().contains(logged), "linked by its appointment too " + BlackBoxConsoleIT.on());
    assertTrue(ofAppointment.body().contains(">WARNING<"), ofAppointment.body());

    Page page = viewer.get("console/logs.xhtml");
    Page byText = viewer.submit(page, "filter", Map.of("text", app.toLowerCase(), "level_input", "WARNING"), "apply");
    assertTrue(byText.body().contains(logged), "text ignores case, WARNING includes warnings");
    assertFalse(byText.body().contains("No message matches."), byText.body());
    Page severe = viewer.submit(byText, "filter", Map.of("text", app, "level_input", "SEVERE"), "apply");
    assertFalse(severe.body().contains(logged), "a warning is below SEVERE");
    assertTrue(severe.body().contains("No message matches."), severe.body());

    Page bad = viewer.submit(byText, "filter", Map.of("text", app, "from", "yesterday", "level_input", ""), "apply");
    assertEquals(200, bad.status());
    assertTrue(bad.body().contains("from: &#39;yesterday&#39; is not a time")
        || bad.body().contains("from: 'yesterday' is not a time"), bad.body());
    Page badLink = viewer.get("console/logs.xhtml?transaction=%3Cb%3E12");
    assertEquals(200, badLink.status(), BlackBoxConsoleIT.on());
    assertTrue(badLink.body().contains("is not an id"), badLink.body());
    assertFalse(badLink.body().contains("<b>12"), "the page never echoes markup");
  }

  @Test
  void theLogsPageInTheBrowser() {
    String viewer = BlackBoxConsoleIT.account("viewer");
    try (Browser browser = Browser.open(ServerUnderTest.base())) {
      browser.go("/console/login.xhtml");
      BlackBoxConsoleBrowserIT.logIn(browser, viewer, BlackBoxConsoleIT.password(viewer));
      browser.click("nav-logs");
      assertTrue(browser.pageText().contains("What PlanBridge logged"), browser.pageText());
      browser.type("filter:text", "Console").click("filter:apply");
      await().atMost(WRITTEN).until(() -> {
        browser.click("filter:apply");
        return browser.text("logs:table").contains("Console");
      });
      browser.screenshot(BlackBoxConsoleBrowserIT.shot("logs"));
    }
  }
}
