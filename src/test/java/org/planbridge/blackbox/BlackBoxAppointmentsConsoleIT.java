package org.planbridge.blackbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import java.util.Map;
import org.planbridge.testing.Browser;
import org.planbridge.testing.ConsoleClient;
import org.planbridge.testing.ConsoleClient.Page;
import org.planbridge.testing.DeliveryDesk;
import org.planbridge.testing.RecordingWebhook;
import org.planbridge.testing.ServerUnderTest;

/** An appointment's history in the browser: its transactions and attempts, its snapshot, its connector. */
class BlackBoxAppointmentsConsoleIT {

  static final String HOSTILE = "<script>alert(1)</script>";

  @Test
  void theAppointmentsAreFoundByTextInTheirSubjectAndByTheirResource() {
    DeliveryDesk desk = new DeliveryDesk(ServerUnderTest.api());
    String app = "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    long boiler = desk.appointment(app, "J-1", "Boiler check 100%");
    long roof = desk.appointment(app, "J-1", "Roof repair");
    ConsoleClient viewer = BlackBoxConsoleIT.loggedIn("viewer");
    Page page = viewer.get("console/appointments.xhtml");
    Page bySubject = viewer.submit(page, "filter", Map.of("sourceApp", app, "status_input", "", "subject",
        "BOILER CHECK 100%", "resourceNo", ""), "apply");
    assertTrue(bySubject.body().contains(">" + boiler + "<"), "the subject matches, ignoring case " + bySubject.body());
    assertFalse(bySubject.body().contains(">" + roof + "<"), "the other does not");
    Page byResource = viewer.submit(bySubject, "filter", Map.of("sourceApp", app, "status_input", "", "subject", "",
        "resourceNo", "R-" + app), "apply");
    assertTrue(byResource.body().contains(">" + boiler + "<") && byResource.body().contains(">" + roof + "<"),
        "both have the resource");
    Page none = viewer.submit(byResource, "filter", Map.of("sourceApp", app, "status_input", "", "subject", "",
        "resourceNo", "R-nobody"), "apply");
    assertTrue(none.body().contains("No appointment matches."), none.body());
  }

  @Test
  void aViewerSeesAnAppointmentsHistoryAndAHostileSubjectOnlyAsText() throws Exception {
    DeliveryDesk desk = new DeliveryDesk(ServerUnderTest.api());
    String app = "H" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    try (RecordingWebhook hook = new RecordingWebhook()) {
      desk.connector(app, Json.createObjectBuilder().add("backOfficeSystem", "WEBHOOK").add("uri", hook.uri()));
      long id = desk.appointment(app, "J-1", HOSTILE);
      await().atMost(BlackBoxErrorTrackingIT.DELIVERED).until(() -> desk.statuses(app).equals(List.of("Success")));
      String viewer = BlackBoxConsoleIT.account("viewer");
      try (Browser browser = Browser.open(ServerUnderTest.base())) {
        browser.go("/console/login.xhtml");
        BlackBoxConsoleBrowserIT.logIn(browser, viewer, BlackBoxConsoleIT.password(viewer));
        browser.click("nav-appointments").type("filter:sourceApp", app).click("filter:apply");
        browser.clickInRow(String.valueOf(id), "details");
        assertTrue(browser.pageText().contains("Appointment " + id), browser.pageText());
        assertTrue(browser.pageText().contains("Success"), "its last activity: " + browser.pageText());
        assertTrue(browser.source().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the subject, as text");
        assertFalse(browser.alertShown(), "no script of the subject ran");
        browser.screenshot(BlackBoxConsoleBrowserIT.shot("appointment"));
      }
    }
  }
}
