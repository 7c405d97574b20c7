package org.planbridge.backoffice.nav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbridge.testing.nav.NavSimulator.PASSWORD;
import static org.planbridge.testing.nav.NavSimulator.USER;
import static org.planbridge.testing.nav.NavSimulator.WINDOWS_LOGIN;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planbridge.testing.ApiClient;
import org.planbridge.testing.DeliveryDesk;
import org.planbridge.testing.nav.NavSimulator;
import org.planbridge.testing.nav.NavSimulator.AuthMode;
import org.planbridge.testing.nav.PageField;
import org.planbridge.testing.nav.Received;
import org.planbridge.testing.SuiteServer;

/**
 * Appointments imported over HTTP reach the NAV simulator's Appointment page over SOAP, from the WAR on the
 * server; failures say what to fix, and a fixed connector plus a retry delivers. Each contract with each login,
 * through a whole appointment's life, is {@code DeliveryMatrixIT}.
 */
class NavDeliveryIT {

  final URL base = SuiteServer.base();

  ApiClient api;
  DeliveryDesk desk;
  NavSimulator nav;
  String app;

  @BeforeEach
  void start() {
    api = new ApiClient(base);
    desk = new DeliveryDesk(api);
    app = "N" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  @AfterEach
  void stop() {
    if (nav != null) {
      nav.close();
    }
  }

  @Test
  void aWrongPasswordFailsWithACredentialsHintAndAFixedConnectorPlusARetryDelivers() throws Exception {
    nav = NavSimulator.builder().mode(AuthMode.NEGOTIATE_ONLY).start();
    JsonObjectBuilder fields = navConnector("BC", nav.pageUrl(), WINDOWS_LOGIN, "Wrong-Pa55");
    long connector = desk.connector(app, fields);
    desk.appointment(app, "J-1", "Visit");
    desk.awaitStatus(app, "Failed");
    String message = desk.only(app).getString("message");
    assertTrue(message.contains("HTTP 401"), message);
    assertTrue(message.contains("Windows authentication (NTLM) as '" + WINDOWS_LOGIN + "'"), message);
    assertTrue(message.contains("Check the connector's login and password"), message);
    assertFalse(message.contains("Wrong-Pa55"), "never the password");
    assertEquals(0, nav.creates().size());

    desk.changeConnector(connector, app, navConnector("BC", nav.pageUrl(), WINDOWS_LOGIN, PASSWORD));
    desk.retryOnly(app);
    desk.awaitStatus(app, "Success");
    assertEquals(1, nav.stored().size());
  }

  @Test
  void basicByTheDimePrefixReachesACompanyWithSpacesAndAccents() throws Exception {
    String company = "Müller & Söhne, O'Brien Ltd.";
    nav = NavSimulator.builder().mode(AuthMode.BASIC).companies(company).user(USER).password(PASSWORD).start();
    String instance = nav.pageUrl(company).substring(0, nav.pageUrl(company).indexOf("/WS/"));
    desk.connector(app, navConnector("BC", instance, "basic=" + USER, PASSWORD).add("company", company));
    desk.appointment(app, "J-1", "Visit");
    desk.awaitStatus(app, "Success");
    assertEquals(company, nav.creates().get(0).company());
    assertEquals("Basic", nav.creates().get(0).scheme());
  }

  @Test
  void aFieldThePageRequiresAndTheMappingCannotFillIsAnInvalidTypeNamingIt() throws Exception {
    List<PageField> fields = new ArrayList<>(PageField.appointmentDefaults());
    fields.add(PageField.of("Customer No.", PageField.Type.STRING).asRequired());
    nav = NavSimulator.builder().fields(fields).start();
    desk.connector(app, navConnector("NAV", nav.pageUrl(), WINDOWS_LOGIN, PASSWORD));
    desk.appointment(app, "J-1", "Visit");
    desk.awaitStatus(app, "Invalid MBOC Back Office Type");
    String message = desk.only(app).getString("message");
    assertTrue(message.contains("the page requires the field Customer_No"), message);
    assertEquals(0, nav.creates().size());
  }

  @Test
  void aSoapFaultIsFailedWithItsCodeAndTextFirst() throws Exception {
    nav = NavSimulator.builder().start();
    nav.failNext(1, "Microsoft.Dynamics.Nav.Types.Exceptions.NavCSideException", "DifferentTableIdsMessage");
    desk.connector(app, navConnector("NAV", nav.pageUrl(), WINDOWS_LOGIN, PASSWORD));
    desk.appointment(app, "J-1", "Visit");
    desk.awaitStatus(app, "Failed");
    String message = desk.only(app).getString("message");
    assertTrue(message.startsWith("NavCSideException: DifferentTableIdsMessage"), message);
    long transaction = desk.only(app).getJsonNumber("id").longValue();
    JsonObject attempt = ((JsonObject) api.get("api/admin/transactions/" + transaction).json())
        .getJsonArray("attempts").getJsonObject(0);
    assertTrue(attempt.getString("stackTrace").contains("SoapFault"), "the stack trace is kept");
  }

  @Test
  void aCodeunitConnectorCallsTheContractsMethodWithEveryParameterFromTheServer() throws Exception {
    nav = NavSimulator.builder().mode(AuthMode.NTLM_ONLY).codeunit("PB_Dispatch").start();
    String company = nav.pageUrl().substring(0, nav.pageUrl().indexOf("/Page/"));
    desk.connector(app, navConnector("NAV", company, WINDOWS_LOGIN, PASSWORD).add("backOfficeType",
        "SOAP_CODEUNIT").add("serviceName", "PB_Dispatch"));
    long id = desk.appointment(app, "J-1", "Visit");
    desk.awaitStatus(app, "Success");
    Received call = nav.codeunitCalls().get(0);
    assertEquals("I", call.field("action"));
    assertEquals(String.valueOf(desk.only(app).getJsonNumber("id").longValue()), call.field("transactionId"));
    assertEquals(String.valueOf(id), call.field("appointmentId"));
    assertEquals(app, call.field("sourceApp"));
    assertEquals("Visit", call.field("subject"));
    assertEquals("2024-05-01T08:00:00Z", call.field("startDateTime"));
    assertEquals("R-" + app, call.field("resources"));
    assertEquals(WINDOWS_LOGIN, call.user());
  }

  @Test
  void theConnectionCheckSaysWhatWorksAndWhatDoesNotWithoutSendingAnAppointment() throws Exception {
    nav = NavSimulator.builder().mode(AuthMode.BOTH).start();
    long good = desk.connector(app + "g", navConnector("NAV", nav.pageUrl(), WINDOWS_LOGIN, PASSWORD));
    JsonObject ok = desk.check(good);
    assertTrue(ok.getBoolean("ok"), ok.toString());
    assertEquals(List.of("connector", "credentials", "service URL", "field mapping", "TLS trust", "WSDL", "page",
        "fields"),
        ok.getJsonArray("steps").getValuesAs(JsonObject.class).stream().map(step -> step.getString("step")).toList());
    assertTrue(ok.getJsonArray("steps").getValuesAs(JsonObject.class).stream()
        .allMatch(step -> step.containsKey("durationMs") && step.getBoolean("ok")));

    long wrong = desk.connector(app + "w", navConnector("NAV", nav.pageUrl(), WINDOWS_LOGIN, "Wrong-Pa55"));
    JsonObject refused = lastStep(desk.check(wrong));
    assertEquals("WSDL", refused.getString("step"));
    assertTrue(refused.getString("detail").contains("HTTP 401"), refused.toString());
    assertFalse(desk.check(wrong).toString().contains("Wrong-Pa55"));

    long company = desk.connector(app + "c", navConnector("NAV", nav.pageUrl("Nonesuch Ltd."), WINDOWS_LOGIN,
        PASSWORD));
    assertTrue(lastStep(desk.check(company)).getString("detail").contains("not published for the company 'Nonesuch Ltd.'"));

    long mapped = desk.connector(app + "m", navConnector("NAV", nav.pageUrl(), WINDOWS_LOGIN, PASSWORD)
        .add("fieldMapping", Json.createObjectBuilder().add("subject", "Description")));
    JsonObject fields = lastStep(desk.check(mapped));
    assertEquals("fields", fields.getString("step"));
    assertTrue(fields.getString("detail").contains("has no field Description (mapped from subject)"), fields.toString());

    long unreachable = desk.connector(app + "u", navConnector("NAV", "http://127.0.0.1:9/BC/WS/CRONUS",
        WINDOWS_LOGIN, PASSWORD));
    assertTrue(lastStep(desk.check(unreachable)).getString("detail").contains("connection refused"));
    assertEquals(0, nav.creates().size(), "a check sends no appointment");
  }

  static JsonObject lastStep(JsonObject check) {
    List<JsonObject> steps = check.getJsonArray("steps").getValuesAs(JsonObject.class);
    assertFalse(check.getBoolean("ok"), check.toString());
    return steps.get(steps.size() - 1);
  }

  static JsonObjectBuilder navConnector(String system, String uri, String login, String password) {
    return Json.createObjectBuilder().add("backOfficeSystem", system).add("uri", uri).add("login", login)
        .add("password", password);
  }
}
