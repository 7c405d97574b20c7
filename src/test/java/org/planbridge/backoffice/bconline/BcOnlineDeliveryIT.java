package org.planbridge.backoffice.bconline;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbridge.testing.bconline.EntraStub.PASSWORD;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planbridge.testing.ApiClient;
import org.planbridge.testing.DeliveryDesk;
import org.planbridge.testing.bconline.BcApiStub;
import org.planbridge.testing.bconline.EntraStub;
import org.planbridge.testing.SuiteServer;

/**
 * Appointments imported over HTTP reach the BC API stub as JSON records, from the WAR on the server, signed in at
 * the Entra ID stub (the server's {@code PLANBRIDGE_BCONLINE_AUTHORITY}); a wrong secret says so, and a fixed
 * connector plus a retry delivers.
 */
class BcOnlineDeliveryIT {

  final URL base = SuiteServer.base();

  ApiClient api;
  DeliveryDesk desk;
  EntraStub entra;
  BcApiStub bc;
  String app;

  @BeforeEach
  void start() throws Exception {
    api = new ApiClient(base);
    desk = new DeliveryDesk(api);
    entra = EntraStub.start(URI.create(System.getenv("PLANBRIDGE_BCONLINE_AUTHORITY")).getPort());
    bc = BcApiStub.start(entra);
    app = "B" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  @AfterEach
  void stop() {
    bc.close();
    entra.close();
  }

  @Test
  void anAppointmentArrivesAsOneRecordOfTheApiPageWithItsFields() {
    desk.connector(app, bcConnector(PASSWORD));
    long id = desk.appointment(app, "J-1", "Visit");
    desk.awaitStatus(app, "Success");
    assertEquals(1, bc.received().size(), "one record per change");
    JsonObject record = bc.received().get(0);
    assertEquals("I", record.getString("databaseAction"));
    assertEquals(String.valueOf(desk.only(app).getJsonNumber("id").longValue()),
        record.getString("planBridgeTransactionId"));
    assertEquals(id, record.getJsonNumber("appointmentId").longValue());
    assertEquals(app, record.getString("sourceApp"));
    assertEquals("J-1", record.getString("jobNo"));
    assertEquals("T-1", record.getString("taskNo"));
    assertEquals("Visit", record.getString("subject"));
    assertEquals("2024-05-01T08:00:00Z", record.getString("startDate"));
    assertEquals("2024-05-01T09:00:00Z", record.getString("endDate"));
    assertEquals("R-" + app, record.getJsonArray("resources").getJsonObject(0).getString("resourceNo"));
    assertEquals(1, entra.tokenRequests());
  }

  @Test
  void aWrongSecretFailsSayingSoAndAFixedConnectorPlusARetryDelivers() {
    long connector = desk.connector(app, bcConnector("client_id=" + EntraStub.CLIENT_ID + "&client_secret=Wrong-1"));
    JsonObject check = desk.check(connector);
    assertFalse(check.getBoolean("ok"), check.toString());
    List<JsonObject> steps = check.getJsonArray("steps").getValuesAs(JsonObject.class);
    JsonObject failed = steps.get(steps.size() - 1);
    assertEquals("token", failed.getString("step"), check.toString());
    assertTrue(failed.getString("detail").contains("invalid_client"), check.toString());
    assertFalse(check.toString().contains("Wrong-1"), "never the secret");
    desk.appointment(app, "J-1", "Visit");
    desk.awaitStatus(app, "Failed");
    String message = desk.only(app).getString("message");
    assertTrue(message.contains("invalid_client"), message);
    assertFalse(message.contains("Wrong-1"), "never the secret");
    assertTrue(bc.received().isEmpty());

    desk.changeConnector(connector, app, bcConnector(PASSWORD));
    desk.retryOnly(app);
    desk.awaitStatus(app, "Success");
    assertEquals(1, bc.received().size());
  }

  @Test
  void aThrottledConnectorIsPausedItsOtherAppointmentsWaitAndOtherConnectorsGoOn() {
    long connector = desk.connector(app, bcConnector(PASSWORD));
    desk.connector(app + "o", bcConnector(PASSWORD));
    JsonObject check = desk.check(connector);
    assertTrue(check.getBoolean("ok"), check.toString());
    bc.throttle(429, "30", 1);
    desk.appointment(app, "J-1", "Visit");
    desk.awaitStatus(app, "Failed");
    String message = desk.only(app).getString("message");
    assertTrue(message.contains("429"), message);
    assertTrue(message.contains("nothing of this Source App goes out before"), message);

    desk.appointment(app, "J-2", "Second visit");
    desk.appointment(app + "o", "J-1", "Another connector's visit");
    desk.awaitStatus(app + "o", "Success");
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
        desk.statuses(app).equals(List.of("Failed", "Pending")));
    assertEquals(List.of(app + "o"), bc.received().stream().map(r -> r.getString("sourceApp")).toList(),
        "nothing of the paused connector went out");
  }

  @Test
  void businessCentralOnlineGetsAtMostFiveDeliveriesAtOnceAndAConnectorsOwnLimitHoldsToo() {
    desk.connector(app, bcConnector(PASSWORD));
    desk.connector(app + "2", bcConnector(PASSWORD).add("concurrency", 2));
    bc.slow(Duration.ofMillis(300));
    desk.appointments(app, "J-1", 10);
    desk.appointments(app + "2", "J-1", 6);

    desk.awaitSuccesses(app, 10);
    desk.awaitSuccesses(app + "2", 6);
    assertTrue(bc.mostAtOnce(app) <= 5, "the default limit of Business Central online, saw " + bc.mostAtOnce(app));
    assertTrue(bc.mostAtOnce(app) >= 2, "yet in parallel, saw " + bc.mostAtOnce(app));
    assertTrue(bc.mostAtOnce(app + "2") <= 2, "the connector's own limit, saw " + bc.mostAtOnce(app + "2"));
  }

  JsonObjectBuilder bcConnector(String password) {
    return Json.createObjectBuilder().add("backOfficeSystem", "BC_ONLINE").add("uri", bc.url())
        .add("company", BcApiStub.COMPANY).add("login", EntraStub.TENANT).add("password", password);
  }
}
