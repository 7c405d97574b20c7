package org.planbridge.testing.nav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator's codeunit services, over plain HTTP with Basic: the WSDL, NAV's checks, the idempotency. */
class NavSimulatorCodeunitTest {

  private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString((NavSimulator.USER + ":pw")
      .getBytes(StandardCharsets.UTF_8));
  private static final Map<String, String> VALUES = Map.of("long", "7", "int", "1", "decimal", "1.5", "boolean",
      "false", "dateTime", "2024-05-01T08:00:00Z", "string", "x");

  private final NavSimulator nav;
  private final HttpClient http = HttpClient.newHttpClient();

  NavSimulatorCodeunitTest() throws IOException {
    nav = NavSimulator.builder().mode(NavSimulator.AuthMode.BASIC).user(NavSimulator.USER).password("pw")
        .codeunit("Dispatcher").start();
  }

  @AfterEach
  void stop() {
    nav.close();
  }

  @Test
  void theWsdlIsTheCommittedOneUnderThePublishedNameAndAddress() throws Exception {
    String url = nav.codeunitUrl("Dispatcher");
    HttpResponse<String> wsdl = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", AUTH)
        .build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, wsdl.statusCode());
    assertTrue(wsdl.body().contains("targetNamespace=\"urn:microsoft-dynamics-schemas/codeunit/Dispatcher\""));
    assertTrue(wsdl.body().contains("<service name=\"Dispatcher\">"));
    assertTrue(wsdl.body().contains("location=\"" + url + "\""), wsdl.body());
    assertTrue(wsdl.body().contains("soapAction=\"urn:microsoft-dynamics-schemas/codeunit/Dispatcher:"
        + "ProcessAppointment\""));
  }

  @Test
  void aCallIsProcessedOnceAndARedeliveryAnsweredOkAgain() throws Exception {
    String ns = "urn:microsoft-dynamics-schemas/codeunit/PlanBridge";
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> reply = post(nav.codeunitUrl("PlanBridge"), ns, ns + ":ProcessAppointment", all());
      assertEquals(200, reply.statusCode(), reply.body());
      assertTrue(reply.body().contains("<return_value>OK</return_value>"), reply.body());
    }
    assertEquals(java.util.List.of("PlanBridge/7"), nav.processed());
    assertEquals(2, nav.codeunitCalls().size());
    assertEquals("x", nav.codeunitCalls().get(0).field("subject"));
    assertNull(nav.codeunitCalls().get(1).entryNo(), "not processed twice");
    assertTrue(nav.creates().isEmpty());
  }

  @Test
  void aWrongSoapActionOrAMissingParameterIsAFault() throws Exception {
    String ns = "urn:microsoft-dynamics-schemas/codeunit/Dispatcher";
    HttpResponse<String> wrong = post(nav.codeunitUrl("Dispatcher"), ns,
        "urn:microsoft-dynamics-schemas/codeunit/PlanBridge:ProcessAppointment", all());
    assertEquals(500, wrong.statusCode());
    assertTrue(wrong.body().contains("does not match the operation ProcessAppointment"), wrong.body());
    HttpResponse<String> missing = post(nav.codeunitUrl("Dispatcher"), ns, ns + ":ProcessAppointment",
        all().replace("<action>x</action>", ""));
    assertTrue(missing.body().contains("Parameter action in method ProcessAppointment in service Dispatcher is"
        + " null!"), missing.body());
    assertTrue(nav.processed().isEmpty());
  }

  @Test
  void anUnpublishedCodeunitIsNotFound() throws Exception {
    HttpResponse<String> reply = post(nav.codeunitUrl("Other"), "urn:x", "urn:x:ProcessAppointment", all());
    assertEquals(404, reply.statusCode());
  }

  private static String all() {
    return CodeunitService.PARAMETERS.entrySet().stream().map(p -> "<" + p.getKey() + ">"
        + VALUES.get(p.getValue()) + "</" + p.getKey() + ">").collect(Collectors.joining());
  }

  private HttpResponse<String> post(String url, String ns, String action, String parameters) throws Exception {
    String body = SoapMessages.envelope("<ProcessAppointment xmlns=\"" + ns + "\">" + parameters
        + "</ProcessAppointment>");
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", AUTH)
        .header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"" + action + "\"")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
