package org.planbridge.backoffice.nav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbridge.testing.nav.NavSimulator.PASSWORD;
import static org.planbridge.testing.nav.NavSimulator.USER;
import static org.planbridge.testing.nav.NavSimulator.WINDOWS_LOGIN;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.planbridge.backoffice.Delivery;
import org.planbridge.backoffice.DeliveryFailed;
import org.planbridge.backoffice.Target;
import org.planbridge.connector.entity.Authentication;
import org.planbridge.connector.entity.BackOfficeSystem;
import org.planbridge.testing.AppointmentChanges;
import org.planbridge.testing.Targets;
import org.planbridge.testing.nav.NavSimulator;
import org.planbridge.testing.nav.NavSimulator.AuthMode;
import org.planbridge.testing.nav.PageField;
import org.planbridge.testing.nav.Received;

/** The page client against the NAV simulator, in this JVM: the wire, each login, each failure. */
class NavPageClientTest extends NavClientFixture.Page {

  @ParameterizedTest
  @EnumSource(value = AuthMode.class, names = {"NTLM_ONLY", "NEGOTIATE_ONLY", "BOTH"})
  void aWindowsLoginDeliversEveryMappedFieldWhateverNtlmTheServerOffers(AuthMode mode) throws Exception {
    nav = NavSimulator.builder().mode(mode).start();
    client.send(delivery(11, 'I', target(WINDOWS_LOGIN, PASSWORD, null, null)));
    Received create = nav.creates().get(0);
    assertTrue(create.succeeded(), create.fault());
    assertEquals(WINDOWS_LOGIN, create.user());
    assertEveryMappedField(create.fields(), "11");
    assertEquals(List.of("R-1", "R-2"), create.resources().stream().map(r -> r.get("Resource_No")).toList());
    assertEquals(0, nav.basicHeadersInWindowsMode(), "a Windows password never travels as Basic");
  }

  @Test
  void anAuthenticatedConnectionIsReusedWithoutAnotherHandshake() throws Exception {
    nav = NavSimulator.builder().mode(AuthMode.NTLM_ONLY).start();
    Target target = target(WINDOWS_LOGIN, PASSWORD, null, null);
    for (int i = 1; i <= 20; i++) {
      client.send(delivery(i, 'U', target));
    }
    assertEquals(20, nav.creates().size());
    // One for the WSDL's connection, then one per connection the calls use (21 if each call authenticated anew).
    // The async client's pool may open another connection while the last is being handed back, so the count is
    // not exact; a few at most.
    assertTrue(nav.handshakes() <= 5, "handshakes for 20 calls: " + nav.handshakes());
  }

  @Test
  void aWrongWindowsPasswordFailsWithACredentialsHintAndNeverTheBasicFallback() throws Exception {
    nav = NavSimulator.builder().mode(AuthMode.BOTH).start();
    DeliveryFailed failed = assertThrows(DeliveryFailed.class,
        () -> client.send(delivery(1, 'I', target(WINDOWS_LOGIN, "wrong-one", null, null))));
    assertWindowsLoginRefused(failed, "wrong-one", nav);
    assertEquals(0, nav.creates().size());
  }

  @Test
  void basicByPrefixOrByTypeAndTheAccessKey() throws Exception {
    nav = NavSimulator.builder().mode(AuthMode.BASIC).user(USER).password(PASSWORD).accessKey("KEY-123=")
        .start();
    client.send(delivery(1, 'I', target("basic=" + USER, PASSWORD, null, null)));
    client.send(delivery(2, 'I', target(USER, "KEY-123=", Authentication.BASIC, null)));
    assertEquals(2, nav.creates().size());
    assertTrue(nav.creates().stream().allMatch(r -> r.scheme().equalsIgnoreCase("Basic")));
  }

  @Test
  void blankCredentialsAreFailedSayingTheyAreRequiredAndNothingIsSent() throws Exception {
    nav = NavSimulator.builder().start();
    DeliveryFailed failed = assertThrows(DeliveryFailed.class, () -> client.send(delivery(1, 'I',
        target("", "", null, null))));
    assertFalse(failed.isMisconfigured(), "Failed, not Invalid MBOC Back Office Type");
    assertTrue(failed.getMessage().contains("credentials are required"), failed.getMessage());
    assertEquals(0, nav.received().size());
  }

  @Test
  void aDeleteIsACreateWithItsDatabaseAction() throws Exception {
    nav = NavSimulator.builder().start();
    client.send(delivery(3, 'D', target(WINDOWS_LOGIN, PASSWORD, null, null)));
    assertEquals("Create", nav.creates().get(0).operation());
    assertEquals("D", nav.creates().get(0).fields().get("Database_Action"));
  }

  @Test
  void aSoapFaultFailsWithItsCodeAndTextFirst() throws Exception {
    nav = NavSimulator.builder().start();
    nav.failNext(1, "Microsoft.Dynamics.Nav.Types.Exceptions.NavCSideException", "DifferentTableIdsMessage");
    DeliveryFailed failed = assertThrows(DeliveryFailed.class,
        () -> client.send(delivery(1, 'I', target(WINDOWS_LOGIN, PASSWORD, null, null))));
    assertTrue(failed.getMessage().startsWith("NavCSideException: DifferentTableIdsMessage"), failed.getMessage());
  }

  @Test
  void theSameTransactionTwiceLeavesOneRecordAndCountsAsDelivered() throws Exception {
    nav = NavSimulator.builder().start();
    Target target = target(WINDOWS_LOGIN, PASSWORD, null, null);
    client.send(delivery(7, 'I', target));
    client.send(delivery(7, 'I', target));
    assertEquals(1, nav.stored().size());
    assertEquals(2, nav.creates().size(), "the second was refused as a duplicate");
    DeliveryFailed other = assertThrows(DeliveryFailed.class, () -> {
      nav.fault("Microsoft.Dynamics.Nav.Types.Exceptions.NavCSideException",
          "The Appointment already exists. Identification fields and values: Entry No.='1'");
      client.send(delivery(8, 'I', target));
    });
    assertTrue(other.getMessage().contains("already exists"), "another record's duplicate is a failure");
  }

  @Test
  void aPageWithoutTheTransactionIdFieldStillTakesTheAppointment() throws Exception {
    List<PageField> fields = new ArrayList<>(PageField.appointmentDefaults());
    fields.removeIf(f -> f.name().equals(NavSimulator.TRANSACTION_FIELD));
    nav = NavSimulator.builder().fields(fields).start();
    client.send(delivery(1, 'I', target(WINDOWS_LOGIN, PASSWORD, null, null)));
    assertFalse(nav.creates().get(0).fields().containsKey(NavSimulator.TRANSACTION_FIELD));
  }

  @Test
  void aMappedFieldThePageLacksAndARequiredFieldNothingFillsAreNamed() throws Exception {
    List<PageField> fields = new ArrayList<>(PageField.appointmentDefaults());
    fields.add(PageField.of("Customer No.", PageField.Type.STRING).asRequired());
    nav = NavSimulator.builder().fields(fields).start();
    DeliveryFailed failed = assertThrows(DeliveryFailed.class, () -> client.send(delivery(1, 'I',
        target(WINDOWS_LOGIN, PASSWORD, null, "{\"subject\": \"Description\"}"))));
    assertTrue(failed.isMisconfigured());
    assertTrue(failed.getMessage().contains("has no field Description (mapped from subject)"), failed.getMessage());
    assertTrue(failed.getMessage().contains("requires the field Customer_No"), failed.getMessage());
    assertEquals(0, nav.creates().size());
  }

  @Test
  void aConnectorMappingRenamesAndLeavesOutFieldsAndSplitsTimesInItsZone() throws Exception {
    List<PageField> fields = new ArrayList<>(PageField.appointmentDefaults());
    fields.add(PageField.of("Start Day", PageField.Type.DATE));
    fields.add(PageField.of("Start Hour", PageField.Type.TIME));
    nav = NavSimulator.builder().fields(fields).start();
    Target target = Targets.of(BackOfficeSystem.NAV, "SOAP_PAGE", nav.pageUrl()).login(WINDOWS_LOGIN, PASSWORD)
        .zone(ZoneId.of("Europe/Brussels"))
        .mapping("{\"subject\": \"Body\", \"body\": null, \"startDate\": \"Start_Day\", \"startTime\": \"Start_Hour\"}")
        .build();
    client.send(delivery(1, 'I', target));
    Map<String, String> received = nav.creates().get(0).fields();
    assertEquals("Visit <& \"quoted\">", received.get("Body"));
    assertFalse(received.containsKey("Subject"));
    assertEquals("2024-05-01", received.get("Start_Day"));
    assertEquals("10:00:00", received.get("Start_Hour"), "08:00 UTC is 10:00 in Brussels in May");
    assertEquals("2024-05-01T08:00:00Z", received.get("Start_Date"), "dateTime stays UTC");
  }

  @Test
  void anAppointmentsFieldValuesGoToThePageFieldsTheMappingNames() throws Exception {
    List<PageField> fields = new ArrayList<>(PageField.appointmentDefaults());
    fields.add(PageField.of("Remark", PageField.Type.STRING));
    fields.add(PageField.of("Gate", PageField.Type.STRING));
    nav = NavSimulator.builder().fields(fields).start();
    Target target = Targets.of(BackOfficeSystem.NAV, "SOAP_PAGE", nav.pageUrl()).login(WINDOWS_LOGIN, PASSWORD)
        .mapping("{\"fieldValues.REMARK\": \"Remark\", \"fieldValues.GATE\": \"Gate\"}").build();
    client.send(delivery(1, 'I', target));
    Map<String, String> received = nav.creates().get(0).fields();
    assertEquals("Ring twice", received.get("Remark"));
    assertFalse(received.containsKey("Gate"), "a blank field value is left out, as any null");
    assertTrue(PageMapping.problem("{\"fieldValues.\": \"Remark\"}").contains("fieldValues.<field code>"));
    assertEquals(null, PageMapping.problem("{\"fieldValues.REMARK\": \"Remark\"}"));
  }

  @Test
  void anUnpublishedServiceOrUnknownCompanySaysSo() throws Exception {
    nav = NavSimulator.builder().start();
    Target target = Targets.of(BackOfficeSystem.BC, "SOAP_PAGE", nav.pageUrl("CRONUS")
        .replace("/Page/Appointment", "")).login(WINDOWS_LOGIN, PASSWORD).build();
    DeliveryFailed failed = assertThrows(DeliveryFailed.class, () -> client.send(delivery(1, 'I', target)));
    assertTrue(failed.getMessage().contains("HTTP 404"), failed.getMessage());
    assertTrue(failed.getMessage().contains("not published for the company 'CRONUS'"), failed.getMessage());

    Target unpublished = Targets.of(BackOfficeSystem.BC, "SOAP_PAGE", nav.pageUrl()
        .replace("/Page/Appointment", "")).version(2).login(WINDOWS_LOGIN, PASSWORD).service("DS_Appointments")
        .build();
    DeliveryFailed notThere = assertThrows(DeliveryFailed.class, () -> client.send(delivery(1, 'I', unpublished)));
    assertTrue(notThere.getMessage().contains("HTTP 404") && notThere.getMessage().contains(
        "the service DS_Appointments is not published for the company 'CRONUS International Ltd.'"),
        notThere.getMessage());
  }

  @Test
  void aCompanyWithSpacesAmpersandsApostrophesAndUmlautsIsReached() throws Exception {
    String company = "Müller & Söhne, O'Brien Ltd.";
    nav = NavSimulator.builder().companies(company).start();
    String instance = nav.pageUrl(company).substring(0, nav.pageUrl(company).indexOf("/WS/"));
    Target target = Targets.of(BackOfficeSystem.BC, "SOAP_PAGE", instance).login(WINDOWS_LOGIN, PASSWORD)
        .company(company).build();
    client.send(delivery(1, 'I', target));
    assertEquals(company, nav.creates().get(0).company());
  }

  @Test
  void aChangedConnectorGetsANewPortAndTheOldOneIsNotUsed() throws Exception {
    nav = NavSimulator.builder().start();
    assertThrows(DeliveryFailed.class, () -> client.send(delivery(1, 'I', target(WINDOWS_LOGIN, "old", null,
        null))));
    Target fixed = Targets.of(BackOfficeSystem.NAV, "SOAP_PAGE", nav.pageUrl()).version(2)
        .login(WINDOWS_LOGIN, PASSWORD).build();
    client.send(delivery(1, 'I', fixed));
    assertEquals(1, nav.stored().size());
  }

  /** The page fields of an insert of {@link AppointmentChanges#delivery}'s appointment, by the default mapping. */
  static void assertEveryMappedField(Map<String, String> fields, String transactionId) {
    assertEquals("I", fields.get("Database_Action"));
    assertEquals(transactionId, fields.get("PlanBridge_Transaction_Id"));
    assertEquals("42", fields.get("Appointment_Id"));
    assertEquals("BC", fields.get("Source_App"));
    assertEquals("SO", fields.get("Source_Type"));
    assertEquals("J-1", fields.get("Job_No"));
    assertEquals("T-1", fields.get("Task_No"));
    assertEquals("Visit <& \"quoted\">", fields.get("Subject"));
    assertEquals("2024-05-01T08:00:00Z", fields.get("Start_Date"));
    assertEquals("2024-05-01T09:30:00Z", fields.get("End_Date"));
    assertEquals("5400", fields.get("Duration_Sec"));
    assertEquals("High", fields.get("Importance"));
    assertEquals("false", fields.get("Is_All_Day_Event"));
    assertEquals("1.5", fields.get("Planning_Quantity"));
    assertEquals("false", fields.get("Sent_From_Backoffice"));
    assertFalse(fields.containsKey("Body"), "a null is left out, not sent empty");
  }

  Target target(String login, String password, Authentication type, String mapping) {
    return Targets.of(BackOfficeSystem.NAV, "SOAP_PAGE", nav.pageUrl()).login(login, password).authentication(type)
        .mapping(mapping).build();
  }

  static Delivery delivery(long transactionId, char action, Target target) {
    return AppointmentChanges.delivery(transactionId, action, target);
  }

}
