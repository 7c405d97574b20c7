package org.planbridge.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.planbridge.blackbox.BlackBoxApiIT.on;
import static org.planbridge.testing.nav.NavSimulator.PASSWORD;
import static org.planbridge.testing.nav.NavSimulator.USER;
import static org.planbridge.testing.nav.NavSimulator.WINDOWS_LOGIN;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planbridge.testing.DeliveryDesk;
import org.planbridge.testing.RecordingWebhook;
import org.planbridge.testing.ServerUnderTest;
import org.planbridge.testing.nav.NavSimulator;
import org.planbridge.testing.nav.NavSimulator.AuthMode;
import org.planbridge.testing.nav.Received;

/**
 * An imported appointment reaches its back office from every server: a webhook, and NAV over SOAP through the CXF
 * bundled in the WAR (the page through {@code Dispatch}, the codeunit through its generated stubs) with Windows
 * authentication (NTLM, NTLM inside Negotiate) and with Basic, whatever SOAP stack the server has of its own (none,
 * Metro or its own CXF).
 */
class BlackBoxDeliveryIT {

  DeliveryDesk desk;
  String app;

  @BeforeEach
  void start() {
    desk = new DeliveryDesk(ServerUnderTest.api());
    app = "D" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  @Test
  void anAppointmentReachesAWebhook() throws Exception {
    try (RecordingWebhook hook = new RecordingWebhook()) {
      desk.connector(app, Json.createObjectBuilder().add("backOfficeSystem", "WEBHOOK").add("uri", hook.uri()));
      long id = desk.appointment(app, "J-1", "Boiler service");
      desk.awaitStatus(app, "Success");
      assertEquals(1, hook.size(), on());
      assertEquals(id, hook.received().get(0).appointmentId(), on());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"NTLM_ONLY, " + WINDOWS_LOGIN + ", , NTLM", "NEGOTIATE_ONLY, " + WINDOWS_LOGIN + ", WINDOWS, Negotiate",
      "BASIC, " + USER + ", BASIC, Basic"})
  void anAppointmentReachesTheNavPageWithEachLogin(AuthMode mode, String login, String authenticationType,
      String scheme) throws Exception {
    try (NavSimulator nav = NavSimulator.builder().mode(mode).user(USER).password(PASSWORD).start()) {
      JsonObjectBuilder connector = Json.createObjectBuilder().add("backOfficeSystem", "NAV").add("uri", nav.pageUrl())
          .add("login", login).add("password", PASSWORD);
      if (authenticationType != null) {
        connector.add("authenticationType", authenticationType);
      }
      desk.connector(app, connector);
      desk.appointment(app, "J-1", "Boiler service");
      desk.awaitStatus(app, "Success");
      assertEquals(1, nav.stored().size(), on());
      assertEquals("Boiler service", nav.stored().get(0).fields().get("Subject"), on());
      assertEquals(scheme, nav.creates().get(0).scheme(), on());
    }
  }

  @Test
  void anAppointmentReachesTheCodeunitThroughItsGeneratedStubs() throws Exception {
    try (NavSimulator nav = NavSimulator.builder().mode(AuthMode.NTLM_ONLY).codeunit("PB_Dispatch").start()) {
      String company = nav.pageUrl().substring(0, nav.pageUrl().indexOf("/Page/"));
      desk.connector(app, navConnector(company).add("backOfficeType", "SOAP_CODEUNIT")
          .add("serviceName", "PB_Dispatch"));
      long id = desk.appointment(app, "J-1", "Boiler service");
      desk.awaitStatus(app, "Success");
      Received call = nav.codeunitCalls().get(0);
      assertEquals(String.valueOf(id), call.field("appointmentId"), on());
      assertEquals("Boiler service", call.field("subject"), on());
    }
  }

  static JsonObjectBuilder navConnector(String uri) {
    return Json.createObjectBuilder().add("backOfficeSystem", "NAV").add("uri", uri).add("login", WINDOWS_LOGIN)
        .add("password", PASSWORD);
  }
}
