package org.planbridge.connector.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbridge.testing.Calls.body;
import static org.planbridge.testing.Calls.call;
import static org.planbridge.testing.Calls.job;

import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planbridge.testing.ApiClient;
import org.planbridge.testing.ApiClient.Answer;
import org.planbridge.testing.SuiteServer;
import org.planbridge.testing.TestDatabase;

/** Connectors over HTTP: the admin API, the typed route and the import procedures, and what the database holds. */
class ConnectorApiIT {

  static final String ADMIN = "api/admin/connectors";


  final URL base = SuiteServer.base();

  ApiClient api;

  @BeforeEach
  void startEmpty() throws SQLException {
    api = new ApiClient(base);
    TestDatabase.clearPlanning();
    try (Connection connection = TestDatabase.connect(); var statement = connection.createStatement()) {
      statement.executeUpdate("DELETE FROM connector");
    }
  }

  static String hook(String sourceApp, String password) {
    return "{\"name\": \"Webhook " + sourceApp + "\", \"description\": \"Local listener\", \"sourceApp\": \"" + sourceApp
        + "\", \"sourceType\": \"SO\", \"sendAppointmentToWebService\": true, \"backOfficeSystem\": \"WEBHOOK\","
        + " \"backOfficeType\": \"WEBHOOK\", \"uri\": \"http://localhost:9000/appointments\", \"login\": \"planner\""
        + (password == null ? "" : ", \"password\": \"" + password + "\"") + "}";
  }

  static Map<String, Object> row(String sourceApp) {
    List<Map<String, Object>> rows = TestDatabase.rows("SELECT * FROM connector WHERE source_app = ?", sourceApp);
    assertEquals(1, rows.size(), "connector " + sourceApp);
    return rows.get(0);
  }

  @Test
  void createReadUpdateAndDeleteWithThePasswordWriteOnly() {
    Answer created = api.send("POST", ADMIN, hook("HOOK", "s3cret-Pa55"));
    assertEquals(201, created.status(), created.body());
    assertFalse(created.body().contains("s3cret-Pa55"));
    JsonObject connector = (JsonObject) created.json();
    long id = connector.getJsonNumber("id").longValue();
    assertEquals("Webhook HOOK", connector.getString("name"));
    assertEquals("Local listener", connector.getString("description"));
    assertEquals("HOOK", connector.getString("sourceApp"));
    assertEquals("SO", connector.getString("sourceType"));
    assertTrue(connector.getBoolean("sendAppointmentToWebService"));
    assertEquals("WEBHOOK", connector.getString("backOfficeSystem"));
    assertEquals("WEBHOOK", connector.getString("backOfficeType"));
    assertEquals("http://localhost:9000/appointments", connector.getString("uri"));
    assertEquals("planner", connector.getString("login"));
    assertTrue(connector.getBoolean("passwordSet"));
    assertFalse(connector.containsKey("password"));

    Map<String, Object> stored = row("HOOK");
    String cipher = (String) stored.get("password_cipher");
    assertNotNull(cipher);
    assertFalse(cipher.contains("s3cret"), "the database holds the password encrypted");
    assertEquals(true, stored.get("send_appointments"));
    assertEquals("WEBHOOK", stored.get("back_office_system"));

    Answer read = api.get(ADMIN + "/" + id);
    assertEquals(200, read.status(), read.body());
    assertEquals(connector.getString("uri"), ((JsonObject) read.json()).getString("uri"));
    assertFalse(read.body().contains("s3cret"));
    Answer list = api.get(ADMIN);
    assertEquals(200, list.status(), list.body());
    assertEquals(1, ((JsonObject) list.json()).getInt("total"));
    assertEquals(id, ((JsonObject) list.json()).getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue());
    assertFalse(list.body().contains("s3cret") || list.body().contains(cipher));

    // An update without a password keeps it; an invalid URI is stored (delivery reports it).
    Answer updated = api.send("PUT", ADMIN + "/" + id, "{\"name\": \"Renamed\", \"sourceApp\": \"HOOK\","
        + " \"sendAppointmentToWebService\": false, \"backOfficeSystem\": 2, \"backOfficeType\": \"SOMETHING_NEW\","
        + " \"uri\": \"not a uri\"}");
    assertEquals(200, updated.status(), updated.body());
    JsonObject after = (JsonObject) updated.json();
    assertEquals("Renamed", after.getString("name"));
    assertTrue(after.isNull("description"), "a field left out of a PUT is cleared");
    assertEquals("BC", after.getString("backOfficeSystem"));
    assertEquals("SOMETHING_NEW", after.getString("backOfficeType"));
    assertEquals("not a uri", after.getString("uri"));
    assertFalse(after.getBoolean("sendAppointmentToWebService"));
    assertTrue(after.getBoolean("passwordSet"));
    assertEquals(cipher, row("HOOK").get("password_cipher"), "the stored password is untouched");
    assertTrue(((Number) row("HOOK").get("row_version")).longValue() > ((Number) stored.get("row_version")).longValue());

    // A new password is encrypted afresh; an empty one removes it.
    api.send("PUT", ADMIN + "/" + id, "{\"name\": \"Renamed\", \"sourceApp\": \"HOOK\", \"password\": \"other\"}");
    String newCipher = (String) row("HOOK").get("password_cipher");
    assertNotEquals(cipher, newCipher);
    Answer cleared = api.send("PUT", ADMIN + "/" + id, "{\"name\": \"Renamed\", \"sourceApp\": \"HOOK\", \"password\": \"\"}");
    assertFalse(((JsonObject) cleared.json()).getBoolean("passwordSet"), cleared.body());
    assertEquals(null, row("HOOK").get("password_cipher"));

    assertEquals(204, api.send("DELETE", ADMIN + "/" + id, null).status());
    Answer gone = api.get(ADMIN + "/" + id);
    assertEquals(404, gone.status());
    assertTrue(gone.body().contains("There is no connector with id " + id), gone.body());
    assertEquals(404, api.send("DELETE", ADMIN + "/" + id, null).status());
    assertEquals(0, TestDatabase.count("connector", ""));
  }

  @Test
  void refusalsAreProblemDetailsNamingTheField() {
    assertEquals(201, api.send("POST", ADMIN, hook("BC", "pw-one")).status());
    Answer duplicate = api.send("POST", ADMIN, hook("BC", "pw-two"));
    assertEquals(409, duplicate.status(), duplicate.body());
    JsonObject problem = (JsonObject) duplicate.json();
    assertTrue(problem.getString("detail").startsWith("sourceApp: "), duplicate.body());
    assertEquals(409, problem.getInt("status"));
    assertFalse(duplicate.body().contains("pw-two"));

    Answer otherCase = api.send("POST", ADMIN, hook("bc", null));
    assertEquals(201, otherCase.status(), "Source Apps match exactly: bc is not BC. " + otherCase.body());

    Answer noName = api.send("POST", ADMIN, "{\"sourceApp\": \"X\"}");
    assertEquals(400, noName.status());
    assertEquals("Invalid field: name", ((JsonObject) noName.json()).getString("title"), noName.body());
    Answer tooLong = api.send("POST", ADMIN, "{\"name\": \"n\", \"sourceApp\": \"" + "x".repeat(31) + "\"}");
    assertEquals(400, tooLong.status());
    assertEquals("sourceApp: 31 characters (UTF-16 units), longer than the 30 allowed", ((JsonObject) tooLong.json()).getString("detail"));
    Answer badSystem = api.send("POST", ADMIN, "{\"name\": \"n\", \"sourceApp\": \"Y\", \"backOfficeSystem\": 7}");
    assertEquals(400, badSystem.status());
    assertTrue(((JsonObject) badSystem.json()).getString("detail").startsWith("backOfficeSystem: must be NAV"), badSystem.body());
    Answer unknown = api.send("POST", ADMIN, "{\"name\": \"n\", \"sourceApp\": \"Y\", \"passwrd\": \"oops\"}");
    assertEquals(400, unknown.status());
    assertEquals("Unknown field: passwrd", ((JsonObject) unknown.json()).getString("title"));
    assertEquals(400, api.send("POST", ADMIN, "not json").status());
    assertEquals(0, TestDatabase.count("connector", "source_app IN ('X', 'Y')"));
  }

  @Test
  void theSdkNumbersOfTheBackOfficeSystemAreAccepted() {
    Answer created = api.send("POST", ADMIN, "{\"name\": \"Online\", \"sourceApp\": \"BCO\", \"backOfficeSystem\": 3}");
    assertEquals(201, created.status(), created.body());
    assertEquals("BC_ONLINE", ((JsonObject) created.json()).getString("backOfficeSystem"));
    assertEquals("BC_ONLINE", row("BCO").get("back_office_system"));
  }

  @Test
  void theTypedRouteTakesBothSdkShapes() {
    // .NET: one PascalCase object with its own enums
    Answer net = api.send("POST", "api/connector", "{\"Name\": \"NAV prod\", \"Description\": \"d\", \"SourceApp\": \"NAV\","
        + " \"SourceType\": \"SO\", \"SendAppointmentToWebService\": true, \"Uri\": \"https://nav/ws\", \"CrudTypes\": [0, 2, 3],"
        + " \"Type\": 2, \"AuthenticationType\": 1, \"ApiType\": 0, \"Login\": \"svc\", \"Password\": \"net-secret\"}");
    assertEquals(200, net.status());
    assertEquals(200, net.statusCode(), net.body());
    assertTrue(net.content().getBoolean("Success"));
    Map<String, Object> nav = row("NAV");
    assertEquals("NAV prod", nav.get("name"));
    assertEquals("NAV", nav.get("back_office_system"));
    assertEquals("SOAP_PAGE", nav.get("back_office_type"), "the SDK's ApiType SOAP is the page");
    assertEquals("BASIC", nav.get("authentication_type"), "AuthenticationType 1 is Basic");
    assertEquals("https://nav/ws", nav.get("uri"));
    assertFalse(((String) nav.get("password_cipher")).contains("net-secret"));

    // JS: an array of camelCase objects, the system as its number
    Answer js = api.send("POST", "api/connector", "[{\"name\": \"Hook\", \"sourceApp\": \"JS\","
        + " \"sendAppointmentToWebService\": false, \"uri\": \"http://hook\", \"backOfficeSystem\": 4,"
        + " \"login\": \"l\", \"password\": \"js-secret\"}]");
    assertEquals(200, js.statusCode(), js.body());
    Map<String, Object> hook = row("JS");
    assertEquals("WEBHOOK", hook.get("back_office_system"));
    assertEquals(false, hook.get("send_appointments"));
    assertNotNull(hook.get("password_cipher"));

    Answer listed = api.get(ADMIN);
    assertEquals(2, ((JsonObject) listed.json()).getInt("total"));
    assertFalse(listed.body().contains("secret"), listed.body());

    Answer deleted = api.send("DELETE", "api/connector", "{\"SourceApp\": \"JS\", \"Name\": \"Hook\", \"Password\": \"x\"}");
    assertEquals(200, deleted.statusCode(), deleted.body());
    assertEquals(0, TestDatabase.count("connector", "source_app = 'JS'"));
  }

  @Test
  void theImportProceduresWriteConnectorsInTheRequestsTransaction() {
    Answer imported = api.send("POST", "api/import", body(
        call("mboc_upsertConnector", "Name", "Business Central", "Description", null, "SourceApp", "BC", "SourceType", "SO",
            "SendAppointmentToWebService", "True", "WebServiceAddress", "https://bc.example/ws", "BackOfficeSystem", "2",
            "Login", "svc", "Password", "imp-secret"),
        job("J-1", "Boiler service")));
    assertEquals(200, imported.statusCode(), imported.body());
    Map<String, Object> bc = row("BC");
    assertEquals("BC", bc.get("back_office_system"));
    assertEquals("https://bc.example/ws", bc.get("uri"));
    String cipher = (String) bc.get("password_cipher");
    assertFalse(cipher.contains("imp-secret"));
    assertEquals(1, TestDatabase.count("job", "job_no = 'J-1'"));

    // An upsert changes what it sends: no Password keeps the stored one.
    Answer changed = api.send("POST", "api/import", body(call("mboc_addConnector", "Name", "BC renamed", "SourceApp", "BC",
        "SendAppointmentToWebService", "False", "WebServiceAddress", "https://bc.example/ws2", "Type", "0", "AuthType", "0",
        "ApiType", "0", "Login", "svc", "Password", null)));
    assertEquals(200, changed.statusCode(), changed.body());
    bc = row("BC");
    assertEquals("BC renamed", bc.get("name"));
    assertEquals(false, bc.get("send_appointments"));
    assertEquals("BC", bc.get("back_office_system"), "Type None leaves the system");
    assertEquals(cipher, bc.get("password_cipher"));

    // A refused item rolls the connector back with the rest.
    Answer refused = api.send("POST", "api/import", body(
        call("mboc_upsertConnector", "Name", "Other", "SourceApp", "OTHER", "Password", "other-secret"),
        call("mboc_upsertJob", "SourceApp", "BC", "SourceType", "SO", "JobNo", "J-2")));
    assertEquals(400, refused.statusCode(), refused.body());
    assertFalse(refused.body().contains("other-secret"));
    assertEquals(0, TestDatabase.count("connector", "source_app = 'OTHER'"));

    Answer bad = api.send("POST", "api/import", body(call("mboc_upsertConnector", "SourceApp", "BAD",
        "BackOfficeSystem", "9")));
    assertEquals(400, bad.statusCode());
    assertEquals("Item 0 (mboc_upsertConnector), parameter BackOfficeSystem: must be NAV, BC, BC_ONLINE or WEBHOOK"
        + " (or the SDK numbers Nav = 1, Bc = 2, BcOAuth = 3, Webhook = 4)", bad.content().getString("Description"));

    // The SDKs' delete sends every parameter; the Source App decides.
    Answer deleted = api.send("POST", "api/import", body(call("mboc_deleteConnector", "Name", "BC renamed",
        "Description", null, "SourceApp", "BC", "SourceType", "SO", "SendAppointmentToWebService", "True",
        "WebServiceAddress", "https://bc.example/ws", "BackOfficeSystem", "2", "Login", "svc", "Password", "imp-secret")));
    assertEquals(200, deleted.statusCode(), deleted.body());
    assertEquals(0, TestDatabase.count("connector", ""));
    Answer again = api.send("POST", "api/import", body(call("mboc_deleteConnector", "SourceApp", "BC")));
    assertEquals(200, again.statusCode(), "deleting what is not there is not an error");
  }

  @Test
  void withoutTheApiKeyNothingIsShown() {
    api.send("POST", ADMIN, hook("KEY", "k-secret"));
    for (String method : List.of("GET", "POST")) {
      Answer refused = api.send(method, ADMIN, method.equals("GET") ? null : hook("NOKEY", "x"), null);
      assertEquals(401, refused.status(), method);
      assertEquals(401, ((JsonObject) refused.json()).getInt("status"), refused.body());
      assertFalse(refused.body().contains("KEY\""), refused.body());
    }
    assertEquals(401, api.send("GET", ADMIN, null, "wrong-key-0123456789").status());
    assertEquals(0, TestDatabase.count("connector", "source_app = 'NOKEY'"));
  }
}
