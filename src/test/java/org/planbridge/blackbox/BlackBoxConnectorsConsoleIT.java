package org.planbridge.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.planbridge.testing.ApiClient.Answer;
import org.planbridge.testing.ConsoleClient;
import org.planbridge.testing.ConsoleClient.Page;
import org.planbridge.testing.ServerUnderTest;

/** The Connectors page over HTTP: the admin API's rules and messages, a password that never comes back. */
class BlackBoxConnectorsConsoleIT {

  @Test
  void anOperatorCreatesAConnectorWhosePasswordNeverComesBackAndBadInputNamesTheFieldAndChangesNothing() {
    String app = "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String secret = "s3cret-" + app;
    ConsoleClient operator = BlackBoxConsoleIT.loggedIn("operator");
    Page form = operator.submit(operator.get("console/connectors.xhtml"), "connectors", Map.of(), "new");
    Map<String, String> fields = new HashMap<>(Map.of("name", "Console " + app, "sourceApp", app,
        "backOfficeSystem_input", "WEBHOOK", "uri", "http://127.0.0.1:9/hook", "password", secret,
        "sendAppointmentToWebService_input", "true"));

    Page saved = operator.submit(form, "connector", fields, "save");
    assertTrue(saved.body().contains("Connector " + app + " saved."), saved.body());
    assertFalse(saved.body().contains(secret), "the password is never written into a page");
    JsonObject stored = connector(app);
    assertTrue(stored.getBoolean("passwordSet"), stored.toString());
    assertEquals("http://127.0.0.1:9/hook", stored.getString("uri"));

    fields.put("timeZone", "Mars/Olympus");
    fields.put("uri", "http://changed.example/");
    fields.remove("password");
    Page refused = operator.submit(saved, "connector", fields, "save");
    assertTrue(refused.body().contains("timeZone: &#39;Mars/Olympus&#39; is not a time zone")
        || refused.body().contains("timeZone: 'Mars/Olympus' is not a time zone"), refused.body());
    JsonObject after = connector(app);
    assertEquals("http://127.0.0.1:9/hook", after.getString("uri"), "a refused change changes nothing");
    assertTrue(after.getBoolean("passwordSet"), "the password stays when left empty");
  }

  static JsonObject connector(String app) {
    Answer list = ServerUnderTest.api().send("GET", "api/admin/connectors", (String) null);
    assertEquals(200, list.status(), list.body());
    return ((JsonObject) list.json()).getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(c -> c.getString("sourceApp").equals(app)).findFirst()
        .orElseThrow(() -> new AssertionError("no connector " + app + " in " + list.body()));
  }
}
