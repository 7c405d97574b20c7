package org.planbridge.outbox.boundary;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbridge.testing.Calls.body;
import static org.planbridge.testing.Calls.call;
import static org.planbridge.testing.DeliveryDesk.END;
import static org.planbridge.testing.DeliveryDesk.START;
import static org.planbridge.testing.DeliveryDesk.assertOk;
import static org.planbridge.testing.DeliveryDesk.job;
import static org.planbridge.testing.DeliveryDesk.resource;
import static org.planbridge.testing.DeliveryDesk.task;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planbridge.backoffice.webhook.Signatures;
import org.planbridge.testing.ApiClient;
import org.planbridge.testing.ApiClient.Answer;
import org.planbridge.testing.DeliveryDesk;
import org.planbridge.testing.RecordingWebhook;
import org.planbridge.testing.RecordingWebhook.Received;
import org.planbridge.testing.SuiteServer;

/** Appointment changes reach a webhook back office, with the status of every transaction, end to end. */
class DeliveryIT {

  static final Duration DELIVERY = DeliveryDesk.DELIVERY;


  final URL base = SuiteServer.base();

  ApiClient api;
  DeliveryDesk desk;
  RecordingWebhook hook;
  String app;

  @BeforeEach
  void start() throws Exception {
    api = new ApiClient(base);
    desk = new DeliveryDesk(api);
    hook = new RecordingWebhook();
    app = "D" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  @AfterEach
  void stop() {
    hook.close();
  }

  @Test
  void eachChangeArrivesSignedOnceAndIsMarkedSuccess() {
    webhookConnector(app, hook.uri(), "hook-secret");
    long id = desk.appointment(app, "J-1", "Visit");
    assertOk(api.send("POST", "api/import", body(call("mboc_updateAppointmentContent", "AppointmentId", "" + id,
        "Subject", "Visit, moved", "Body", "Bring the ladder"))));

    await("both changes of " + app + " received and Success").atMost(DELIVERY)
        .until(() -> hook.received().size() >= 2 && desk.statuses(app).stream().allMatch("Success"::equals));
    List<Received> received = hook.received();
    assertEquals(2, received.size(), "each change exactly once");
    Received insert = received.get(0);
    assertEquals("I", insert.body().getString("action"));
    assertEquals(1, insert.body().getInt("sequence"));
    JsonObject appointment = insert.body().getJsonObject("appointment");
    assertEquals(id, appointment.getJsonNumber("appointmentId").longValue());
    assertEquals(app, appointment.getString("sourceApp"));
    assertEquals("J-1", appointment.getString("jobNo"));
    assertEquals("Visit", appointment.getString("subject"));
    assertEquals("2024-05-01T08:00Z", appointment.getString("start"));
    assertEquals("R-" + app, appointment.getJsonArray("resources").getString(0));
    assertEquals(Signatures.sign(insert.rawBody(), "hook-secret"), insert.signature());
    assertEquals("Basic " + Base64.getEncoder().encodeToString("planbridge:hook-secret".getBytes(StandardCharsets.UTF_8)),
        insert.authorization());
    assertEquals(String.valueOf(insert.body().getJsonNumber("transactionId").longValue()), insert.idempotencyKey());
    Received update = received.get(1);
    assertEquals("U", update.body().getString("action"));
    assertEquals(2, update.body().getInt("sequence"));
    assertEquals("Visit, moved", update.body().getJsonObject("appointment").getString("subject"));

    JsonObject list = (JsonObject) api.get("api/admin/transactions?sourceApp=" + app + "&sort=id").json();
    assertEquals(2, list.getInt("total"));
    JsonObject first = list.getJsonArray("items").getJsonObject(0);
    assertEquals("Success", first.getString("status"));
    assertEquals(1, first.getInt("attempts"));
    assertEquals("Service", first.getString("source"));
    assertNotNull(first.getString("lastAttemptAt"));
    String detail = api.get("api/admin/transactions/" + first.getJsonNumber("id").longValue()).body();
    JsonObject transaction = Json.createReader(new java.io.StringReader(detail)).readObject();
    assertEquals(1, transaction.getJsonArray("attempts").size());
    assertEquals("Success", transaction.getJsonArray("attempts").getJsonObject(0).getString("status"));
    assertTrue(transaction.containsKey("connectorId"));
    assertFalse(detail.contains("hook-secret"), "the password appears in no answer");
  }

  @Test
  void everyStatusHasItsCause() {
    String disabled = app + "a";
    String noSystem = app + "b";
    String wrongType = app + "c";
    String badUri = app + "d";
    String refusing = app + "e";
    String echo = app + "f";
    desk.connector(disabled, Json.createObjectBuilder().add("sendAppointmentToWebService", false)
        .add("backOfficeSystem", "WEBHOOK").add("uri", hook.uri()));
    desk.connector(noSystem, Json.createObjectBuilder().add("uri", hook.uri()));
    desk.connector(wrongType, Json.createObjectBuilder().add("backOfficeSystem", "WEBHOOK").add("backOfficeType", "SOAP_PAGE")
        .add("uri", hook.uri()));
    desk.connector(badUri, Json.createObjectBuilder().add("backOfficeSystem", 4).add("uri", "ftp:/nowhere"));
    try (RecordingWebhook failing = newHook()) {
      failing.answer(500);
      webhookConnector(refusing, failing.uri(), null);
      webhookConnector(echo, hook.uri(), null);
      desk.appointment(app, "J-1", "No connector");
      desk.appointment(disabled, "J-1", "Disabled");
      desk.appointment(noSystem, "J-1", "No system");
      desk.appointment(wrongType, "J-1", "Wrong type");
      desk.appointment(badUri, "J-1", "Bad URI");
      desk.appointment(refusing, "J-1", "Refused");
      assertOk(api.send("POST", "api/import", body(job(echo, "J-1"), task(echo, "J-1"), resource(echo),
          call("mboc_upsertAppointment", "SourceApp", echo, "SourceType", "SO", "JobNo", "J-1", "TaskNo", "T-1",
              "Start", START, "End", END, "SentFromBackOffice", "True"))));

      desk.awaitStatus(app, "MBOC Not Provided");
      desk.awaitStatus(disabled, "MBOC Publish Disabled");
      desk.awaitStatus(noSystem, "Invalid MBOC Back Office System");
      desk.awaitStatus(wrongType, "Invalid MBOC Back Office Type");
      desk.awaitStatus(badUri, "Invalid MBOC URI");
      desk.awaitStatus(refusing, "Failed");
      desk.awaitStatus(echo, "Skipped");
      JsonObject failed = desk.only(refusing);
      assertTrue(failed.getString("message").startsWith("HTTP 500 from " + failing.uri()), failed.toString());
      assertTrue(failed.getString("message").contains("back office says no"));
      JsonObject attempt = ((JsonObject) api.get("api/admin/transactions/" + failed.getJsonNumber("id").longValue())
          .json()).getJsonArray("attempts").getJsonObject(0);
      assertTrue(attempt.getString("stackTrace").contains("DeliveryFailed"), "the stack trace is kept");
      assertTrue(desk.only(echo).getString("message").contains("Sent from the back office"));
      assertTrue(desk.only(wrongType).getString("message").contains("SOAP_PAGE"));
      assertTrue(hook.received().isEmpty(), "nothing was sent for any of them");
    }
  }

  @Test
  void aBackOfficeThatIsDownFailsUntilARetryByHandDelivers() throws Exception {
    webhookConnector(app, hook.uri(), null);
    hook.stop();
    desk.appointment(app, "J-1", "While down");
    desk.awaitStatus(app, "Failed");
    assertTrue(desk.only(app).getString("message").contains("Cannot reach " + hook.uri()), desk.only(app).toString());

    hook.start();
    desk.retryOnly(app);
    desk.awaitStatus(app, "Success");
    assertEquals("Website", desk.only(app).getString("source"));
    assertEquals(2, desk.only(app).getInt("attempts"));
    assertEquals(1, hook.received().size());
  }

  @Test
  void aNewerVersionSupersedesAFailedOneAndOrderHolds() {
    webhookConnector(app, hook.uri(), null);
    hook.answer(503);
    long id = desk.appointment(app, "J-1", "Poison");
    desk.awaitStatus(app, "Failed");
    hook.answer(200);
    for (int version = 1; version <= 15; version++) {
      assertOk(api.send("POST", "api/import", body(call("mboc_updateAppointmentContent", "AppointmentId", "" + id,
          "Subject", "Version " + version))));
    }
    await().atMost(DELIVERY).until(() -> desk.statuses(app).stream().noneMatch(s -> s.equals("Pending") || s.equals("Failed"))
        && desk.statuses(app).get(desk.statuses(app).size() - 1).equals("Success"));
    List<Integer> sequences = hook.received().stream().map(r -> r.body().getInt("sequence")).toList();
    for (int i = 1; i < sequences.size(); i++) {
      assertTrue(sequences.get(i) > sequences.get(i - 1), "no older version after a newer one: " + sequences);
    }
    assertEquals(16, sequences.get(sequences.size() - 1), "the newest version arrives");
    assertEquals("Version 15", hook.received().get(hook.received().size() - 1).body().getJsonObject("appointment")
        .getString("subject"));
    assertEquals("Skipped", desk.statuses(app).get(0), "the failed first version is superseded");
  }

  @Test
  void deletingTheJobSendsTheAppointmentsDeletion() {
    webhookConnector(app, hook.uri(), null);
    long id = desk.appointment(app, "J-1", "Doomed");
    assertOk(api.send("POST", "api/import", body(call("mboc_deleteJob", "SourceApp", app, "SourceType", "SO", "JobNo", "J-1"))));
    await().atMost(DELIVERY).until(() -> hook.received().stream().anyMatch(r -> r.body().getString("action").equals("D")));
    Received deletion = hook.received().get(hook.received().size() - 1);
    assertEquals("D", deletion.body().getString("action"));
    assertEquals(id, deletion.body().getJsonObject("appointment").getJsonNumber("appointmentId").longValue());
  }

  @Test
  void theAppointmentsListHasEachAppointmentOnceWithItsLatestTransactionNewestFirst() {
    long first = desk.appointment(app, "J-1", "First");
    long second = desk.appointment(app, "J-1", "Second");
    desk.move(app, first, "J-1", "2024-05-02T08:00:00Z", "2024-05-02T10:00:00Z");
    await().atMost(DELIVERY).until(() -> desk.transactions(app).size() == 3);

    JsonObject grouped = (JsonObject) api.get("api/admin/appointments?sourceApp=" + app).json();
    assertEquals(2, grouped.getInt("total"), "one row per appointment");
    JsonObject newest = grouped.getJsonArray("items").getJsonObject(0);
    assertEquals(first, newest.getJsonNumber("appointmentId").longValue(), "the one changed last comes first");
    assertEquals(2, newest.getInt("sequence"), "with its latest transaction");
    assertEquals("First", newest.getString("subject"));
    assertTrue(newest.getString("start").startsWith("2024-05-02T08:00"), newest.toString());
    assertEquals(second, grouped.getJsonArray("items").getJsonObject(1).getJsonNumber("appointmentId").longValue());

    JsonObject byAppointment = (JsonObject) api.get("api/admin/appointments?sourceApp=" + app
        + "&sort=-appointmentId").json();
    assertEquals(second, byAppointment.getJsonArray("items").getJsonObject(0).getJsonNumber("appointmentId")
        .longValue());
    JsonObject bySubject = (JsonObject) api.get("api/admin/appointments?sourceApp=" + app + "&sort=-subject").json();
    assertEquals("Second", bySubject.getJsonArray("items").getJsonObject(0).getString("subject"),
        "sorted on the appointment's subject, descending");
    Answer unknown = api.get("api/admin/appointments?sort=resources");
    assertEquals(400, unknown.status());
    assertTrue(unknown.body().contains("appointmentId, end, jobNo, lastTransaction, sourceApp, start, status, subject, "
        + "taskNo"), unknown.body());
  }

  @Test
  void theListFiltersAndRefusesWhatItDoesNotKnow() {
    desk.appointment(app, "J-1", "One");
    desk.awaitStatus(app, "MBOC Not Provided");
    JsonObject byStatus = (JsonObject) api.get("api/admin/transactions?sourceApp=" + app + "&status=MBOC%20Not%20Provided").json();
    assertEquals(1, byStatus.getInt("total"));
    JsonObject none = (JsonObject) api.get("api/admin/transactions?sourceApp=" + app + "&status=Success").json();
    assertEquals(0, none.getInt("total"));
    Answer unknown = api.get("api/admin/transactions?status=Lost");
    assertEquals(400, unknown.status());
    assertTrue(unknown.body().contains("MBOC Not Provided"), "the answer lists the statuses");
    assertEquals(400, api.get("api/admin/transactions?limit=1001").status());
    JsonObject grouped = (JsonObject) api.get("api/admin/appointments?sourceApp=" + app).json();
    assertEquals(1, grouped.getInt("total"));
    JsonObject archived = (JsonObject) api.send("POST", "api/admin/transactions/archive",
        "{\"filter\":{\"sourceApp\":\"" + app + "\"}}").json();
    assertEquals(1, archived.getInt("affected"));
    assertEquals(0, ((JsonObject) api.get("api/admin/transactions?sourceApp=" + app).json()).getInt("total"));
  }

  // helpers

  RecordingWebhook newHook() {
    try {
      return new RecordingWebhook();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  void webhookConnector(String sourceApp, String uri, String password) {
    JsonObjectBuilder fields = Json.createObjectBuilder().add("backOfficeSystem", "WEBHOOK").add("uri", uri);
    if (password != null) {
      fields.add("login", "planbridge").add("password", password);
    }
    desk.connector(sourceApp, fields);
  }
}
