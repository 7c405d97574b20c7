package org.planbridge.ingest.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.planbridge.connector.control.ConnectorField;
import org.planbridge.connector.control.ConnectorInput;
import org.planbridge.connector.entity.Authentication;
import org.planbridge.connector.entity.BackOfficeSystem;

/** The connector procedures as the SDKs send them (docs/dime-sdk-reference.md, mboc_addConnector and section 4). */
class ConnectorBinderTest {

  static ConnectorInput bind(String procedure, String... namesAndValues) {
    return bound(procedure, namesAndValues).connector();
  }

  static BoundItem bound(String procedure, String... namesAndValues) {
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      names.add(namesAndValues[i]);
      values.add(namesAndValues[i + 1]);
    }
    return ConnectorBinder.bind(new ImportItem(0, procedure, names, values), ProcedureCatalog.find(procedure).orElseThrow());
  }

  @ParameterizedTest
  @CsvSource({"mboc_upsertConnector, UPSERT_CONNECTOR", "mboc_addConnector, UPSERT_CONNECTOR",
      "MBOC_UPSERTCONNECTOR, UPSERT_CONNECTOR", "mboc_deleteConnector, DELETE_CONNECTOR"})
  void theConnectorProceduresAreInTheCatalog(String name, Operation operation) {
    Procedure procedure = ProcedureCatalog.find(name).orElseThrow();
    assertEquals(operation, procedure.operation());
    assertEquals("connector", procedure.target().table());
    assertSame(ProcedureCatalog.find("mboc_upsertConnector").orElseThrow(), ProcedureCatalog.find("mboc_addConnector").orElseThrow());
  }

  @Test
  void theTypedRouteConnectorRunsTheConnectorProcedures() {
    TypedRoutes.Route route = TypedRoutes.find("connector").orElseThrow();
    assertEquals(Optional.of("mboc_upsertConnector"), route.procedureFor("POST"));
    assertEquals(Optional.of("mboc_upsertConnector"), route.procedureFor("PUT"));
    assertEquals(Optional.of("mboc_deleteConnector"), route.procedureFor("DELETE"));
  }

  @Test
  void theNetParametersBind() {
    ConnectorInput input = bind("mboc_addConnector", "Name", "Production", "Description", "BC prod", "SourceApp", "BC",
        "SourceType", "SO", "SendAppointmentToWebService", "True", "WebServiceAddress", "https://bc/ws", "Type", "0",
        "AuthType", "0", "ApiType", "0", "Login", "svc", "Password", "s3cret");
    assertEquals("Production", input.get(ConnectorField.NAME));
    assertEquals("BC", input.get(ConnectorField.SOURCE_APP));
    assertEquals("SO", input.get(ConnectorField.SOURCE_TYPE));
    assertEquals(Boolean.TRUE, input.get(ConnectorField.SEND_APPOINTMENTS));
    assertEquals("https://bc/ws", input.get(ConnectorField.URI));
    assertEquals("svc", input.get(ConnectorField.LOGIN));
    assertEquals("s3cret", input.get(ConnectorField.PASSWORD));
    assertFalse(input.has(ConnectorField.BACK_OFFICE_SYSTEM), "Type None changes nothing");
  }

  @Test
  void theJsParametersBindWithTheSystemAsANumber() {
    ConnectorInput input = bind("mboc_upsertConnector", "SourceApp", "HOOK", "SendAppointmentToWebService", "false",
        "WebServiceAddress", "http://hook", "BackOfficeSystem", "4", "Login", null, "Password", null);
    assertEquals(BackOfficeSystem.WEBHOOK, input.get(ConnectorField.BACK_OFFICE_SYSTEM));
    assertEquals(Boolean.FALSE, input.get(ConnectorField.SEND_APPOINTMENTS));
    assertFalse(input.has(ConnectorField.LOGIN), "null is not sent");
    assertFalse(input.has(ConnectorField.PASSWORD), "null keeps the stored password");
  }

  @Test
  void oneJsVersionSendsThePasswordAsASecondBackOfficeSystem() {
    ConnectorInput input = bind("mboc_upsertConnector", "SourceApp", "BC", "BackOfficeSystem", "2", "Login", "svc",
        "BackOfficeSystem", "s3cret");
    assertEquals(BackOfficeSystem.BC, input.get(ConnectorField.BACK_OFFICE_SYSTEM));
    assertEquals("s3cret", input.get(ConnectorField.PASSWORD));

    ConnectorInput both = bind("mboc_upsertConnector", "SourceApp", "BC", "BackOfficeSystem", "2",
        "BackOfficeSystem", "ignored", "Password", "real");
    assertEquals("real", both.get(ConnectorField.PASSWORD));
  }

  @Test
  void theTypedRouteModelNamesBind() {
    ConnectorInput input = bind("mboc_upsertConnector", "SourceApp", "BC", "Uri", "http://x", "AuthenticationType", "5",
        "Type", "1", "ApiType", "1", "CrudTypes", "0;2;3");
    assertEquals("http://x", input.get(ConnectorField.URI));
    assertEquals(BackOfficeSystem.BC_ONLINE, input.get(ConnectorField.BACK_OFFICE_SYSTEM), "Bc with OAuth2 is BC online");
    assertEquals("REST_API_PAGE", input.get(ConnectorField.BACK_OFFICE_TYPE));
  }

  @ParameterizedTest
  @CsvSource({"1, 0, 0, BC, SOAP_PAGE,", "1, 1, 1, BC, REST_API_PAGE, BASIC", "2, 2, 0, NAV, SOAP_PAGE, NTLM",
      "2, 3, 0, NAV, SOAP_PAGE, WINDOWS", "3, 0, 0, WEBHOOK, WEBHOOK,", "1, 4, 0, BC_ONLINE, SOAP_PAGE, OAUTH_ENTRA_ID",
      "1, 6, 1, BC_ONLINE, REST_API_PAGE, OAUTH2_CLIENT_CREDENTIALS_BASIC"})
  void theNetTypeSetsSystemProtocolAndAuthentication(String type, String auth, String api, BackOfficeSystem system,
      String protocol, Authentication authentication) {
    ConnectorInput input = bind("mboc_addConnector", "SourceApp", "A", "Type", type, "AuthType", auth, "ApiType", api);
    assertEquals(system, input.get(ConnectorField.BACK_OFFICE_SYSTEM));
    assertEquals(protocol, input.get(ConnectorField.BACK_OFFICE_TYPE), "the SDK's SOAP is the page");
    assertEquals(authentication, input.get(ConnectorField.AUTHENTICATION_TYPE),
        "AuthType 0 (the SDK's default) leaves the system's default");
  }

  @Test
  void anAuthTypeThatIsNoneOfTheSdksIsRefusedByName() {
    ImportRejected refused = assertThrows(ImportRejected.class, () -> bind("mboc_addConnector", "SourceApp", "A",
        "AuthType", "9"));
    assertTrue(refused.getMessage().contains("AuthType"), refused.getMessage());
  }

  @Test
  void anExplicitSystemOrTypeWinsOverTheNetType() {
    ConnectorInput input = bind("mboc_addConnector", "SourceApp", "A", "Type", "2", "BackOfficeSystem", "WEBHOOK",
        "BackOfficeType", "CUSTOM");
    assertEquals(BackOfficeSystem.WEBHOOK, input.get(ConnectorField.BACK_OFFICE_SYSTEM));
    assertEquals("CUSTOM", input.get(ConnectorField.BACK_OFFICE_TYPE));
  }

  @Test
  void anEmptyStringClears() {
    ConnectorInput input = bind("mboc_upsertConnector", "SourceApp", "A", "Description", "", "BackOfficeSystem", "",
        "Password", "", "SendAppointmentToWebService", "");
    assertTrue(input.has(ConnectorField.DESCRIPTION));
    assertNull(input.get(ConnectorField.DESCRIPTION));
    assertTrue(input.has(ConnectorField.BACK_OFFICE_SYSTEM));
    assertNull(input.get(ConnectorField.BACK_OFFICE_SYSTEM));
    assertEquals("", input.get(ConnectorField.PASSWORD), "removes the password");
    assertFalse(input.has(ConnectorField.SEND_APPOINTMENTS), "the flag cannot be cleared");
  }

  @Test
  void aDeleteReadsOnlyTheSourceAppOfEverythingTheSdksSend() {
    ConnectorInput input = bind("mboc_deleteConnector", "Name", "x".repeat(500), "SourceApp", "BC",
        "SendAppointmentToWebService", "not a boolean", "WebServiceAddress", "w", "Type", "x", "BackOfficeSystem", "99",
        "Login", "l", "Password", "p");
    assertEquals("BC", input.get(ConnectorField.SOURCE_APP));
    assertFalse(input.has(ConnectorField.PASSWORD));
    assertFalse(input.has(ConnectorField.NAME));
  }

  @Test
  void refusalsNameTheParameterAsSentAndNeverQuoteASecret() {
    assertMessage("Item 0 (mboc_upsertConnector), parameter SourceApp: is required and missing",
        "mboc_upsertConnector", "Name", "x");
    assertMessage("Item 0 (mboc_deleteConnector), parameter SourceApp: is required and missing",
        "mboc_deleteConnector", "Name", "x");
    assertMessage("Item 0 (mboc_upsertConnector), parameter sourceapp: 31 characters (UTF-16 units), longer than the 30 allowed",
        "mboc_upsertConnector", "sourceapp", "x".repeat(31));
    assertMessage("Item 0 (mboc_upsertConnector), parameter Colour: is not a parameter of mboc_upsertConnector",
        "mboc_upsertConnector", "SourceApp", "A", "Colour", "red");
    assertMessage("Item 0 (mboc_upsertConnector), parameter Name: is required and must not be empty",
        "mboc_upsertConnector", "SourceApp", "A", "Name", "");
    assertMessage("Item 0 (mboc_upsertConnector), parameter Type: is not a connector type (None 0, Bc 1, Nav 2, Webhook 3)",
        "mboc_addConnector", "SourceApp", "A", "Type", "7");
    ImportRejected system = assertThrows(ImportRejected.class,
        () -> bind("mboc_upsertConnector", "SourceApp", "A", "BackOfficeSystem", "hunter2"));
    assertTrue(system.getMessage().startsWith("Item 0 (mboc_upsertConnector), parameter BackOfficeSystem: must be NAV"),
        system.getMessage());
    assertFalse(system.getMessage().contains("hunter2"));
    ImportRejected password = assertThrows(ImportRejected.class,
        () -> bind("mboc_upsertConnector", "SourceApp", "A", "Password", "p".repeat(501)));
    assertTrue(password.getMessage().contains("parameter Password: 501 characters"), password.getMessage());
    assertFalse(password.getMessage().contains("ppp"));
    ImportRejected nul = assertThrows(ImportRejected.class,
        () -> bind("mboc_upsertConnector", "SourceApp", "A\u0000B", "Name", "n"));
    assertTrue(nul.getMessage().contains("parameter SourceApp: contains a NUL character (U+0000) at position 2"),
        nul.getMessage());
    ImportRejected lone = assertThrows(ImportRejected.class,
        () -> bind("mboc_upsertConnector", "SourceApp", "A", "Password", "pw\uD800"));
    assertTrue(lone.getMessage().contains("parameter Password: contains an unpaired UTF-16 surrogate"), lone.getMessage());
  }

  private static void assertMessage(String expected, String procedure, String... namesAndValues) {
    assertEquals(expected, assertThrows(ImportRejected.class, () -> bind(procedure, namesAndValues)).getMessage(),
        Arrays.toString(namesAndValues));
  }

  @ParameterizedTest
  @ValueSource(strings = {"mboc_upsertConnector", "mboc_deleteConnector"})
  void theSdkParameterNamesAreAllKnown(String procedure) {
    bind(procedure, "Name", null, "Description", null, "SourceApp", "A", "SourceType", null,
        "SendAppointmentToWebService", null, "WebServiceAddress", null, "Type", null, "AuthType", null, "ApiType", null,
        "BackOfficeSystem", null, "Login", null, "Password", null);
  }
}
