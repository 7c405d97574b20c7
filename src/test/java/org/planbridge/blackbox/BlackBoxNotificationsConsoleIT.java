package org.planbridge.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.planbridge.testing.ApiClient;
import org.planbridge.testing.ApiClient.Answer;
import org.planbridge.testing.Browser;
import org.planbridge.testing.ConsoleClient;
import org.planbridge.testing.ConsoleClient.Page;
import org.planbridge.testing.ServerUnderTest;

/**
 * The Notifications page: what the back office sent the planners through the SDKs (a notification, a message) is
 * there for any role, newest first, found by type, Source App, job and text; markup in it is shown, never run.
 */
class BlackBoxNotificationsConsoleIT {

  @Test
  void theBackOfficesNotificationsAndMessagesAreShownAndFound() {
    String mark = UUID.randomUUID().toString().substring(0, 8);
    ApiClient api = ServerUnderTest.api();
    sent(api.send("POST", "api/notification", "{\"SourceApp\":\"NT\",\"SourceType\":\"SO\",\"AppointmentId\":null,"
        + "\"AppointmentNo\":null,\"ConnectorId\":null,\"Type\":2,\"Code\":\"E1\",\"Text\":\"Parts missing " + mark
        + " <b>now</b>\",\"Date\":\"2024-05-01T08:00:00Z\",\"JobNo\":\"NJ-" + mark + "\",\"TaskNo\":\"T1\","
        + "\"AppointmentGuid\":null,\"SentFromBackOffice\":true}"));
    sent(api.send("POST", "api/notification", "[{\"sourceApp\":\"NT\",\"sourceType\":\"SO\",\"type\":0,"
        + "\"code\":\"I1\",\"text\":\"Plan published " + mark + "\"}]"));
    sent(api.send("POST", "api//message", "{\"Text\":\"Truck late " + mark + "\",\"User\":\"planner1\",\"Severity\":3}"));

    ConsoleClient viewer = BlackBoxConsoleIT.loggedIn("viewer");
    Page page = viewer.get("console/notifications.xhtml");
    assertEquals(200, page.status(), BlackBoxConsoleIT.on());
    String body = page.body();
    assertTrue(body.indexOf("Plan published " + mark) < body.indexOf("Parts missing " + mark)
        && body.contains("Plan published " + mark), "newest first: " + body);
    assertTrue(body.contains("Truck late " + mark) && body.contains("planner1") && body.contains(">Warning<"), body);
    assertFalse(body.contains("<b>now</b>"), "markup in a notification is text, never run");
    assertTrue(body.contains("&lt;b&gt;now&lt;/b&gt;"), body);

    Page errors = viewer.submit(page, "filter", Map.of("type_input", "Error", "text", mark.toUpperCase()), "apply");
    assertTrue(errors.body().contains("Parts missing " + mark), "an Error, its text ignoring case: " + errors.body());
    assertFalse(errors.body().contains("Plan published " + mark), "an Info is not an Error");
    Page byJob = viewer.submit(page, "filter", Map.of("type_input", "", "jobNo", "NJ-" + mark, "sourceApp", "NT"),
        "apply");
    assertTrue(byJob.body().contains("Parts missing " + mark) && !byJob.body().contains("Plan published " + mark),
        byJob.body());
    Page none = viewer.submit(page, "filter", Map.of("type_input", "Warning", "text", mark), "apply");
    assertTrue(none.body().contains("No notification matches."), none.body());
    Page bad = viewer.submit(page, "filter", Map.of("type_input", "Loud"), "apply");
    assertEquals(200, bad.status(), "a type the page does not offer is refused, not a failure");

    Page messages = viewer.submit(page, "messageFilter", Map.of("messageText", "PLANNER1"), "applyMessages");
    assertTrue(messages.body().contains("Truck late " + mark), messages.body());
  }

  @Test
  void theNotificationsPageInTheBrowser() {
    String viewer = BlackBoxConsoleIT.account("viewer");
    try (Browser browser = Browser.open(ServerUnderTest.base())) {
      browser.go("/console/login.xhtml");
      BlackBoxConsoleBrowserIT.logIn(browser, viewer, BlackBoxConsoleIT.password(viewer));
      browser.click("nav-notifications");
      assertTrue(browser.pageText().contains("What the back office told the planners"), browser.pageText());
      browser.screenshot(BlackBoxConsoleBrowserIT.shot("notifications"));
    }
  }

  private static void sent(Answer answer) {
    assertEquals(200, answer.status(), answer.body());
    assertEquals(200, answer.statusCode(), answer.body());
  }
}
