package org.planbridge.backoffice.nav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planbridge.backoffice.CheckStep;
import org.planbridge.backoffice.Delivery;
import org.planbridge.backoffice.DeliveryFailed;
import org.planbridge.backoffice.Target;
import org.planbridge.backoffice.bconline.BcOnlineSettings;
import org.planbridge.connector.entity.Authentication;
import org.planbridge.connector.entity.BackOfficeSystem;
import org.planbridge.testing.AppointmentChanges;
import org.planbridge.testing.Targets;
import org.planbridge.testing.bconline.EntraStub;
import org.planbridge.testing.nav.NavSimulator;
import org.planbridge.testing.nav.Received;

/**
 * SOAP on Business Central online: the page and codeunit clients with a Bearer token from the Entra ID stub, against
 * the NAV simulator in Bearer mode at BC online's URLs ({@code /v2.0/<tenant>/Production/WS/<Company>/...}).
 */
class BcOnlineSoapTest {

  static final String PASSWORD = EntraStub.PASSWORD;
  static final String COMPANY = "CRONUS International Ltd.";

  EntraStub entra;
  NavSimulator bc;
  /** Whether BC takes the tokens Entra ID issued; false: every token is refused with a 401. */
  volatile boolean bcTakesTokens = true;
  final NavPageClient page = NavClientFixture.pageClient();
  final NavCodeunitClient codeunit = NavClientFixture.codeunitClient();

  @BeforeEach
  void start() throws Exception {
    entra = EntraStub.start();
    bc = NavSimulator.builder().instance("v2.0/" + EntraStub.TENANT + "/Production").companies(COMPANY)
        .bearer(token -> bcTakesTokens && entra.valid(token)).start();
    BcOnlineSettings bcOnline = BcOnlineSettings.of(entra.authority(), EntraStub.SCOPE, 2000, 5000,
        Clock.systemUTC());
    page.bcOnline = bcOnline;
    codeunit.bcOnline = bcOnline;
  }

  @AfterEach
  void stop() {
    page.close();
    codeunit.close();
    bc.close();
    entra.close();
  }

  @Test
  void aPageDeliveryCarriesABearerTokenAndEveryMappedField() throws Exception {
    page.send(pageDelivery(11, pageTarget(1, environment(), COMPANY)));
    page.send(pageDelivery(12, pageTarget(2, environment() + "/WS", COMPANY)));
    Received create = bc.creates().get(0);
    assertTrue(create.succeeded(), create.fault());
    assertEquals("Bearer", create.scheme());
    assertEquals(COMPANY, create.company());
    NavPageClientTest.assertEveryMappedField(create.fields(), "11");
    assertEquals(List.of("R-1", "R-2"), create.resources().stream().map(r -> r.get("Resource_No")).toList());
    assertEquals("12", bc.creates().get(1).field("PlanBridge_Transaction_Id"), "the URI up to .../WS");
    assertEquals(0, bc.authFailures(), "the WSDL fetch and each call carried a token BC takes");
    assertEquals(2, entra.tokenRequests(), "one per connector");
  }

  @Test
  void aCodeunitDeliveryCarriesABearerTokenAndEveryParameter() throws Exception {
    codeunit.send(NavCodeunitClientTest.delivery(11, "U", codeunitTarget(PASSWORD)));
    Received call = bc.codeunitCalls().get(0);
    assertEquals("Bearer", call.scheme());
    NavCodeunitClientTest.assertEveryParameter(call, "11", "U");
    assertEquals(0, bc.authFailures());
  }

  @Test
  void oneTokenServesManyCallsFromManyThreads() throws Exception {
    Target target = codeunitTarget(PASSWORD);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (int i = 1; i <= 20; i++) {
        long id = i;
        sent.add(threads.submit(() -> {
          codeunit.send(NavCodeunitClientTest.delivery(id, "I", target));
          return null;
        }));
      }
      for (Future<?> each : sent) {
        each.get();
      }
    } finally {
      threads.shutdownNow();
    }
    assertEquals(20, bc.processed().size());
    assertEquals(1, entra.tokenRequests(), "the token is cached per connector");
    assertEquals(0, bc.authFailures());
  }

  @Test
  void aRevokedTokenIsFetchedAgainOnceAndTheDeliverySucceeds() throws Exception {
    Target pageTarget = pageTarget(1, environment(), COMPANY);
    Target codeunitTarget = codeunitTarget(PASSWORD);
    page.send(pageDelivery(1, pageTarget));
    codeunit.send(NavCodeunitClientTest.delivery(1, "I", codeunitTarget));
    assertEquals(2, entra.tokenRequests());
    entra.revokeAll();
    page.send(pageDelivery(2, pageTarget));
    codeunit.send(NavCodeunitClientTest.delivery(2, "I", codeunitTarget));
    assertEquals(4, entra.tokenRequests(), "one new token each");
    assertTrue(bc.authFailures() > 0, "BC refused the revoked token");
    assertEquals(2, bc.stored().size());
    assertEquals(List.of("PlanBridge/1", "PlanBridge/2"), bc.processed());
  }

  @Test
  void aTokenBcRefusesAfterARefetchFailsWithWhatToCheckAndNeverTheSecret() {
    bcTakesTokens = false;
    DeliveryFailed call = assertThrows(DeliveryFailed.class, () -> codeunit.send(NavCodeunitClientTest.delivery(1,
        "I", codeunitTarget(PASSWORD))));
    assertFalse(call.isMisconfigured());
    assertTrue(call.getMessage().startsWith("HTTP 401 from " + bc.codeunitUrl(NavSimulator.CODEUNIT)
        + ", with a token fetched anew"), call.getMessage());
    assertTrue(call.getMessage().contains(EntraStub.CLIENT_ID), call.getMessage());
    assertTrue(call.getMessage().contains("API.ReadWrite.All"), call.getMessage());
    assertTrue(call.getMessage().contains("Microsoft Entra Application card"), call.getMessage());
    assertFalse(call.getMessage().contains("s3cr3t"), call.getMessage());
    assertEquals(2, entra.tokenRequests(), "fetched anew once");

    DeliveryFailed wsdl = assertThrows(DeliveryFailed.class, () -> page.send(pageDelivery(1, pageTarget(1,
        environment(), COMPANY))));
    assertTrue(wsdl.getMessage().startsWith("HTTP 401 from " + bc.pageUrl()), wsdl.getMessage());
    assertTrue(wsdl.getMessage().endsWith("(reading the page's WSDL)"), wsdl.getMessage());
    assertEquals(4, entra.tokenRequests());
    assertTrue(bc.received().isEmpty());
  }

  @Test
  void aWrongSecretFailsNamingInvalidClientAndSendsNothing() {
    String wrong = "client_id=" + EntraStub.CLIENT_ID + "&client_secret=Wrong~Secret";
    DeliveryFailed call = assertThrows(DeliveryFailed.class, () -> codeunit.send(NavCodeunitClientTest.delivery(1,
        "I", codeunitTarget(wrong))));
    assertFalse(call.isMisconfigured());
    assertTrue(call.getMessage().contains("invalid_client: wrong client secret or client id"), call.getMessage());
    assertFalse(call.getMessage().contains("Wrong~Secret"), call.getMessage());
    Target page = Targets.of(BackOfficeSystem.BC_ONLINE, "SOAP_PAGE", environment()).connector(8)
        .login(EntraStub.TENANT, wrong).company(COMPANY).build();
    DeliveryFailed wsdl = assertThrows(DeliveryFailed.class, () -> this.page.send(pageDelivery(1, page)));
    assertTrue(wsdl.getMessage().contains("invalid_client"), wsdl.getMessage());
    assertTrue(bc.received().isEmpty());
    assertEquals(0, bc.authFailures(), "nothing reached BC");
  }

  @Test
  void aMalformedPasswordOrAWindowsOrBasicLoginIsMisconfiguredAndNothingIsSent() {
    DeliveryFailed malformed = assertThrows(DeliveryFailed.class, () -> codeunit.send(NavCodeunitClientTest
        .delivery(1, "I", codeunitTarget("client_id=" + EntraStub.CLIENT_ID + "&clientsecret=Hidden~Value"))));
    assertTrue(malformed.isMisconfigured());
    assertTrue(malformed.getMessage().contains("it has no client_secret"), malformed.getMessage());
    assertFalse(malformed.getMessage().contains("Hidden~Value"), malformed.getMessage());
    for (Authentication other : List.of(Authentication.BASIC, Authentication.WINDOWS)) {
      Target target = Targets.of(BackOfficeSystem.BC_ONLINE, "SOAP_PAGE", environment()).connector(9)
          .login("navuser", "secret").authentication(other).company(COMPANY).build();
      DeliveryFailed failed = assertThrows(DeliveryFailed.class, () -> page.send(pageDelivery(1, target)));
      assertTrue(failed.isMisconfigured(), other.name());
      assertTrue(failed.getMessage().contains("OAuth2 client credentials"), failed.getMessage());
    }
    assertEquals(0, entra.tokenRequests());
    assertEquals(0, bc.requestsPerConnection().size(), "no request reached BC");
  }

  @Test
  void theChecksFetchATokenAndReadTheWsdlWithIt() {
    List<CheckStep> pageSteps = page.check(pageTarget(1, environment(), COMPANY));
    assertEquals(List.of("credentials", "service URL", "field mapping", "TLS trust", "token", "WSDL", "page",
        "fields"), pageSteps.stream().map(CheckStep::step).toList());
    assertTrue(pageSteps.stream().allMatch(CheckStep::ok), pageSteps.toString());
    assertTrue(pageSteps.get(0).detail().contains(EntraStub.CLIENT_ID), pageSteps.get(0).detail());
    assertTrue(pageSteps.get(4).detail().matches(".*expires in 35\\d\\d s"), pageSteps.get(4).detail());
    assertFalse(pageSteps.toString().contains("eyJ0"), "never the token");
    assertFalse(pageSteps.toString().contains("s3cr3t"), "never the secret");

    List<CheckStep> codeunitSteps = codeunit.check(codeunitTarget(PASSWORD));
    assertEquals(List.of("credentials", "service URL", "TLS trust", "token", "WSDL", "contract"),
        codeunitSteps.stream().map(CheckStep::step).toList());
    assertTrue(codeunitSteps.stream().allMatch(CheckStep::ok), codeunitSteps.toString());

    CheckStep wrongSecret = last(codeunit.check(codeunitTarget("client_id=" + EntraStub.CLIENT_ID
        + "&client_secret=nope")));
    assertEquals("token", wrongSecret.step());
    assertTrue(wrongSecret.detail().contains("invalid_client"), wrongSecret.detail());
    bcTakesTokens = false;
    CheckStep refused = last(page.check(pageTarget(1, environment(), COMPANY)));
    assertEquals("WSDL", refused.step());
    assertTrue(refused.detail().startsWith("HTTP 401") && refused.detail().contains("API.ReadWrite.All"),
        refused.detail());
    assertTrue(bc.received().isEmpty(), "a check sends no appointment");
  }

  @Test
  void theLongestDeliveryCountsTheTokenFetchesAndTheRetryAfterA401() throws Exception {
    long call = NavClientFixture.SHORT.longestCallMs();
    long token = 2000 + 5000;
    Target codeunitTarget = codeunitTarget(PASSWORD);
    assertEquals(2 * call + 2 * token, codeunit.longestDeliveryMs(codeunitTarget), "a token, the call, after a"
        + " 401 another token and the call again");
    codeunit.send(NavCodeunitClientTest.delivery(1, "I", codeunitTarget));
    assertEquals(2 * call + token, codeunit.longestDeliveryMs(codeunitTarget), "the token cached");
    Target pageTarget = pageTarget(1, environment(), COMPANY);
    assertEquals(4 * call + 3 * token, page.longestDeliveryMs(pageTarget), "the WSDL fetch too, and its 401");
    page.send(pageDelivery(1, pageTarget));
    assertEquals(2 * call + token, page.longestDeliveryMs(pageTarget));
  }

  /** {@code https://api.businesscentral.dynamics.com/v2.0/<tenant>/Production}, here. */
  String environment() {
    return bc.pageUrl().substring(0, bc.pageUrl().indexOf("/WS/"));
  }

  Target pageTarget(long connector, String uri, String company) {
    return Targets.of(BackOfficeSystem.BC_ONLINE, "SOAP_PAGE", uri).connector(connector)
        .login(EntraStub.TENANT, PASSWORD).company(company).build();
  }

  /** At the whole codeunit URL, with the given password. */
  Target codeunitTarget(String password) {
    return Targets.of(BackOfficeSystem.BC_ONLINE, "SOAP_CODEUNIT", bc.codeunitUrl(NavSimulator.CODEUNIT)).connector(3)
        .login(EntraStub.TENANT, password).build();
  }

  static Delivery pageDelivery(long transactionId, Target target) {
    return AppointmentChanges.delivery(transactionId, 'I', target);
  }

  static CheckStep last(List<CheckStep> steps) {
    return steps.get(steps.size() - 1);
  }
}
