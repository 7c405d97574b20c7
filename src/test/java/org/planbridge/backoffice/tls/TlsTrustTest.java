package org.planbridge.backoffice.tls;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** BackOfficeTrust by itself: the truststores it reads or refuses, its chain check, the pin on top. */
class TlsTrustTest {

  static final String AUTH = "ECDHE_ECDSA";
  final TestCertificates certificates = TestCertificates.get();

  @Test
  void theJvmsDefaultTrustAloneRefusesAnInternalCaAndSaysWhatToDo() throws Exception {
    CertificateRefused refused = assertThrows(CertificateRefused.class,
        () -> check(BackOfficeTrust.of(null, null), null, certificates.server.chain()));
    assertTrue(refused.getMessage().contains("subject CN=127.0.0.1, issued by " + TestCertificates.CA_SUBJECT),
        refused.getMessage());
    assertTrue(refused.getMessage().contains("is not trusted"), refused.getMessage());
    assertTrue(refused.getMessage().contains("a PLANBRIDGE_TRUSTSTORE (none is set)"), refused.getMessage());
    assertTrue(refused.getMessage().contains("set PLANBRIDGE_TRUSTSTORE to a PEM file or PKCS12 store with that CA"),
        refused.getMessage());
  }

  @Test
  void aPemOrPkcs12TruststoreAddsTheInternalCaToTheDefaultTrust() throws Exception {
    for (Path store : List.of(certificates.caPem, certificates.caPkcs12)) {
      BackOfficeTrust trust = BackOfficeTrust.of(store.toString(), store.equals(certificates.caPkcs12)
          ? TestCertificates.PASSWORD : null);
      check(trust, null, certificates.server.chain());
      X509TrustManager manager = (X509TrustManager) trust.trustManagers(null)[0];
      assertTrue(manager.getAcceptedIssuers().length > 1, "the JVM's CAs and the internal one");
      CertificateRefused stranger = assertThrows(CertificateRefused.class,
          () -> check(trust, null, certificates.stranger.chain()));
      assertTrue(stranger.getMessage().contains("PLANBRIDGE_TRUSTSTORE (" + store + ")"), stranger.getMessage());
    }
  }

  @Test
  void aPemFileWithSeveralBlocksAndOtherTextTrustsEachCertificate() throws Exception {
    Path both = certificates.file("both.pem");
    Files.writeString(both, "# the internal CA\n" + Files.readString(certificates.caPem) + "\nsome note\n"
        + Files.readString(certificates.strangerPem), StandardCharsets.US_ASCII);
    BackOfficeTrust trust = BackOfficeTrust.of(both.toString(), null);
    check(trust, null, certificates.server.chain());
    check(trust, null, certificates.stranger.chain());
  }

  @Test
  void aPinIsCheckedOnTopOfTheChainNeverInsteadOfIt() throws Exception {
    BackOfficeTrust trust = BackOfficeTrust.of(certificates.caPem.toString(), null);
    String pin = BackOfficeTrust.fingerprint(certificates.server.leaf());
    check(trust, pin, certificates.server.chain());
    check(trust, pin.replace(":", "").toLowerCase(Locale.ROOT), certificates.server.chain());

    String strangers = BackOfficeTrust.fingerprint(certificates.stranger.leaf());
    CertificateRefused other = assertThrows(CertificateRefused.class,
        () -> check(trust, strangers, certificates.server.chain()));
    assertTrue(other.getMessage().contains("has the SHA-256 fingerprint " + pin + ", but the connector pins "
        + strangers), other.getMessage());

    CertificateRefused untrusted = assertThrows(CertificateRefused.class,
        () -> check(trust, strangers, certificates.stranger.chain()));
    assertTrue(untrusted.getMessage().contains("is not trusted"), "a pinned self-signed certificate still needs"
        + " the trust: " + untrusted.getMessage());
  }

  @Test
  void aFingerprintIsWhatOpensslPrints() throws Exception {
    X509Certificate leaf = certificates.server.leaf();
    String fingerprint = BackOfficeTrust.fingerprint(leaf);
    assertTrue(fingerprint.matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), fingerprint);
    byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(leaf.getEncoded());
    assertEquals(java.util.HexFormat.of().withUpperCase().formatHex(digest), fingerprint.replace(":", ""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "3F:A1", "zz0C5E77D29B40E861AA13C40F927D25B8E04A116CF3D980275BAE34C619E2AA",
      "3FA10C5E77D29B40E861AA13C40F927D25B8E04A116CF3D980275BAE34C619E2AA00"})
  void aPinThatIsNoSha256FingerprintIsRefusedBeforeAnyConnection(String pin) {
    assertTrue(BackOfficeTrust.pinProblem(pin).contains("is not a SHA-256 fingerprint: 64 hexadecimal digits"));
    TrustSetupProblem problem = assertThrows(TrustSetupProblem.class,
        () -> BackOfficeTrust.of(null, null).trustManagers(pin));
    assertTrue(problem.getMessage().startsWith("The certificate pin '"), problem.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"3FA10C5E77D29B40E861AA13C40F927D25B8E04A116CF3D980275BAE34C619E2",
      "3f:a1:0c:5e:77:d2:9b:40:e8:61:aa:13:c4:0f:92:7d:25:b8:e0:4a:11:6c:f3:d9:80:27:5b:ae:34:c6:19:e2",
      " 3F A1 0C 5E 77 D2 9B 40 E8 61 AA 13 C4 0F 92 7D 25 B8 E0 4A 11 6C F3 D9 80 27 5B AE 34 C6 19 E2 "})
  void aPinIsHexInAnyCaseWithOrWithoutColons(String pin) {
    assertNull(BackOfficeTrust.pinProblem(pin));
  }

  @Test
  void aMissingTruststoreIsNamedWithItsPath() {
    Path missing = certificates.file("no-such-truststore.pem");
    TrustSetupProblem problem = assertThrows(TrustSetupProblem.class,
        () -> BackOfficeTrust.of(missing.toString(), "secret-pass").trustManagers(null));
    assertEquals("The truststore " + missing + " (PLANBRIDGE_TRUSTSTORE) does not exist", problem.getMessage());
  }

  @Test
  void aWrongOrMissingPasswordSaysSoAndNeverShowsThePassword() {
    String store = certificates.caPkcs12.toString();
    TrustSetupProblem wrong = assertThrows(TrustSetupProblem.class,
        () -> BackOfficeTrust.of(store, "not-the-password").trustManagers(null));
    assertTrue(wrong.getMessage().contains(store + " (PLANBRIDGE_TRUSTSTORE) cannot be opened: the password"
        + " (PLANBRIDGE_TRUSTSTORE_PASSWORD) is wrong"), wrong.getMessage());
    assertFalse(wrong.getMessage().contains("not-the-password"));
    TrustSetupProblem none = assertThrows(TrustSetupProblem.class,
        () -> BackOfficeTrust.of(store, null).trustManagers(null));
    assertTrue(none.getMessage().contains("set PLANBRIDGE_TRUSTSTORE_PASSWORD"), none.getMessage());
  }

  @Test
  void aFileThatIsNeitherPemNorPkcs12OrABrokenPemBlockIsRefusedByName() throws Exception {
    Path garbage = certificates.file("garbage.crt");
    Files.writeString(garbage, "this is no certificate");
    TrustSetupProblem neither = assertThrows(TrustSetupProblem.class,
        () -> BackOfficeTrust.of(garbage.toString(), null).trustManagers(null));
    assertTrue(neither.getMessage().startsWith("The truststore " + garbage + " (PLANBRIDGE_TRUSTSTORE) is neither"
        + " PEM (-----BEGIN CERTIFICATE-----) nor a PKCS12 store: "), neither.getMessage());

    Path broken = certificates.file("broken.pem");
    Files.writeString(broken, Files.readString(certificates.caPem)
        + "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
    TrustSetupProblem second = assertThrows(TrustSetupProblem.class,
        () -> BackOfficeTrust.of(broken.toString(), null).trustManagers(null));
    assertTrue(second.getMessage().startsWith("The truststore " + broken + " (PLANBRIDGE_TRUSTSTORE): its"
        + " certificate 2 cannot be read: "), second.getMessage());
  }

  @Test
  void aTruststoreThatWasFixedIsReadAgainAndAGoodOneOnlyOnce() throws Exception {
    Path later = certificates.file("later.pem");
    Files.deleteIfExists(later);
    BackOfficeTrust trust = BackOfficeTrust.of(later.toString(), null);
    assertThrows(TrustSetupProblem.class, () -> trust.trustManagers(null));
    Files.copy(certificates.caPem, later);
    check(trust, null, certificates.server.chain());
    Files.delete(later);
    assertDoesNotThrow(() -> check(trust, null, certificates.server.chain()), "loaded once");
  }

  static void check(BackOfficeTrust trust, String pin, X509Certificate[] chain) throws Exception {
    TrustManager[] managers = trust.trustManagers(pin);
    assertEquals(1, managers.length);
    ((X509TrustManager) managers[0]).checkServerTrusted(chain, AUTH);
  }
}
