package org.planbridge.connector.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.planbridge.connector.control.ConnectorField;
import org.planbridge.connector.control.ConnectorInput;
import org.planbridge.connector.control.ConnectorViolation;
import org.planbridge.connector.control.SecretCipher;
import org.planbridge.connector.entity.Authentication;
import org.planbridge.connector.entity.BackOfficeSystem;
import org.planbridge.connector.entity.Connector;

class ConnectorJsonTest {

  static ConnectorInput input(String json) {
    return ConnectorJson.input(Json.createReader(new StringReader(json)).readObject());
  }

  @Test
  void aRequestDescribesTheWholeConnector() {
    ConnectorInput input = input("{\"name\": \"Hook\", \"sourceApp\": \"HOOK\", \"backOfficeSystem\": \"webhook\","
        + " \"uri\": \"http://x\", \"password\": \"s3cret\"}");
    assertEquals("Hook", input.get(ConnectorField.NAME));
    assertEquals(BackOfficeSystem.WEBHOOK, input.get(ConnectorField.BACK_OFFICE_SYSTEM));
    assertEquals("s3cret", input.get(ConnectorField.PASSWORD));
    assertTrue(input.has(ConnectorField.DESCRIPTION), "left out is cleared");
    assertNull(input.get(ConnectorField.DESCRIPTION));
    assertEquals(Boolean.TRUE, input.get(ConnectorField.SEND_APPOINTMENTS), "the SDKs' default");
  }

  @Test
  void thePasswordIsKeptWhenLeftOutOrNullAndRemovedWhenEmpty() {
    assertFalse(input("{\"name\": \"a\", \"sourceApp\": \"A\"}").has(ConnectorField.PASSWORD));
    assertFalse(input("{\"name\": \"a\", \"sourceApp\": \"A\", \"password\": null}").has(ConnectorField.PASSWORD));
    assertEquals("", input("{\"name\": \"a\", \"sourceApp\": \"A\", \"password\": \"\"}").get(ConnectorField.PASSWORD));
  }

  @Test
  void theSystemMayBeAnSdkNumberAndNamesMatchInAnyCase() {
    assertEquals(BackOfficeSystem.BC_ONLINE, input("{\"backOfficeSystem\": 3}").get(ConnectorField.BACK_OFFICE_SYSTEM));
    assertEquals(BackOfficeSystem.NAV, input("{\"BackOfficeSystem\": \"1\"}").get(ConnectorField.BACK_OFFICE_SYSTEM));
    assertEquals("BC", input("{\"SourceApp\": \"BC\"}").get(ConnectorField.SOURCE_APP));
    assertEquals(Boolean.FALSE, input("{\"sendAppointmentToWebService\": false}").get(ConnectorField.SEND_APPOINTMENTS));
  }

  @Test
  void aJsonEscapeCannotSmuggleInANulOrHalfAnEmoji() {
    ConnectorViolation nul = assertThrows(ConnectorViolation.class,
        () -> input("{\"name\": \"a\\u0000b\", \"sourceApp\": \"A\"}").check());
    assertEquals(ConnectorField.NAME, nul.field());
    assertTrue(nul.getMessage().contains("NUL") && nul.getMessage().contains("position 2"), nul.getMessage());
    ConnectorViolation lone = assertThrows(ConnectorViolation.class,
        () -> input("{\"name\": \"a\", \"sourceApp\": \"\\ud83d\"}").check());
    assertEquals(ConnectorField.SOURCE_APP, lone.field());
    assertTrue(lone.getMessage().contains("unpaired UTF-16 surrogate (U+D83D) at position 1"), lone.getMessage());
    input("{\"name\": \"a\", \"sourceApp\": \"\\ud83d\\ude00\"}").check();
  }

  @Test
  void wrongTypesAndUnknownFieldsAreRefusedByName() {
    assertEquals(ConnectorField.BACK_OFFICE_SYSTEM,
        assertThrows(ConnectorViolation.class, () -> input("{\"backOfficeSystem\": 9}")).field());
    assertEquals(ConnectorField.NAME, assertThrows(ConnectorViolation.class, () -> input("{\"name\": 12}")).field());
    assertEquals(ConnectorField.SEND_APPOINTMENTS,
        assertThrows(ConnectorViolation.class, () -> input("{\"sendAppointmentToWebService\": 2}")).field());
    assertEquals("passwrd", assertThrows(ConnectorJson.UnknownField.class, () -> input("{\"passwrd\": \"x\"}")).getMessage());
  }

  @Test
  void anAnswerMayBeSentBack() {
    ConnectorInput input = input("{\"id\": 4, \"name\": \"a\", \"sourceApp\": \"A\", \"passwordSet\": true,"
        + " \"createdAt\": \"2024-01-01T00:00:00Z\", \"updatedAt\": null}");
    assertFalse(input.has(ConnectorField.PASSWORD));
  }

  @Test
  void anAnswerSaysWhetherAPasswordIsSetButNeverWhichOne() {
    Connector connector = new Connector();
    connector.setName("Hook");
    connector.setSourceApp("HOOK");
    connector.setBackOfficeSystem(BackOfficeSystem.BC_ONLINE);
    connector.setPasswordCipher(SecretCipher.withKey("MDEyMzQ1Njc4OWFiY2RlZg==").encrypt("s3cret"));
    JsonObject json = ConnectorJson.toJson(connector);
    assertTrue(json.getBoolean("passwordSet"));
    assertEquals("BC_ONLINE", json.getString("backOfficeSystem"));
    assertFalse(json.containsKey("password"));
    assertFalse(json.toString().contains(connector.getPasswordCipher()));
    assertTrue(json.isNull("uri"));
    assertTrue(json.getBoolean("sendAppointmentToWebService"));
    assertTrue(json.isNull("certificateFingerprint"));
  }

  @Test
  void theCertificatePinGoesInAndOutAsCertificateFingerprint() {
    String pin = "3FA10C5E77D29B40E861AA13C40F927D25B8E04A116CF3D980275BAE34C619E2";
    assertEquals(pin, input("{\"name\": \"a\", \"sourceApp\": \"A\", \"certificateFingerprint\": \"" + pin
        + "\"}").check().get(ConnectorField.CERTIFICATE_FINGERPRINT));
    Connector connector = new Connector();
    connector.setCertificateFingerprint(pin);
    assertEquals(pin, ConnectorJson.toJson(connector).getString("certificateFingerprint"));
  }

  @Test
  void theConcurrencyIsAWholeNumberFromOneToAThousandAndTheAnswerSaysTheLimitInForce() {
    assertEquals(3, input("{\"concurrency\": 3}").get(ConnectorField.CONCURRENCY));
    assertEquals(1000, input("{\"Concurrency\": \"1000\"}").get(ConnectorField.CONCURRENCY));
    assertNull(input("{\"concurrency\": \"\"}").get(ConnectorField.CONCURRENCY));
    for (String bad : new String[] {"0", "1001", "2.5", "-1", "\"five\"", "true", "[]", "1e400"}) {
      ConnectorViolation refused = assertThrows(ConnectorViolation.class, () -> input("{\"concurrency\": " + bad + "}"),
          bad);
      assertEquals(ConnectorField.CONCURRENCY, refused.field(), bad);
      assertTrue(refused.getMessage().contains("whole number from 1 to 1000"), refused.getMessage());
    }
    Connector connector = new Connector();
    connector.setBackOfficeSystem(BackOfficeSystem.BC_ONLINE);
    JsonObject online = ConnectorJson.toJson(connector);
    assertTrue(online.isNull("concurrency"));
    assertEquals(5, online.getInt("effectiveConcurrency"), "Business Central online's default");
    assertTrue(online.isNull("pausedUntil"));
    connector.setConcurrency(2);
    assertEquals(2, ConnectorJson.toJson(connector).getInt("effectiveConcurrency"));
    connector.setConcurrency(null);
    connector.setBackOfficeSystem(BackOfficeSystem.NAV);
    assertTrue(ConnectorJson.toJson(connector).isNull("effectiveConcurrency"), "no limit but the drain's");
    assertNull(input("{\"effectiveConcurrency\": 5, \"pausedUntil\": null}").get(ConnectorField.CONCURRENCY),
        "an answer's read-only fields may be sent back, and set nothing");
  }

  @Test
  void theAuthenticationTypeIsANameOrAnSdkNumberAndTheMappingAJsonObject() {
    assertEquals(Authentication.OAUTH2_CLIENT_CREDENTIALS_BASIC,
        input("{\"authenticationType\": 6}").get(ConnectorField.AUTHENTICATION_TYPE));
    assertEquals(Authentication.NTLM, input("{\"authenticationType\": \"2\"}").get(ConnectorField.AUTHENTICATION_TYPE));
    assertEquals(Authentication.OAUTH_ENTRA_ID,
        input("{\"authenticationType\": \"OAUthMsEntraId\"}").get(ConnectorField.AUTHENTICATION_TYPE));
    assertNull(input("{\"authenticationType\": \"\"}").get(ConnectorField.AUTHENTICATION_TYPE));
    for (String bad : new String[] {"7", "\"kerberos\"", "true", "{}"}) {
      ConnectorViolation refused = assertThrows(ConnectorViolation.class,
          () -> input("{\"authenticationType\": " + bad + "}"), bad);
      assertEquals(ConnectorField.AUTHENTICATION_TYPE, refused.field(), bad);
    }

    String mapping = "{\"subject\":\"Description\"}";
    assertEquals(mapping, input("{\"fieldMapping\": " + mapping + "}").get(ConnectorField.FIELD_MAPPING));
    assertEquals(ConnectorField.FIELD_MAPPING,
        assertThrows(ConnectorViolation.class, () -> input("{\"fieldMapping\": \"subject\"}")).field());
    assertEquals(ConnectorField.FIELD_MAPPING, assertThrows(ConnectorViolation.class,
        () -> input("{\"name\": \"a\", \"sourceApp\": \"A\", \"fieldMapping\": {\"subjekt\": \"Description\"}}")
            .check()).field());
    Connector connector = new Connector();
    connector.setFieldMapping(mapping);
    assertEquals("Description", ConnectorJson.toJson(connector).getJsonObject("fieldMapping").getString("subject"));
  }

  @Test
  void aTimeZoneMustBeOne() {
    assertEquals("Europe/Brussels", input("{\"name\": \"a\", \"sourceApp\": \"A\", \"timeZone\":"
        + " \"Europe/Brussels\"}").check().get(ConnectorField.TIME_ZONE));
    ConnectorViolation refused = assertThrows(ConnectorViolation.class, () -> input("{\"name\": \"a\","
        + " \"sourceApp\": \"A\", \"timeZone\": \"Europe/Brusels\"}").check());
    assertEquals(ConnectorField.TIME_ZONE, refused.field());
    assertTrue(refused.getMessage().contains("'Europe/Brusels' is not a time zone"), refused.getMessage());
  }
}
