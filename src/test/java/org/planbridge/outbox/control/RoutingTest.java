package org.planbridge.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A connector's URI as an administrator pastes it: a NAV company name with spaces and umlauts in it. */
class RoutingTest {

  @Test
  void whatAUriCannotHoldIsPercentEncodedAsUtf8AndWhatIsEncodedAlreadyStays() {
    assertEquals("http://nav:7047/BC/WS/M%C3%BCller%20&%20S%C3%B6hne/Page/Appointment",
        Routing.httpUri(" http://nav:7047/BC/WS/Müller & Söhne/Page/Appointment ").orElseThrow().toString());
    assertEquals("https://nav/BC/WS/CRONUS%20International%20Ltd./Page/Appointment",
        Routing.httpUri("https://nav/BC/WS/CRONUS%20International%20Ltd./Page/Appointment").orElseThrow().toString());
    assertEquals("http://nav/a%7Cb%22c", Routing.httpUri("http://nav/a|b\"c").orElseThrow().toString());
  }

  @Test
  void onlyAbsoluteHttpUrisWithAHostRoute() {
    for (String refused : new String[] {"ftp://nav/x", "nav:7047/BC", "/BC/WS", "http:///nothing", "", "  "}) {
      assertTrue(Routing.httpUri(refused).isEmpty(), refused);
    }
    assertTrue(Routing.httpUri(null).isEmpty());
  }
}
