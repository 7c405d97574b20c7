package org.planbridge.backoffice.nav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.xml.ws.WebServiceException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import org.apache.cxf.interceptor.Fault;
import org.junit.jupiter.api.Test;

/** The status of a failed call as {@link NavHttp.Status#in} finds it in the causes CXF wraps it in. */
class NavHttpStatusTest {

  @Test
  void theStatusIsFoundUnderCxfsWrappersWithItsWait() {
    NavHttp.Status throttled = new NavHttp.Status(429, "Too Many Requests", "30");
    NavHttp.Status found = NavHttp.Status.in(new WebServiceException(new Fault(throttled)));
    assertSame(throttled, found);
    assertEquals(Duration.ofSeconds(30), found.retryAfter);
  }

  @Test
  void cxfsAuthorizationLoopIsTheRefusedLogin() {
    IOException loop = new IOException("Authorization loop detected on Conduit \"{urn}Port.http-conduit\" on URL"
        + " \"http://nav/WS\" with realm \"null\"");
    NavHttp.Status found = NavHttp.Status.in(new WebServiceException(new Fault(loop)));
    assertEquals(401, found.code);
    assertNull(found.retryAfter);
  }

  @Test
  void aCallAnsweredWithNoStatusHasNone() {
    assertNull(NavHttp.Status.in(new WebServiceException(new Fault(new ConnectException("Connection refused")))));
    assertNull(NavHttp.Status.in(new WebServiceException("no cause")));
  }
}
