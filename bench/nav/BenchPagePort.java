package org.planbridge.backoffice.nav;

import java.net.URI;
import java.time.ZoneOffset;
import org.planbridge.backoffice.Delivery;
import org.planbridge.backoffice.Target;
import org.planbridge.connector.entity.BackOfficeSystem;

/**
 * The NAV benchmark's door into this package (bench only, never in the WAR): a page port built as
 * {@link NavPageClient} builds it for a connector (the login from the connector's login and password, the WSDL read
 * with it, the default mapping checked against the page, one {@link SoapPort} on CXF's own bus for all threads), and
 * each send as {@link NavPageClient#send}: the body read as the change, {@link PagePayload#create}, one
 * {@code invoke}. Plain HTTP, so no trust managers.
 */
public final class BenchPagePort implements AutoCloseable {

  /** The engine's defaults. */
  private static final NavSettings TIMEOUTS = NavSettings.of(5_000, 30_000);

  private final NavPorts<SoapPort> ports = new NavPorts<>();
  private final PageWsdl wsdl;
  private final PageMapping mapping;
  private final SoapPort port;

  /** {@code login} as a connector's ({@code DOMAIN\\user} is Windows, {@code basic=user} Basic). */
  public BenchPagePort(URI page, String login, String password) throws Exception {
    Target target = new Target(1, 1, BackOfficeSystem.NAV, "SOAP_PAGE", page, null, login, password, null, null,
        null, ZoneOffset.UTC, null);
    NavLogin navLogin = NavLogin.of(target);
    URI service = PageAddress.of(target, "Page", NavPageClient.DEFAULT_PAGE);
    mapping = PageMapping.of(null);
    wsdl = PageWsdl.parse(NavHttp.get(service, navLogin, null, TIMEOUTS));
    if (!mapping.problems(wsdl).isEmpty()) {
      throw new IllegalStateException("the default mapping does not fit the page: " + mapping.problems(wsdl));
    }
    port = new SoapPort(ports.bus(), wsdl.service(), wsdl.port(), service, wsdl.createAction(), navLogin, null,
        TIMEOUTS);
  }

  /** One page Create of the change {@code body} (what the engine hands a client: Claimed.body()). */
  public void send(long transactionId, String body) throws Exception {
    Delivery delivery = new Delivery(transactionId, body, null);
    port.invoke(PagePayload.create(delivery.change(), wsdl, mapping, ZoneOffset.UTC));
  }

  @Override
  public void close() {
    port.close();
    ports.close();
  }
}
