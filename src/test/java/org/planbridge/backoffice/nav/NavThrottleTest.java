package org.planbridge.backoffice.nav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbridge.testing.nav.NavSimulator.PASSWORD;
import static org.planbridge.testing.nav.NavSimulator.USER;
import static org.planbridge.testing.nav.NavSimulator.WINDOWS_LOGIN;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.planbridge.backoffice.BackOfficeClient;
import org.planbridge.backoffice.Delivery;
import org.planbridge.backoffice.DeliveryFailed;
import org.planbridge.backoffice.Target;
import org.planbridge.connector.entity.BackOfficeSystem;
import org.planbridge.testing.Targets;
import org.planbridge.testing.nav.NavSimulator;
import org.planbridge.testing.nav.NavSimulator.AuthMode;

/**
 * NAV throttling (429, 503 with a Retry-After, IIS-style, no SOAP fault) against both contracts and both kinds of
 * login: the failure carries the wait, says so, and the port goes on working when the throttle ends.
 */
class NavThrottleTest {

  enum Contract { PAGE, CODEUNIT }

  final NavPageClient page = NavClientFixture.pageClient();
  final NavCodeunitClient codeunit = NavClientFixture.codeunitClient();
  NavSimulator nav;

  @AfterEach
  void stop() {
    page.close();
    codeunit.close();
    nav.close();
  }

  /** Over NTLM the 429 answers the handshake's last leg, on a fresh connection: a throttle, not a login problem. */
  @ParameterizedTest
  @CsvSource({"PAGE, NTLM_ONLY", "PAGE, BASIC", "CODEUNIT, NTLM_ONLY", "CODEUNIT, BASIC"})
  void a429WithRetryAfterSecondsCarriesTheWaitAndTheNextCallSucceeds(Contract contract, AuthMode mode)
      throws Exception {
    nav = NavSimulator.builder().mode(mode).start();
    nav.throttle(2, 429, "120");
    Target target = target(contract, mode);
    for (long transaction = 1; transaction <= 2; transaction++) {
      long id = transaction;
      DeliveryFailed failed = assertThrows(DeliveryFailed.class, () -> send(contract, id, target));
      assertEquals(Optional.of(Duration.ofSeconds(120)), failed.retryAfter());
      assertFalse(failed.isMisconfigured(), "Failed, retried after the wait");
      assertEquals("HTTP 429 from " + target.uri() + serviceUrlTail(contract) + ": the back office throttles the"
          + " calls to the service " + service(contract) + " and asked to wait 120 s (Retry-After)",
          failed.getMessage());
    }
    assertEquals(0, nav.authFailures());
    assertEquals(0, delivered(contract));
    send(contract, 3, target);
    assertEquals(1, delivered(contract), "the same port, after the throttle");
  }

  @Test
  void a503WithAnHttpDateWaitsUntilThen() throws Exception {
    nav = NavSimulator.start();
    String in90s = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(90));
    nav.throttle(1, 503, in90s);
    DeliveryFailed failed = assertThrows(DeliveryFailed.class, () -> send(Contract.PAGE, 1, target(Contract.PAGE,
        AuthMode.NTLM_ONLY)));
    Duration wait = failed.retryAfter().orElseThrow();
    assertTrue(wait.compareTo(Duration.ofSeconds(80)) > 0 && wait.compareTo(Duration.ofSeconds(90)) <= 0, "" + wait);
    assertTrue(failed.getMessage().matches("HTTP 503 from \\S+/Page/Appointment: the service Appointment is"
        + " unavailable or overloaded; the back office asked to wait (8\\d|90) s \\(Retry-After\\)"),
        failed.getMessage());
  }

  @Test
  void a503WithoutRetryAfterIsTheStatusAsBefore() throws Exception {
    nav = NavSimulator.start();
    nav.throttle(1, 503, null);
    Target target = target(Contract.CODEUNIT, AuthMode.NTLM_ONLY);
    DeliveryFailed failed = assertThrows(DeliveryFailed.class, () -> send(Contract.CODEUNIT, 1, target));
    assertEquals(Optional.empty(), failed.retryAfter());
    assertEquals("HTTP 503 from " + nav.codeunitUrl(NavSimulator.CODEUNIT), failed.getMessage());
    send(Contract.CODEUNIT, 2, target);
    assertEquals(1, delivered(Contract.CODEUNIT));
  }

  /** IIS in front of NAV: the very first request, before any NTLM challenge, and the page's WSDL fetch. */
  @ParameterizedTest
  @CsvSource({"PAGE", "CODEUNIT"})
  void a429BeforeTheHandshakeOrOnTheWsdlCarriesTheWaitToo(Contract contract) throws Exception {
    nav = NavSimulator.start();
    nav.answerStatus(1, 429, 30);
    Target target = target(contract, AuthMode.NTLM_ONLY);
    DeliveryFailed failed = assertThrows(DeliveryFailed.class, () -> send(contract, 1, target));
    assertEquals(Optional.of(Duration.ofSeconds(30)), failed.retryAfter());
    assertTrue(failed.getMessage().contains("HTTP 429") && failed.getMessage().contains("asked to wait 30 s"),
        failed.getMessage());
    assertEquals(contract == Contract.PAGE, failed.getMessage().endsWith("(reading the page's WSDL)"),
        failed.getMessage());
    send(contract, 2, target);
    assertEquals(1, delivered(contract));
  }

  /** The port is shared by the drain's threads: a throttle fails exactly the calls it answered. */
  @Test
  void sharedByThreadsOnlyTheThrottledCallsFail() throws Exception {
    nav = NavSimulator.start();
    Target target = target(Contract.PAGE, AuthMode.NTLM_ONLY);
    send(Contract.PAGE, 1, target);
    nav.throttle(3, 429, "5");
    ExecutorService threads = Executors.newFixedThreadPool(4);
    List<Future<Optional<Duration>>> calls = new ArrayList<>();
    try {
      for (long id = 2; id <= 9; id++) {
        long transaction = id;
        calls.add(threads.submit(() -> {
          try {
            send(Contract.PAGE, transaction, target);
            return Optional.empty();
          } catch (DeliveryFailed e) {
            return Optional.of(e.retryAfter().orElseThrow());
          }
        }));
      }
      List<Optional<Duration>> outcomes = new ArrayList<>();
      for (Future<Optional<Duration>> call : calls) {
        outcomes.add(call.get());
      }
      assertEquals(3, outcomes.stream().filter(o -> o.equals(Optional.of(Duration.ofSeconds(5)))).count());
    } finally {
      threads.shutdownNow();
    }
    assertEquals(6, delivered(Contract.PAGE));
  }

  private void send(Contract contract, long transactionId, Target target) throws DeliveryFailed {
    client(contract).send(delivery(contract, transactionId, target));
  }

  private BackOfficeClient client(Contract contract) {
    return contract == Contract.PAGE ? page : codeunit;
  }

  private static Delivery delivery(Contract contract, long transactionId, Target target) {
    return contract == Contract.PAGE ? NavPageClientTest.delivery(transactionId, 'I', target)
        : NavCodeunitClientTest.delivery(transactionId, "I", target);
  }

  private int delivered(Contract contract) {
    return contract == Contract.PAGE ? nav.stored().size() : nav.processed().size();
  }

  private static String service(Contract contract) {
    return contract == Contract.PAGE ? NavPageClient.DEFAULT_PAGE : NavCodeunitClient.DEFAULT_SERVICE;
  }

  /** What the client adds to the company URL the codeunit target names (the page target names its own URL). */
  private static String serviceUrlTail(Contract contract) {
    return contract == Contract.PAGE ? "" : "/Codeunit/" + NavCodeunitClient.DEFAULT_SERVICE;
  }

  private Target target(Contract contract, AuthMode mode) {
    String login = mode == AuthMode.BASIC ? "basic=" + USER : WINDOWS_LOGIN;
    String uri = contract == Contract.PAGE ? nav.pageUrl() : nav.pageUrl().substring(0, nav.pageUrl()
        .indexOf("/Page/"));
    return Targets.of(BackOfficeSystem.NAV, contract == Contract.PAGE ? "SOAP_PAGE" : "SOAP_CODEUNIT", uri)
        .login(login, PASSWORD).build();
  }
}
