package org.planbridge.backoffice.nav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbridge.backoffice.nav.NavPageClientTest.delivery;
import static org.planbridge.testing.nav.NavSimulator.PASSWORD;
import static org.planbridge.testing.nav.NavSimulator.WINDOWS_LOGIN;

import jakarta.xml.ws.WebServiceException;
import java.io.IOException;
import java.net.URI;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.planbridge.backoffice.DeliveryFailed;
import org.planbridge.backoffice.Target;
import org.planbridge.backoffice.tls.BackOfficeTrust;
import org.planbridge.backoffice.tls.TestCertificates;
import org.planbridge.backoffice.tls.TestCertificates.Identity;
import org.planbridge.connector.entity.BackOfficeSystem;
import org.planbridge.testing.Targets;
import org.planbridge.testing.nav.NavSimulator;
import org.planbridge.testing.nav.Received;

/**
 * The page client against the NAV simulator over HTTPS: a server certificate of an internal CA, trusted through
 * a PEM or PKCS12 truststore, pinned, of another host, and the WSDL fetch (HttpClient) and the SOAP call (CXF's
 * async conduit, still NTLM) refusing alike.
 */
class NavTlsTest extends NavClientFixture.Page {

  static final TestCertificates CERTIFICATES = TestCertificates.get();

  @Test
  void anInternalCaWithoutATruststoreFailsNamingTheHostTheCertificateAndTheFix() throws Exception {
    start(CERTIFICATES.server, null, null);
    DeliveryFailed failed = assertThrows(DeliveryFailed.class, () -> client.send(delivery(1, 'I', target(null))));
    String message = failed.getMessage();
    assertTrue(message.contains("TLS with 127.0.0.1 failed: the server's certificate (subject CN=127.0.0.1, issued"
        + " by " + TestCertificates.CA_SUBJECT + ") is not trusted"), message);
    assertTrue(message.contains("set PLANBRIDGE_TRUSTSTORE"), message);
    assertFalse(failed.isMisconfigured(), "the server's trust is to fix, not the connector");
    assertEquals(0, nav.received().size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"PEM", "PKCS12"})
  void theInternalCaAsTruststoreDeliversOverHttpsWithNtlm(String kind) throws Exception {
    start(CERTIFICATES.server, kind.equals("PEM") ? CERTIFICATES.caPem.toString()
        : CERTIFICATES.caPkcs12.toString(), kind.equals("PEM") ? null : TestCertificates.PASSWORD);
    assertTrue(nav.pageUrl().startsWith("https://127.0.0.1:"));
    client.send(delivery(1, 'I', target(null)));
    client.send(delivery(2, 'U', target(null)));
    Received create = nav.creates().get(0);
    assertTrue(create.succeeded(), create.fault());
    assertEquals("NTLM", create.scheme(), "CXF's async conduit kept NTLM: the trust reached it as TrustManagers");
    assertEquals(WINDOWS_LOGIN, create.user());
    assertEquals(2, nav.stored().size());
  }

  @Test
  void aMatchingPinDeliversAndAnotherCertificatesPinFailsNamingBothFingerprints() throws Exception {
    start(CERTIFICATES.server, CERTIFICATES.caPem.toString(), null);
    String actual = BackOfficeTrust.fingerprint(CERTIFICATES.server.leaf());
    client.send(delivery(1, 'I', target(actual.toLowerCase(java.util.Locale.ROOT))));
    assertEquals("NTLM", nav.creates().get(0).scheme());

    String strangers = BackOfficeTrust.fingerprint(CERTIFICATES.stranger.leaf());
    DeliveryFailed failed = assertThrows(DeliveryFailed.class,
        () -> client.send(delivery(2, 'I', target(2, strangers))));
    assertTrue(failed.getMessage().contains("TLS with 127.0.0.1 failed: the server's certificate (subject"
        + " CN=127.0.0.1, issued by " + TestCertificates.CA_SUBJECT + ") has the SHA-256 fingerprint " + actual
        + ", but the connector pins " + strangers), failed.getMessage());
    assertEquals(1, nav.creates().size());
  }

  @Test
  void aPinnedSelfSignedCertificateStillNeedsTheTrust() throws Exception {
    start(CERTIFICATES.stranger, null, null);
    String pin = BackOfficeTrust.fingerprint(CERTIFICATES.stranger.leaf());
    DeliveryFailed failed = assertThrows(DeliveryFailed.class, () -> client.send(delivery(1, 'I', target(pin))));
    assertTrue(failed.getMessage().contains("is not trusted"), failed.getMessage());

    client.trust = BackOfficeTrust.of(CERTIFICATES.strangerPem.toString(), null);
    client.send(delivery(1, 'I', target(2, pin)));
    assertEquals(1, nav.stored().size());
  }

  @Test
  void aCertificateForAnotherHostFailsSayingSo() throws Exception {
    start(CERTIFICATES.otherHost, CERTIFICATES.caPem.toString(), null);
    DeliveryFailed failed = assertThrows(DeliveryFailed.class, () -> client.send(delivery(1, 'I', target(null))));
    assertTrue(failed.getMessage().contains("TLS with 127.0.0.1 failed: the server's certificate is not for the"
        + " host name 127.0.0.1 ("), failed.getMessage());
    assertTrue(failed.getMessage().contains("other.example"), "the names it has: " + failed.getMessage());
  }

  @Test
  void theSoapCallRefusesAPinMismatchAndAnotherHostAsTheWsdlFetchDoes() throws Exception {
    start(CERTIFICATES.server, CERTIFICATES.caPem.toString(), null);
    URI service = URI.create(nav.pageUrl());
    NavLogin login = NavLogin.of(target(null));
    PageWsdl wsdl = PageWsdl.parse(NavHttp.get(service, login, client.trust.trustManagers(null), SHORT));
    String strangers = BackOfficeTrust.fingerprint(CERTIFICATES.stranger.leaf());
    assertTrue(soapFailure(service, login, wsdl, strangers).contains("but the connector pins " + strangers));
    nav.close();

    start(CERTIFICATES.otherHost, CERTIFICATES.caPem.toString(), null);
    URI other = URI.create(nav.pageUrl());
    String message = soapFailure(other, login, wsdl, null);
    assertTrue(message.contains("TLS with 127.0.0.1 failed: the server's certificate is not for the host name"
        + " 127.0.0.1"), message);
    assertEquals(0, nav.received().size());
  }

  @Test
  void aMissingTruststoreFailsWithItsPathAndNeverThePassword() throws Exception {
    start(CERTIFICATES.server, null, null);
    String missing = CERTIFICATES.file("missing-truststore.p12").toString();
    client.trust = BackOfficeTrust.of(missing, "store-secret");
    DeliveryFailed failed = assertThrows(DeliveryFailed.class, () -> client.send(delivery(1, 'I', target(null))));
    assertEquals("Connector 1: The truststore " + missing + " (PLANBRIDGE_TRUSTSTORE) does not exist",
        failed.getMessage());
    assertEquals(0, nav.received().size() + nav.authFailures());
  }

  @Test
  void aPinOnAnHttpUriOrNoFingerprintIsTheConnectorsMistake() throws Exception {
    nav = NavSimulator.builder().start();
    client.trust = JVM_TRUST;
    String pin = BackOfficeTrust.fingerprint(CERTIFICATES.server.leaf());
    DeliveryFailed http = assertThrows(DeliveryFailed.class, () -> client.send(delivery(1, 'I', target(pin))));
    assertTrue(http.isMisconfigured());
    assertTrue(http.getMessage().contains("pins a certificate (certificateFingerprint), but its URI http://"),
        http.getMessage());
    nav.close();

    start(CERTIFICATES.server, CERTIFICATES.caPem.toString(), null);
    DeliveryFailed malformed = assertThrows(DeliveryFailed.class,
        () -> client.send(delivery(1, 'I', target(2, "AB:CD"))));
    assertTrue(malformed.isMisconfigured());
    assertTrue(malformed.getMessage().contains("The certificate pin 'AB:CD' is not a SHA-256 fingerprint"),
        malformed.getMessage());
  }

  /** What NavFailures makes of a SOAP call through a port with the given pin. */
  private String soapFailure(URI service, NavLogin login, PageWsdl wsdl, String pin) throws Exception {
    Bus bus = BusFactory.newInstance().createBus();
    try (SoapPort port = new SoapPort(bus, wsdl.service(), wsdl.port(), service, wsdl.createAction(), login,
        client.trust.trustManagers(pin), SHORT)) {
      WebServiceException failure = assertThrows(WebServiceException.class,
          () -> port.invoke("<Create xmlns=\"" + NavSimulator.NAMESPACE + "\"/>"));
      return NavFailures.of(failure, service, NavPageClient.DEFAULT_PAGE, login).getMessage();
    } finally {
      bus.shutdown(false);
    }
  }

  private void start(Identity server, String truststore, String password) throws IOException {
    nav = NavSimulator.builder().tls(server.serverContext()).start();
    client.trust = BackOfficeTrust.of(truststore, password);
  }

  private Target target(String pin) {
    return target(1, pin);
  }

  private Target target(long version, String pin) {
    return Targets.of(BackOfficeSystem.NAV, "SOAP_PAGE", nav.pageUrl()).version(version).pin(pin)
        .login(WINDOWS_LOGIN, PASSWORD).build();
  }
}
