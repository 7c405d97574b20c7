package org.planbridge.connector.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.planbridge.connector.entity.BackOfficeSystem;
import org.planbridge.connector.entity.Connector;

/** The rules of Connectors that need no database: how an input changes an entity, and its checks. */
class ConnectorsTest {

  final Connectors connectors = new Connectors();

  ConnectorsTest() {
    connectors.cipher = SecretCipher.withKey(SecretCipherTest.KEY);
  }

  @Test
  void thePasswordIsStoredEncryptedAndRevealedOnlyOnRequest() {
    Connector connector = new Connector();
    connectors.apply(connector, new ConnectorInput().set(ConnectorField.PASSWORD, "s3cret"));
    assertTrue(connector.isPasswordSet());
    assertFalse(connector.getPasswordCipher().contains("s3cret"));
    assertEquals("s3cret", connectors.revealPassword(connector));
  }

  @Test
  void anInputWithoutPasswordKeepsItAnEmptyOneRemovesIt() {
    Connector connector = new Connector();
    connectors.apply(connector, new ConnectorInput().set(ConnectorField.PASSWORD, "s3cret"));
    String stored = connector.getPasswordCipher();
    connectors.apply(connector, new ConnectorInput().set(ConnectorField.LOGIN, "admin"));
    assertEquals(stored, connector.getPasswordCipher());
    connectors.apply(connector, new ConnectorInput().set(ConnectorField.PASSWORD, ""));
    assertNull(connector.getPasswordCipher());
    assertNull(connectors.revealPassword(connector));
  }

  @Test
  void fieldsAreSetAndClearedAsTheInputSays() {
    Connector connector = new Connector();
    assertTrue(connector.isSendAppointments(), "the SDKs' default");
    connectors.apply(connector, new ConnectorInput().set(ConnectorField.NAME, "BC prod")
        .set(ConnectorField.SOURCE_APP, "BC").set(ConnectorField.URI, "not a uri, stored anyway")
        .set(ConnectorField.BACK_OFFICE_SYSTEM, BackOfficeSystem.WEBHOOK).set(ConnectorField.BACK_OFFICE_TYPE, "CARRIER_PIGEON")
        .set(ConnectorField.SEND_APPOINTMENTS, false).set(ConnectorField.DESCRIPTION, "d"));
    assertEquals("BC prod", connector.getName());
    assertEquals("not a uri, stored anyway", connector.getUri());
    assertEquals("CARRIER_PIGEON", connector.getBackOfficeType(), "an unknown type is stored, to be reported");
    assertEquals(BackOfficeSystem.WEBHOOK, connector.getBackOfficeSystem());
    assertFalse(connector.isSendAppointments());
    connectors.apply(connector, new ConnectorInput().set(ConnectorField.DESCRIPTION, "")
        .set(ConnectorField.BACK_OFFICE_SYSTEM, null).set(ConnectorField.URI, null));
    assertNull(connector.getDescription());
    assertNull(connector.getBackOfficeSystem());
    assertNull(connector.getUri());
    assertEquals("BC prod", connector.getName());
  }

  @Test
  void lengthsAreCountedInUtf16UnitsAndNamed() {
    ConnectorViolation tooLong = assertThrows(ConnectorViolation.class,
        () -> new ConnectorInput().set(ConnectorField.SOURCE_APP, "x".repeat(31)).check());
    assertEquals(ConnectorField.SOURCE_APP, tooLong.field());
    assertEquals(400, tooLong.status());
    assertTrue(tooLong.getMessage().startsWith("31 characters (UTF-16 units)"), tooLong.getMessage());
    assertTrue(tooLong.getMessage().contains("30 allowed"), tooLong.getMessage());
    new ConnectorInput().set(ConnectorField.URI, "u".repeat(1000)).check();
    assertThrows(ConnectorViolation.class, () -> new ConnectorInput().set(ConnectorField.URI, "u".repeat(1001)).check());
    ConnectorViolation password = assertThrows(ConnectorViolation.class,
        () -> new ConnectorInput().set(ConnectorField.PASSWORD, "p".repeat(501)).check());
    assertFalse(password.getMessage().contains("ppp"));
  }

  @Test
  void anEmojiCountsAsTwoAsOnH2AndInDimesColumns() {
    new ConnectorInput().set(ConnectorField.SOURCE_APP, "😀".repeat(15)).check();
    ConnectorViolation tooLong = assertThrows(ConnectorViolation.class,
        () -> new ConnectorInput().set(ConnectorField.SOURCE_APP, "😀".repeat(16)).check());
    assertTrue(tooLong.getMessage().contains("32 characters (UTF-16 units)"), tooLong.getMessage());
    assertTrue(tooLong.getMessage().contains("emoji counts as 2"), tooLong.getMessage());
  }

  @Test
  void noTextFieldTakesANulCharacter() {
    for (ConnectorField field : ConnectorField.values()) {
      if (field.isText()) {
        ConnectorViolation nul = assertThrows(ConnectorViolation.class,
            () -> new ConnectorInput().set(field, "ab\u0000c").check(), field.name());
        assertEquals(field, nul.field());
        assertTrue(nul.getMessage().contains("NUL") && nul.getMessage().contains("position 3"), nul.getMessage());
      }
    }
  }

  @Test
  void noTextFieldTakesAnUnpairedSurrogate() {
    for (ConnectorField field : ConnectorField.values()) {
      if (field.isText()) {
        for (String half : new String[] {"a\uD83D", "a\uDE00b", "\uDE00\uD83D"}) {
          ConnectorViolation lone = assertThrows(ConnectorViolation.class,
              () -> new ConnectorInput().set(field, half).check(), field.name());
          assertEquals(field, lone.field());
          assertTrue(lone.getMessage().contains("unpaired UTF-16 surrogate"), lone.getMessage());
          assertFalse(lone.getMessage().contains(half), "the value is not repeated: it may be the password");
        }
      }
    }
    ConnectorViolation sourceApp = assertThrows(ConnectorViolation.class,
        () -> new ConnectorInput().set(ConnectorField.SOURCE_APP, "BC\uD83D").check());
    assertTrue(sourceApp.getMessage().contains("U+D83D") && sourceApp.getMessage().contains("position 3"),
        sourceApp.getMessage());
    new ConnectorInput().set(ConnectorField.SOURCE_APP, "BC 😀").check();
  }

  @Test
  void aCertificatePinIsASha256FingerprintWithOrWithoutColonsAndIsStoredAsGiven() {
    String pin = "3f:a1:0c:5e:77:d2:9b:40:e8:61:aa:13:c4:0f:92:7d:25:b8:e0:4a:11:6c:f3:d9:80:27:5b:ae:34:c6:19:e2";
    Connector connector = new Connector();
    connectors.apply(connector, new ConnectorInput().set(ConnectorField.CERTIFICATE_FINGERPRINT, pin).check());
    assertEquals(pin, connector.getCertificateFingerprint());
    new ConnectorInput().set(ConnectorField.CERTIFICATE_FINGERPRINT, pin.replace(":", "").toUpperCase()).check();
    ConnectorViolation wrong = assertThrows(ConnectorViolation.class,
        () -> new ConnectorInput().set(ConnectorField.CERTIFICATE_FINGERPRINT, pin.substring(3)).check());
    assertEquals(ConnectorField.CERTIFICATE_FINGERPRINT, wrong.field());
    assertTrue(wrong.getMessage().contains("is not a SHA-256 fingerprint: 64 hexadecimal digits"), wrong.getMessage());
    connectors.apply(connector, new ConnectorInput().set(ConnectorField.CERTIFICATE_FINGERPRINT, "").check());
    assertNull(connector.getCertificateFingerprint(), "empty: no pin");
  }

  @Test
  void nameAndSourceAppCannotBeEmpty() {
    for (String empty : new String[] {null, "", "  "}) {
      assertEquals(ConnectorField.NAME, assertThrows(ConnectorViolation.class,
          () -> new ConnectorInput().set(ConnectorField.NAME, empty).check()).field());
      assertEquals(ConnectorField.SOURCE_APP, assertThrows(ConnectorViolation.class,
          () -> new ConnectorInput().set(ConnectorField.SOURCE_APP, empty).check()).field());
    }
  }

  @Test
  void systemsAreReadByNameOrSdkNumber() {
    assertEquals(BackOfficeSystem.NAV, ConnectorInput.system("1"));
    assertEquals(BackOfficeSystem.BC, ConnectorInput.system("2"));
    assertEquals(BackOfficeSystem.BC_ONLINE, ConnectorInput.system("3"));
    assertEquals(BackOfficeSystem.WEBHOOK, ConnectorInput.system("4"));
    assertEquals(BackOfficeSystem.NAV, ConnectorInput.system("nav"));
    assertEquals(BackOfficeSystem.BC, ConnectorInput.system("Bc"));
    assertEquals(BackOfficeSystem.BC_ONLINE, ConnectorInput.system("bc_online"));
    assertEquals(BackOfficeSystem.BC_ONLINE, ConnectorInput.system("BcOAuth"));
    assertEquals(BackOfficeSystem.WEBHOOK, ConnectorInput.system(" Webhook "));
    assertNull(ConnectorInput.system(""));
    for (String wrong : new String[] {"0", "5", "SAP", "hunter2"}) {
      ConnectorViolation refused = assertThrows(ConnectorViolation.class, () -> ConnectorInput.system(wrong));
      assertEquals(ConnectorField.BACK_OFFICE_SYSTEM, refused.field());
      assertFalse(refused.getMessage().contains(wrong), "the value is not repeated (it may be a password)");
    }
  }

  @Test
  void theInputNeverPrintsThePassword() {
    String text = new ConnectorInput().set(ConnectorField.PASSWORD, "s3cret").set(ConnectorField.LOGIN, "admin").toString();
    assertFalse(text.contains("s3cret"), text);
    assertTrue(text.contains("admin"), text);
  }
}
