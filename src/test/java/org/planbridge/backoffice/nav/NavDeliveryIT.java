package org.planbridge.backoffice.nav;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbridge.testing.Calls.body;
import static org.planbridge.testing.Calls.call;
import static org.planbridge.testing.DeliveryDesk.DELIVERY;
import static org.planbridge.testing.DeliveryDesk.assertOk;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.planbridge.testing.ApiClient;
import org.planbridge.testing.ApiClient.Answer;
import org.planbridge.testing.DeliveryDesk;
import org.planbridge.testing.Deployments;
import org.planbridge.testing.nav.NavSimulator;
import org.planbridge.testing.nav.NavSimulator.AuthMode;
import org.planbridge.testing.nav.PageField;
import org.planbridge.testing.nav.Received;

/**
 * Appointments imported over HTTP reach the NAV simulator's Appointment page over SOAP, from the WAR on the
 * server, with each login; failures say what to fix, and a fixed connector plus a retry delivers.
 */
@ExtendWith(ArquillianExtension.class)
class NavDeliveryIT {

  static final String PASSWORD = "Nav-Pa55word!";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.planbridge();
  }

  @ArquillianResource URL base;

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
  void anAppointmentImportedMovedUnassignedAndDeletedArrivesAsFourPageRecordsOverNtlm() throws Exception {
    nav = NavSimulator.builder().mode(AuthMode.NTLM_ONLY).start();
    desk.connector(app, navConnector("NAV", nav.pageUrl(), "CRONUS\\navuser", PASSWORD));
    long id = desk.appointment(app, "J-1", "Visit");
    awaitSuccesses(1); // each change delivered before the next: a newer one supersedes one still waiting
    assertOk(api.send("POST", "api/import", body(call("mboc_upsertAppointment", "SourceApp", app, "SourceType", "SO",
        "AppointmentId", "" + id, "JobNo", "J-1", "TaskNo", "T-1", "Subject", "Visit, moved",
        "Start", "2024-05-02T10:00:00Z", "End", "2024-05-02T12:00:00Z"))));
    awaitSuccesses(2);
    assertOk(api.send("POST", "api/import", body(call("mboc_deleteAppointmentResource", "SourceApp", app,
        "SourceType", "SO", "AppointmentId", "" + id, "ResourceNo", "R-" + app))));
    awaitSuccesses(3);
    assertOk(api.send("POST", "api/import", body(call("mboc_deleteAppointment", "SourceApp", app, "SourceType", "SO",
        "AppointmentId", "" + id))));
    awaitSuccesses(4);
    List<Received> creates = nav.creates();
    assertEquals(4, creates.size(), "one page record per change, the deletion included");
    assertEquals(List.of("I", "U", "U", "D"), creates.stream().map(r -> r.field("Database_Action")).toList());
    List<JsonObject> transactions = desk.transactions(app);
    Map<String, String> insert = creates.get(0).fields();
    assertEquals(String.valueOf(transactions.get(0).getJsonNumber("id").longValue()),
        insert.get("PlanBridge_Transaction_Id"));
    assertEquals(String.valueOf(id), insert.get("Appointment_Id"));
    assertEquals(app, insert.get("Source_App"));
    assertEquals("SO", insert.get("Source_Type"));
    assertEquals("J-1", insert.get("Job_No"));
    assertEquals("T-1", insert.get("Task_No"));
    assertEquals("Visit", insert.get("Subject"));
    assertEquals("2024-05-01T08:00:00Z", insert.get("Start_Date"));
    assertEquals("2024-05-01T09:00:00Z", insert.get("End_Date"));
    assertEquals("3600", insert.get("Duration_Sec"));
    assertEquals("Normal", insert.get("Importance"));
    assertEquals("false", insert.get("Is_All_Day_Event"));
    assertEquals("false", insert.get("Sent_From_Backoffice"));
    assertEquals(List.of("R-" + app), creates.get(0).resources().stream().map(r -> r.get("Resource_No")).toList());
    Map<String, String> moved = creates.get(1).fields();
    assertEquals("Visit, moved", moved.get("Subject"));
    assertEquals("2024-05-02T10:00:00Z", moved.get("Start_Date"));
    assertEquals("2024-05-02T12:00:00Z", moved.get("End_Date"));
    assertTrue(creates.get(2).resources().isEmpty(), "unassigned: no resource lines");
    assertEquals(String.valueOf(id), creates.get(3).field("Appointment_Id"));
    assertTrue(creates.stream().allMatch(r -> r.user().equals("CRONUS\\navuser")));
    assertEquals(0, nav.basicHeadersInWindowsMode(), "a Windows password never travels as Basic");
  }

  @Test
  void aWrongPasswordFailsWithACredentialsHintAndAFixedConnectorPlusARetryDelivers() throws Exception {
    nav = NavSimulator.builder().mode(AuthMode.NEGOTIATE_ONLY).start();
    JsonObjectBuilder fields = navConnector("BC", nav.pageUrl(), "CRONUS\\navuser", "Wrong-Pa55");
    long connector = desk.connector(app, fields);
    desk.appointment(app, "J-1", "Visit");
    desk.awaitStatus(app, "Failed");
    String message = desk.only(app).getString("message");
    assertTrue(message.contains("HTTP 401"), message);
    assertTrue(message.contains("Windows authentication (NTLM) as 'CRONUS\\navuser'"), message);
    assertTrue(message.contains("Check the connector's login and password"), message);
    assertFalse(message.contains("Wrong-Pa55"), "never the password");
    assertEquals(0, nav.creates().size());

    desk.changeConnector(connector, app, navConnector("BC", nav.pageUrl(), "CRONUS\\navuser", PASSWORD));
    desk.retryOnly(app);
    desk.awaitStatus(app, "Success");
    assertEquals(1, nav.stored().size());
  }

  @Test
  void basicByTheDimePrefixReachesACompanyWithSpacesAndAccents() throws Exception {
    String company = "Müller & Söhne, O'Brien Ltd.";
    nav = NavSimulator.builder().mode(AuthMode.BASIC).companies(company).user("navuser").password(PASSWORD).start();
    String instance = nav.pageUrl(company).substring(0, nav.pageUrl(company).indexOf("/WS/"));
    desk.connector(app, navConnector("BC", instance, "basic=navuser", PASSWORD).add("company", company));
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
    desk.connector(app, navConnector("NAV", nav.pageUrl(), "CRONUS\\navuser", PASSWORD));
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
    desk.connector(app, navConnector("NAV", nav.pageUrl(), "CRONUS\\navuser", PASSWORD));
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
    desk.connector(app, navConnector("NAV", company, "CRONUS\\navuser", PASSWORD).add("backOfficeType",
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
    assertEquals("CRONUS\\navuser", call.user());
  }

  @Test
  void theConnectionCheckSaysWhatWorksAndWhatDoesNotWithoutSendingAnAppointment() throws Exception {
    nav = NavSimulator.builder().mode(AuthMode.BOTH).start();
    long good = desk.connector(app + "g", navConnector("NAV", nav.pageUrl(), "CRONUS\\navuser", PASSWORD));
    JsonObject ok = desk.check(good);
    assertTrue(ok.getBoolean("ok"), ok.toString());
    assertEquals(List.of("connector", "credentials", "service URL", "field mapping", "TLS trust", "WSDL", "page",
        "fields"),
        ok.getJsonArray("steps").getValuesAs(JsonObject.class).stream().map(step -> step.getString("step")).toList());
    assertTrue(ok.getJsonArray("steps").getValuesAs(JsonObject.class).stream()
        .allMatch(step -> step.containsKey("durationMs") && step.getBoolean("ok")));

    long wrong = desk.connector(app + "w", navConnector("NAV", nav.pageUrl(), "CRONUS\\navuser", "Wrong-Pa55"));
    JsonObject refused = lastStep(desk.check(wrong));
    assertEquals("WSDL", refused.getString("step"));
    assertTrue(refused.getString("detail").contains("HTTP 401"), refused.toString());
    assertFalse(desk.check(wrong).toString().contains("Wrong-Pa55"));

    long company = desk.connector(app + "c", navConnector("NAV", nav.pageUrl("Nonesuch Ltd."), "CRONUS\\navuser",
        PASSWORD));
    assertTrue(lastStep(desk.check(company)).getString("detail").contains("not published for the company 'Nonesuch Ltd.'"));

    long mapped = desk.connector(app + "m", navConnector("NAV", nav.pageUrl(), "CRONUS\\navuser", PASSWORD)
        .add("fieldMapping", Json.createObjectBuilder().add("subject", "Description")));
    JsonObject fields = lastStep(desk.check(mapped));
    assertEquals("fields", fields.getString("step"));
    assertTrue(fields.getString("detail").contains("has no field Description (mapped from subject)"), fields.toString());

    long unreachable = desk.connector(app + "u", navConnector("NAV", "http://127.0.0.1:9/BC/WS/CRONUS",
        "CRONUS\\navuser", PASSWORD));
    assertTrue(lastStep(desk.check(unreachable)).getString("detail").contains("connection refused"));
    assertEquals(0, nav.creates().size(), "a check sends no appointment");
  }

  static JsonObject lastStep(JsonObject check) {
    List<JsonObject> steps = check.getJsonArray("steps").getValuesAs(JsonObject.class);
    assertFalse(check.getBoolean("ok"), check.toString());
    return steps.get(steps.size() - 1);
  }

  void awaitSuccesses(int count) {
    await().atMost(DELIVERY).untilAsserted(() -> assertEquals(java.util.Collections.nCopies(count, "Success"),
        desk.statuses(app), desk.transactions(app).toString()));
  }

  static JsonObjectBuilder navConnector(String system, String uri, String login, String password) {
    return Json.createObjectBuilder().add("backOfficeSystem", system).add("uri", uri).add("login", login)
        .add("password", password);
  }
}
