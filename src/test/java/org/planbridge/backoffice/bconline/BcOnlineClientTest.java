package org.planbridge.backoffice.bconline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbridge.testing.bconline.EntraStub.PASSWORD;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planbridge.backoffice.CheckStep;
import org.planbridge.backoffice.DeliveryFailed;
import org.planbridge.backoffice.Target;
import org.planbridge.backoffice.tls.BackOfficeTrust;
import org.planbridge.connector.entity.Authentication;
import org.planbridge.connector.entity.BackOfficeSystem;
import org.planbridge.testing.AppointmentChanges;
import org.planbridge.testing.Targets;
import org.planbridge.testing.bconline.BcApiStub;
import org.planbridge.testing.bconline.EntraStub;

/** The BC online client against the Entra ID and BC API stubs, in this JVM. */
class BcOnlineClientTest {

  EntraStub entra;
  BcApiStub api;
  BcOnlineClient client = new BcOnlineClient();
  MovableClock clock = new MovableClock();
  long version;

  /** The system clock, moved ahead by the test. */
  static final class MovableClock extends Clock {
    volatile Duration ahead = Duration.ZERO;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(ahead);
    }
  }

  @BeforeEach
  void start() throws Exception {
    entra = EntraStub.start();
    api = BcApiStub.start(entra);
    client.settings = BcOnlineSettings.of(entra.authority(), EntraStub.SCOPE, 2000, 5000, clock);
    client.trust = BackOfficeTrust.of(null, null);
  }

  @AfterEach
  void stop() {
    api.close();
    entra.close();
  }

  Target target(String uri, String company, String password, Authentication type, String mapping) {
    return Targets.of(BackOfficeSystem.BC_ONLINE, "REST_API_PAGE", uri).connector(7).version(++version)
        .login(EntraStub.TENANT, password).authentication(type).company(company).zone(ZoneId.of("Europe/Brussels"))
        .mapping(mapping).build();
  }

  Target target() {
    return target(api.url(), BcApiStub.COMPANY, PASSWORD, null, null);
  }

  static org.planbridge.backoffice.Delivery delivery(long transactionId, Target target) {
    return AppointmentChanges.delivery(transactionId, 'I', target);
  }

  @Test
  void aDeliveryPostsEveryMappedFieldTypedAsTheEntitysProperty() throws Exception {
    client.send(delivery(11, target()));
    JsonObject record = api.received().get(0);
    assertEquals("11", record.getString("planBridgeTransactionId"));
    assertEquals("I", record.getString("databaseAction"));
    assertEquals(42, record.getInt("appointmentId"));
    assertEquals("BC", record.getString("sourceApp"));
    assertEquals("SO", record.getString("sourceType"));
    assertEquals("J-1", record.getString("jobNo"));
    assertEquals("T-1", record.getString("taskNo"));
    assertEquals("Visit <& \"quoted\">", record.getString("subject"));
    assertEquals("2024-05-01T08:00:00Z", record.getString("startDate"));
    assertEquals("2024-05-01T09:30:00Z", record.getString("endDate"));
    assertEquals("High", record.getString("importance"));
    assertFalse(record.getBoolean("isAllDayEvent"));
    assertFalse(record.getBoolean("sentFromBackoffice"));
    assertEquals(new BigDecimal("1.5"), record.getJsonNumber("planningQuantity").bigDecimalValue());
    assertFalse(record.containsKey("body"), "a null is left out");
    assertFalse(record.containsKey("appointmentGuid"), "not mapped by default");
    assertEquals(List.of("R-1", "R-2"), record.getJsonArray("resources").stream()
        .map(r -> r.asJsonObject().getString("resourceNo")).toList());
    assertEquals(1, api.requests("companies"), "the company looked up by name");
    assertEquals(1, api.requests("companies(" + BcApiStub.COMPANY_ID + ")/appointments"));
  }

  @Test
  void theCompanyByIdOrInTheUriNeedsNoLookUpAndAnUnknownNameListsTheCompanies() throws Exception {
    client.send(delivery(1, target(api.url(), BcApiStub.OTHER_COMPANY_ID, PASSWORD, null, null)));
    client.send(delivery(2, target(api.url() + "/api/dimeSoftware/dimeScheduler/v1.0/companies("
        + BcApiStub.OTHER_COMPANY_ID + ")/", null, PASSWORD, null, null)));
    assertEquals(0, api.requests("companies"));
    assertEquals(2, api.requests("companies(" + BcApiStub.OTHER_COMPANY_ID + ")/appointments"));
    client.send(delivery(3, target(api.url(), "my company", PASSWORD, null, null)));
    assertEquals(3, api.requests("companies(" + BcApiStub.OTHER_COMPANY_ID + ")/appointments"), "any case");

    DeliveryFailed unknown = assertThrows(DeliveryFailed.class, () -> client.send(delivery(4, target(api.url(),
        "CRONUS International", PASSWORD, null, null))));
    assertTrue(unknown.isMisconfigured());
    assertTrue(unknown.getMessage().contains("'CRONUS International' is not in the environment"), unknown.getMessage());
    assertTrue(unknown.getMessage().contains("'CRONUS USA, Inc.', 'My Company'"), unknown.getMessage());
  }

  @Test
  void anUnknownCompanyIdIsA404NamingTheUrl() {
    String id = "00000000-0000-0000-0000-000000000001";
    DeliveryFailed failed = assertThrows(DeliveryFailed.class, () -> client.send(delivery(1, target(api.url(), id,
        PASSWORD, null, null))));
    assertTrue(failed.getMessage().startsWith("HTTP 404 from " + api.url()
        + "/api/dimeSoftware/dimeScheduler/v1.0/companies(" + id + ")/appointments"), failed.getMessage());
    assertTrue(failed.getMessage().contains("BadRequest_NotFound"), failed.getMessage());
    assertTrue(failed.getMessage().contains("Dime.Scheduler extension"), failed.getMessage());
  }

  @Test
  void theTokenIsCachedUntilShortlyBeforeItExpires() throws Exception {
    Target target = target();
    for (int i = 1; i <= 3; i++) {
      client.send(delivery(i, target));
    }
    assertEquals(1, entra.tokenRequests());
    clock.ahead = Duration.ofSeconds(3599).minus(EntraTokens.MARGIN).minusSeconds(5);
    client.send(delivery(4, target));
    assertEquals(1, entra.tokenRequests());
    clock.ahead = Duration.ofSeconds(3599).minus(EntraTokens.MARGIN).plusSeconds(1);
    client.send(delivery(5, target));
    assertEquals(2, entra.tokenRequests(), "fetched anew near its expiry");
    client.send(delivery(6, target(api.url(), BcApiStub.COMPANY, PASSWORD, null, null)));
    assertEquals(3, entra.tokenRequests(), "a changed connector gets its own");
    assertEquals(6, api.received().size());
  }

  @Test
  void aTokenThatExpiredEarlyIsFetchedAgainOnceAfterA401() throws Exception {
    Target target = target();
    client.send(delivery(1, target));
    entra.revokeAll();
    client.send(delivery(2, target));
    assertEquals(2, entra.tokenRequests());
    api.unauthorizedOnce();
    client.send(delivery(3, target));
    assertEquals(3, entra.tokenRequests());
    assertEquals(3, api.received().size());
  }

  @Test
  void a401WithAFreshTokenFailsWithAHintAndNeverTheSecret() {
    api.unauthorizedAlways();
    DeliveryFailed failed = assertThrows(DeliveryFailed.class, () -> client.send(delivery(1, target())));
    assertFalse(failed.isMisconfigured());
    assertTrue(failed.getMessage().startsWith("HTTP 401 from "), failed.getMessage());
    assertTrue(failed.getMessage().contains(EntraStub.CLIENT_ID), failed.getMessage());
    assertTrue(failed.getMessage().contains("API.ReadWrite.All"), failed.getMessage());
    assertTrue(failed.getMessage().contains("Microsoft Entra Application card"), failed.getMessage());
    assertFalse(failed.getMessage().contains("s3cr3t"), failed.getMessage());
    assertEquals(2, entra.tokenRequests(), "one fetched anew, once");
  }

  @Test
  void aWrongSecretSaysInvalidClientAndNeverTheSecret() {
    DeliveryFailed failed = assertThrows(DeliveryFailed.class, () -> client.send(delivery(1, target(api.url(),
        BcApiStub.COMPANY, "client_id=" + EntraStub.CLIENT_ID + "&client_secret=Wrong~Secret", null, null))));
    assertTrue(failed.getMessage().contains("invalid_client: wrong client secret or client id"), failed.getMessage());
    assertTrue(failed.getMessage().contains("AADSTS7000215: Invalid client secret provided"), failed.getMessage());
    assertFalse(failed.getMessage().contains("Trace ID"), "the description's first line only");
    assertFalse(failed.getMessage().contains("Wrong~Secret"), failed.getMessage());
    assertTrue(api.received().isEmpty());
  }

  @Test
  void anUnknownClientIdOrTenantIsNamed() {
    DeliveryFailed app = assertThrows(DeliveryFailed.class, () -> client.send(delivery(1, target(api.url(),
        BcApiStub.COMPANY, "client_secret=x&client_id=11111111-2222-3333-4444-555555555555", null, null))));
    assertTrue(app.getMessage().contains("unauthorized_client"), app.getMessage());
    assertTrue(app.getMessage().contains("AADSTS700016"), app.getMessage());
    Target otherTenant = Targets.of(BackOfficeSystem.BC_ONLINE, "REST_API_PAGE", api.url()).connector(8)
        .login("contoso.onmicrosoft.com", PASSWORD).company(BcApiStub.COMPANY).build();
    DeliveryFailed tenant = assertThrows(DeliveryFailed.class, () -> client.send(delivery(1, otherTenant)));
    assertTrue(tenant.getMessage().contains("invalid_request for the tenant 'contoso.onmicrosoft.com'"),
        tenant.getMessage());
    assertTrue(tenant.getMessage().contains("AADSTS90002"), tenant.getMessage());
  }

  @Test
  void theClientCredentialsMayGoAsBasic() throws Exception {
    client.send(delivery(1, target(api.url(), BcApiStub.COMPANY, PASSWORD,
        Authentication.OAUTH2_CLIENT_CREDENTIALS_BASIC, null)));
    assertEquals(1, entra.basicRequests());
    client.send(delivery(2, target(api.url(), BcApiStub.COMPANY, PASSWORD, Authentication.OAUTH_ENTRA_ID, null)));
    assertEquals(1, entra.basicRequests(), "Entra ID: in the body");
    assertEquals(2, api.received().size());
  }

  @Test
  void aMalformedPasswordIsMisconfiguredNamingWhatIsMissing() {
    DeliveryFailed failed = assertThrows(DeliveryFailed.class, () -> client.send(delivery(1, target(api.url(),
        BcApiStub.COMPANY, "client_id=" + EntraStub.CLIENT_ID + "&clientsecret=Hidden~Value", null, null))));
    assertTrue(failed.isMisconfigured());
    assertTrue(failed.getMessage().contains("it has no client_secret"), failed.getMessage());
    assertFalse(failed.getMessage().contains("Hidden~Value"), failed.getMessage());
    assertEquals(0, entra.tokenRequests());
  }

  @Test
  void throttlingCarriesTheRetryAfterAskedFor() {
    api.throttle(429, "17", 1);
    DeliveryFailed failed = assertThrows(DeliveryFailed.class, () -> client.send(delivery(1, target())));
    assertEquals(Optional.of(Duration.ofSeconds(17)), failed.retryAfter());
    assertTrue(failed.getMessage().contains("HTTP 429"), failed.getMessage());
    assertTrue(failed.getMessage().contains("Application_TooManyRequests"), failed.getMessage());
    api.throttle(503, "5", 1);
    DeliveryFailed unavailable = assertThrows(DeliveryFailed.class, () -> client.send(delivery(1, target())));
    assertEquals(Optional.of(Duration.ofSeconds(5)), unavailable.retryAfter());
  }

  @Test
  void aRedeliveryTheApiAlreadyHasIsSuccess() throws Exception {
    Target target = target();
    client.send(delivery(7, target));
    client.send(delivery(7, target));
    assertEquals(2, api.requests("companies(" + BcApiStub.COMPANY_ID + ")/appointments"),
        "sent again, and refused as there already");
    assertEquals(1, api.received().size());
  }

  @Test
  void anEntityWithoutTheTransactionIdGetsTheRestAndAMappedFieldItLacksIsNamed() throws Exception {
    api.without("planBridgeTransactionId");
    client.send(delivery(1, target()));
    assertFalse(api.received().get(0).containsKey("planBridgeTransactionId"));
    client.send(delivery(2, target(api.url(), BcApiStub.COMPANY, PASSWORD, null, "{\"body\": null, \"subject\":"
        + " \"jobNo\", \"jobNo\": null}")));
    assertEquals("Visit <& \"quoted\">", api.received().get(1).getString("jobNo"));
    DeliveryFailed failed = assertThrows(DeliveryFailed.class, () -> client.send(delivery(3, target(api.url(),
        BcApiStub.COMPANY, PASSWORD, null, "{\"subject\": \"description\"}"))));
    assertTrue(failed.isMisconfigured());
    assertTrue(failed.getMessage().contains("has no field description (mapped from subject)"), failed.getMessage());
  }

  @Test
  void onPremisesRestNeedsOAuth() {
    Target basic = Targets.of(BackOfficeSystem.BC, "REST_API_PAGE", api.url()).connector(9).login("navuser", "secret")
        .authentication(Authentication.BASIC).company(BcApiStub.COMPANY).build();
    DeliveryFailed failed = assertThrows(DeliveryFailed.class, () -> client.send(delivery(1, basic)));
    assertTrue(failed.isMisconfigured());
    assertTrue(failed.getMessage().contains("OAuth2 client credentials"), failed.getMessage());
    assertTrue(client.check(basic).get(0).detail().contains("SOAP_PAGE"));
  }

  @Test
  void theCheckGoesEveryStepWithoutPostingAnAppointment() {
    List<CheckStep> steps = client.check(target());
    assertEquals(List.of("credentials", "API URL", "field mapping", "TLS trust", "token", "company", "metadata",
        "fields"), steps.stream().map(CheckStep::step).toList());
    assertTrue(steps.stream().allMatch(CheckStep::ok), steps.toString());
    assertTrue(steps.get(4).detail().matches(".*expires in 35\\d\\d s"), steps.get(4).detail());
    assertFalse(steps.toString().contains("eyJ0"), "never the token");
    assertTrue(steps.get(5).detail().contains(BcApiStub.COMPANY_ID), steps.get(5).detail());
    assertTrue(steps.get(6).detail().contains("Microsoft.NAV.appointment"), steps.get(6).detail());
    assertTrue(api.received().isEmpty());

    List<CheckStep> wrong = client.check(target(api.url(), BcApiStub.COMPANY, "client_id=" + EntraStub.CLIENT_ID
        + "&client_secret=nope", null, null));
    CheckStep last = wrong.get(wrong.size() - 1);
    assertEquals("token", last.step());
    assertFalse(last.ok());
    assertTrue(last.detail().contains("invalid_client"), last.detail());
  }

  @Test
  void theLongestDeliveryCountsWhatIsNotFetchedYet() throws Exception {
    Target target = target();
    assertEquals(6 * 7000, client.longestDeliveryMs(target));
    client.send(delivery(1, target));
    assertEquals(3 * 7000, client.longestDeliveryMs(target));
  }
}
