package org.planbridge.backoffice.nav;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.xml.ws.WebServiceException;
import java.net.URI;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbridge.backoffice.BackOfficeClient;
import org.planbridge.backoffice.Delivery;
import org.planbridge.backoffice.DeliveryFailed;
import org.planbridge.backoffice.Target;
import org.planbridge.backoffice.nav.codeunit.ProcessAppointment;

/**
 * {@code SOAP_CODEUNIT}: each transaction, deletes included, is one call of {@code ProcessAppointment} on the
 * codeunit web service PlanBridge's own contract describes ({@code wsdl/PlanBridge.wsdl}, the codeunit of
 * {@code docs/nav}), published as {@code PlanBridge} or as the connector's service name, with plain parameters
 * ({@link CodeunitParameters}). The contract is PlanBridge's, so no WSDL is read from NAV: a {@link CodeunitPort}
 * is built once per connector version ({@link NavPorts}) and shared by the drain's threads.
 *
 * <p>The codeunit answers OK to a transaction id it processed before, without processing it again, so a
 * redelivery is a Success that leaves one entry. It refuses what it cannot take with an error: a SOAP fault,
 * read as {@code code: text}.
 */
@ApplicationScoped
public class NavCodeunitClient implements BackOfficeClient {

  static final String DEFAULT_SERVICE = CodeunitPort.DEFAULT_NAME;
  private static final Logger LOG = Logger.getLogger(NavCodeunitClient.class.getName());

  @Inject
  @ConfigProperty(name = "planbridge.nav.connect.timeout.ms", defaultValue = "5000")
  int connectTimeoutMs;

  @Inject
  @ConfigProperty(name = "planbridge.nav.read.timeout.ms", defaultValue = "30000")
  int readTimeoutMs;

  private final NavPorts<PreparedCodeunit> codeunits = new NavPorts<>();

  /** A codeunit service as one connector version calls it. */
  private record PreparedCodeunit(URI service, String serviceName, NavLogin login, CodeunitPort port)
      implements AutoCloseable {

    @Override
    public void close() {
      port.close();
    }
  }

  @Override
  public void send(Delivery delivery) throws DeliveryFailed {
    Target target = delivery.target();
    PreparedCodeunit codeunit = codeunits.get(target, this::build);
    ProcessAppointment parameters;
    try {
      parameters = CodeunitParameters.of(delivery.transactionId(), delivery.change());
    } catch (NavSetupProblem e) {
      throw DeliveryFailed.misconfigured(e.getMessage() + " (connector " + target.connectorId() + ")", e);
    }
    try {
      String answer = codeunit.port().send(parameters);
      LOG.fine(() -> "Transaction " + delivery.transactionId() + " to " + codeunit.service() + ": " + answer);
    } catch (WebServiceException e) {
      throw NavFailures.of(e, codeunit.service(), codeunit.serviceName(), codeunit.login());
    }
  }

  /** The call: connecting, and three legs of NTLM at the most. */
  @Override
  public long longestDeliveryMs(Target target) {
    return connectTimeoutMs + 3L * readTimeoutMs;
  }

  private PreparedCodeunit build(Target target) throws DeliveryFailed {
    try {
      NavLogin login = NavLogin.of(target);
      URI service = PageAddress.of(target, "Codeunit", DEFAULT_SERVICE);
      String[] path = service.getPath().split("/");
      if (path.length < 2 || !path[path.length - 2].equalsIgnoreCase("Codeunit")) {
        throw new NavSetupProblem("the URI " + service + " is not a codeunit service's (…/WS/<Company>/Codeunit/"
            + DEFAULT_SERVICE + "): a SOAP_CODEUNIT connector calls the codeunit of docs/nav");
      }
      String name = path[path.length - 1];
      return new PreparedCodeunit(service, name, login, new CodeunitPort(codeunits.bus(), name, service, login,
          connectTimeoutMs, readTimeoutMs));
    } catch (NavSetupProblem e) {
      throw DeliveryFailed.misconfigured("Connector " + target.connectorId() + ": " + e.getMessage(), e);
    }
  }

  @PreDestroy
  void close() {
    codeunits.close();
  }
}
