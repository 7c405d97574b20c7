package org.planbridge.backoffice.nav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbridge.testing.nav.NavSimulator.PASSWORD;
import static org.planbridge.testing.nav.NavSimulator.USER;
import static org.planbridge.testing.nav.NavSimulator.WINDOWS_LOGIN;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.planbridge.backoffice.Delivery;
import org.planbridge.backoffice.DeliveryFailed;
import org.planbridge.backoffice.CheckStep;
import org.planbridge.backoffice.Target;
import org.planbridge.connector.entity.Authentication;
import org.planbridge.connector.entity.BackOfficeSystem;
import org.planbridge.testing.Targets;
import org.planbridge.testing.nav.NavSimulator;
import org.planbridge.testing.nav.NavSimulator.AuthMode;
import org.planbridge.testing.nav.Received;

/** The codeunit client against the NAV simulator, in this JVM: the parameters, each login, another name, failures. */
class NavCodeunitClientTest extends NavClientFixture.Codeunit {

  static final String NS = "urn:microsoft-dynamics-schemas/codeunit/";

  @ParameterizedTest
  @EnumSource(value = AuthMode.class, names = {"NTLM_ONLY", "NEGOTIATE_ONLY", "BOTH"})
  void aWindowsLoginDeliversEveryParameter(AuthMode mode) throws Exception {
    nav = NavSimulator.builder().mode(mode).start();
    client.send(delivery(11, "I", target(WINDOWS_LOGIN, PASSWORD, null, null)));
    Received call = nav.codeunitCalls().get(0);
    assertEquals(WINDOWS_LOGIN, call.user());
    assertEveryParameter(call, "11", "I");
    assertEquals(0, nav.basicHeadersInWindowsMode(), "a Windows password never travels as Basic");
  }

  @Test
  void basicByPrefixOrByTypeAndTheAccessKeyDeliverEveryParameter() throws Exception {
    nav = NavSimulator.builder().mode(AuthMode.BASIC).user(USER).password(PASSWORD).accessKey("KEY-123=")
        .start();
    client.send(delivery(1, "U", target("basic=" + USER, PASSWORD, null, null)));
    client.send(delivery(2, "D", target(USER, "KEY-123=", Authentication.BASIC, null)));
    List<Received> calls = nav.codeunitCalls();
    assertEveryParameter(calls.get(0), "1", "U");
    assertEveryParameter(calls.get(1), "2", "D");
    assertTrue(calls.stream().allMatch(r -> r.scheme().equalsIgnoreCase("Basic")));
  }

  static void assertEveryParameter(Received call, String transactionId, String action) {
    assertTrue(call.succeeded(), call.fault());
    assertEquals("ProcessAppointment", call.operation());
    assertEquals(NS + "PlanBridge:ProcessAppointment", call.soapAction());
    Map<String, String> p = call.fields();
    assertEquals(action, p.get("action"));
    assertEquals(transactionId, p.get("transactionId"));
    assertEquals("42", p.get("appointmentId"));
    assertEquals("6f9619ff-8b86-d011-b42d-00c04fc964ff", p.get("appointmentGuid"));
    assertEquals("BC", p.get("sourceApp"));
    assertEquals("SO", p.get("sourceType"));
    assertEquals("J-1", p.get("jobNo"));
    assertEquals("T-1", p.get("taskNo"));
    assertEquals("Visit <& \"quoted\">", p.get("subject"));
    assertEquals("Bring the ladder\nand the key", p.get("body"));
    assertEquals("2024-05-01T08:00:00Z", p.get("startDateTime"));
    assertEquals("2024-05-01T09:30:00Z", p.get("endDateTime"), "UTC, from +02:00");
    assertEquals("true", p.get("allDay"));
    assertEquals("Installation", p.get("category"));
    assertEquals("Confirmed", p.get("timeMarker"));
    assertEquals("1", p.get("importance"), "High is the SDK's 1");
    assertEquals("1.5", p.get("planningQuantity"));
    assertEquals("HOUR", p.get("planningUnit"));
    assertEquals("SO-1001", p.get("backofficeId"));
    assertEquals("SO-1000", p.get("backofficeParentId"));
    assertEquals("R-1|R-2", p.get("resources"));
    assertEquals(21, p.size(), "nothing else: " + p.keySet());
  }

  @Test
  void nullsAreSentEmptyOrZeroAndNoResourcesAsAnEmptyText() throws Exception {
    nav = NavSimulator.builder().start();
    JsonObject appointment = Json.createObjectBuilder().add("appointmentId", 7).addNull("body").addNull("planningQty")
        .add("start", "2024-05-01T08:00:00Z").addNull("end").add("resources", Json.createArrayBuilder()).build();
    String body = Json.createObjectBuilder().add("transactionId", 5).add("action", "I")
        .add("appointment", appointment).build().toString();
    client.send(new Delivery(5, body, target(WINDOWS_LOGIN, PASSWORD, null, null)));
    Map<String, String> p = nav.codeunitCalls().get(0).fields();
    assertEquals("", p.get("body"));
    assertEquals("", p.get("subject"));
    assertEquals("0", p.get("planningQuantity"));
    assertEquals("0", p.get("importance"));
    assertEquals("false", p.get("allDay"));
    assertEquals("0001-01-01T00:00:00Z", p.get("endDateTime"), "NAV's undefined DateTime");
    assertEquals("", p.get("resources"));
  }

  @Test
  void anotherServiceNameHasItsNamespaceAndSoapAction() throws Exception {
    nav = NavSimulator.builder().codeunit("PB_Dispatch").start();
    Target named = target(1, companyUrl(), "PB_Dispatch");
    Target whole = target(2, nav.codeunitUrl("PB_Dispatch"), null);
    client.send(delivery(1, "I", named));
    client.send(delivery(2, "I", whole));
    for (Received call : nav.codeunitCalls()) {
      assertTrue(call.succeeded(), call.fault());
      assertEquals(NS + "PB_Dispatch:ProcessAppointment", call.soapAction());
      assertTrue(call.raw().contains(NS + "PB_Dispatch\""), call.raw());
      assertFalse(call.raw().contains(NS + "PlanBridge"), call.raw());
      assertEquals("Visit <& \"quoted\">", call.field("subject"));
    }
    assertEquals(List.of("PB_Dispatch/1", "PB_Dispatch/2"), nav.processed());
  }

  @Test
  void aRedeliveryIsOkAndLeavesOneEntry() throws Exception {
    nav = NavSimulator.builder().start();
    Target target = target(WINDOWS_LOGIN, PASSWORD, null, null);
    client.send(delivery(7, "I", target));
    client.send(delivery(7, "I", target));
    assertEquals(2, nav.codeunitCalls().size());
    assertEquals(List.of("PlanBridge/7"), nav.processed());
  }

  @Test
  void aSoapFaultFailsWithItsCodeAndTextFirst() throws Exception {
    nav = NavSimulator.builder().start();
    nav.failNext(1, "Microsoft.Dynamics.Nav.Types.Exceptions.NavCSideException", "Job J-1 does not exist.");
    DeliveryFailed failed = assertThrows(DeliveryFailed.class,
        () -> client.send(delivery(1, "I", target(WINDOWS_LOGIN, PASSWORD, null, null))));
    assertTrue(failed.getMessage().startsWith("NavCSideException: Job J-1 does not exist."), failed.getMessage());
    assertFalse(failed.isMisconfigured());
  }

  @Test
  void aWrongWindowsPasswordFailsWithACredentialsHint() throws Exception {
    nav = NavSimulator.builder().mode(AuthMode.BOTH).start();
    DeliveryFailed failed = assertThrows(DeliveryFailed.class,
        () -> client.send(delivery(1, "I", target(WINDOWS_LOGIN, "wrong-one", null, null))));
    assertWindowsLoginRefused(failed, "wrong-one", nav);
    assertTrue(nav.codeunitCalls().isEmpty());
  }

  @Test
  void aWrongBasicPasswordFailsWithACredentialsHint() throws Exception {
    nav = NavSimulator.builder().mode(AuthMode.BASIC).user(USER).password(PASSWORD).start();
    DeliveryFailed failed = assertThrows(DeliveryFailed.class,
        () -> client.send(delivery(1, "I", target("basic=" + USER, "wrong-one", null, null))));
    assertTrue(failed.getMessage().contains("HTTP 401"), failed.getMessage());
    assertTrue(failed.getMessage().contains("Basic authentication as '" + USER + "'"), failed.getMessage());
    assertFalse(failed.getMessage().contains("wrong-one"));
  }

  @Test
  void aCodeunitNotPublishedUnderTheNameIsNamed() throws Exception {
    nav = NavSimulator.builder().start();
    Target target = target(1, companyUrl(), "PlanBridgeX");
    DeliveryFailed failed = assertThrows(DeliveryFailed.class, () -> client.send(delivery(1, "I", target)));
    assertTrue(failed.getMessage().contains("HTTP 404"), failed.getMessage());
    assertTrue(failed.getMessage().contains("the service PlanBridgeX is not published for the company"
        + " 'CRONUS International Ltd.'"), failed.getMessage());
  }

  @Test
  void aPageUrlOnACodeunitConnectorIsMisconfigured() throws Exception {
    nav = NavSimulator.builder().start();
    Target target = target(1, nav.pageUrl(), null);
    DeliveryFailed failed = assertThrows(DeliveryFailed.class, () -> client.send(delivery(1, "I", target)));
    assertTrue(failed.isMisconfigured());
    assertTrue(failed.getMessage().contains("is not a codeunit service's"), failed.getMessage());
    assertTrue(nav.received().isEmpty());
  }

  @Test
  void aChangedConnectorGetsANewPort() throws Exception {
    nav = NavSimulator.builder().start();
    assertThrows(DeliveryFailed.class, () -> client.send(delivery(1, "I", target(WINDOWS_LOGIN, "old", null,
        null))));
    Target fixed = Targets.of(BackOfficeSystem.NAV, "SOAP_CODEUNIT", companyUrl()).version(2)
        .login(WINDOWS_LOGIN, PASSWORD).build();
    client.send(delivery(1, "I", fixed));
    assertEquals(List.of("PlanBridge/1"), nav.processed());
  }

  @Test
  void theConnectionCheckReadsTheCodeunitsWsdlAndFindsTheContractsMethod() throws Exception {
    nav = NavSimulator.builder().codeunit("PB_Dispatch").start();
    List<CheckStep> ok = client.check(target(WINDOWS_LOGIN, PASSWORD, null, "PB_Dispatch"));
    assertEquals(List.of("credentials", "service URL", "TLS trust", "WSDL", "contract"),
        ok.stream().map(CheckStep::step).toList());
    assertTrue(ok.stream().allMatch(CheckStep::ok), ok.toString());
    List<CheckStep> missing = client.check(target(WINDOWS_LOGIN, PASSWORD, null, "Nonesuch"));
    CheckStep last = missing.get(missing.size() - 1);
    assertEquals("WSDL", last.step());
    assertTrue(last.detail().contains("HTTP 404") && last.detail().contains("Nonesuch"), last.detail());
    assertEquals(0, nav.codeunitCalls().size(), "a check calls nothing");
  }

  /** The generated stubs are backoffice.nav's own: no main source elsewhere imports them. */
  @Test
  void theGeneratedTypesStayInBackofficeNav() throws IOException {
    Path main = Path.of("src/main/java");
    Path nav = main.resolve("org/planbridge/backoffice/nav");
    try (Stream<Path> files = Files.walk(main)) {
      List<Path> outside = files.filter(f -> f.toString().endsWith(".java") && !f.getParent().equals(nav))
          .filter(f -> read(f).contains("org.planbridge.backoffice.nav.codeunit")).toList();
      assertEquals(List.of(), outside);
    }
    assertNotNull(getClass().getClassLoader().getResource("wsdl/PlanBridge.wsdl"), "the WSDL ships in the WAR");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String companyUrl() {
    return nav.pageUrl().substring(0, nav.pageUrl().indexOf("/Page/"));
  }

  /** Connector {@code connector} at {@code uri}, as {@link NavSimulator#WINDOWS_LOGIN}. */
  Target target(long connector, String uri, String service) {
    return Targets.of(BackOfficeSystem.NAV, "SOAP_CODEUNIT", uri).connector(connector)
        .login(WINDOWS_LOGIN, PASSWORD).service(service).build();
  }

  Target target(String login, String password, Authentication type, String service) {
    return Targets.of(BackOfficeSystem.NAV, "SOAP_CODEUNIT", companyUrl()).login(login, password)
        .authentication(type).service(service).build();
  }

  static Delivery delivery(long transactionId, String action, Target target) {
    JsonObject appointment = Json.createObjectBuilder().add("appointmentId", 42)
        .add("appointmentGuid", "6f9619ff-8b86-d011-b42d-00c04fc964ff").add("sourceApp", "BC").add("sourceType", "SO")
        .add("jobNo", "J-1").add("taskNo", "T-1").add("subject", "Visit <& \"quoted\">")
        .add("body", "Bring the ladder\nand the key").add("start", "2024-05-01T08:00Z")
        .add("end", "2024-05-01T11:30:00+02:00").add("isAllDayEvent", true).add("timeMarker", "Confirmed")
        .add("category", "Installation").add("importance", 1).add("planningQty", 1.5).add("planningUom", "HOUR")
        .add("backofficeId", "SO-1001").add("backofficeParentId", "SO-1000").add("sentFromBackOffice", false)
        .add("resources", Json.createArrayBuilder().add("R-1").add("R-2")).build();
    String body = Json.createObjectBuilder().add("transactionId", transactionId).add("action", action)
        .add("sequence", 1).add("changedAt", "2024-04-30T12:00:00Z").add("appointment", appointment).build().toString();
    return new Delivery(transactionId, body, target);
  }
}
