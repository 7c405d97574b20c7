package org.planbridge.backoffice.nav;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.xml.ws.WebServiceException;
import java.net.URI;
import java.util.List;
import java.util.logging.Logger;
import javax.net.ssl.TrustManager;
import org.planbridge.backoffice.BackOfficeClient;
import org.planbridge.backoffice.CheckStep;
import org.planbridge.backoffice.Delivery;
import org.planbridge.backoffice.DeliveryFailed;
import org.planbridge.backoffice.Target;
import org.planbridge.backoffice.bconline.BcOnlineSettings;
import org.planbridge.backoffice.nav.codeunit.ProcessAppointment;
import org.planbridge.backoffice.tls.BackOfficeTrust;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code SOAP_CODEUNIT}: each transaction, deletes included, is one call of {@code ProcessAppointment} on the
 * codeunit web service PlanBridge's own contract describes ({@code wsdl/PlanBridge.wsdl}, the codeunit of
 * {@code docs/nav}), published as {@code PlanBridge} or as the connector's service name, with plain parameters
 * ({@link CodeunitParameters}). The contract is PlanBridge's, so no WSDL is read from NAV: a {@link CodeunitPort}
 * is built once per connector version ({@link NavPorts}) and shared by the drain's threads.
 *
 * <p>On Business Central online ({@code BC_ONLINE}, deprecated there by Microsoft) each call carries a Bearer
 * token of the connector's OAuth2 client credentials, as {@link NavBearer} says.
 *
 * <p>The codeunit answers OK to a transaction id it processed before, without processing it again, so a
 * redelivery is a Success that leaves one entry. It refuses what it cannot take with an error: a SOAP fault,
 * read as {@code code: text}.
 */
@ApplicationScoped
public class NavCodeunitClient implements BackOfficeClient {

  static final String DEFAULT_SERVICE = CodeunitPort.DEFAULT_NAME;
  private static final Logger LOG = Logger.getLogger(NavCodeunitClient.class.getName());

  @Inject NavSettings settings;

  @Inject BackOfficeTrust trust;

  @Inject BcOnlineSettings bcOnline;

  private final NavPorts<PreparedCodeunit> codeunits = new NavPorts<>();

  /** A codeunit service as one connector version calls it. */
  private record PreparedCodeunit(URI service, String serviceName, NavLogin login, CodeunitPort port)
      implements NavPorts.Built {}

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
      String answer = NavBearer.call(codeunit.login(), () -> codeunit.port().send(parameters));
      LOG.fine(() -> "Transaction " + delivery.transactionId() + " to " + codeunit.service() + ": " + answer);
    } catch (WebServiceException e) {
      throw NavBearer.failure(e, codeunit.service(), codeunit.serviceName(), codeunit.login());
    }
  }

  /**
   * The call: connecting, and three legs of NTLM at the most; on BC online a token fetch first and the call once
   * more after a 401 and a token fetch.
   */
  @Override
  public long longestDeliveryMs(Target target) {
    PreparedCodeunit built = codeunits.current(target);
    return NavBearer.longestMs(target, 1, built == null ? null : built.login(), settings, bcOnline);
  }

  /**
   * The login, the codeunit's URL, the TLS trust, and the codeunit's WSDL as NAV answers it (which tells an
   * unreachable server, TLS, 401 and a codeunit not published for the company apart), checked for the
   * contract's method in the namespace of the published name.
   */
  @Override
  public List<CheckStep> check(Target target) {
    NavCheck check = new NavCheck(target, NavCodeunitClient::name);
    URI service = check.locate(() -> codeunitUrl(target));
    String document = check.wsdl(trust, settings, bcOnline);
    check.steps.run("contract", () -> contract(document, name(service)), ignored -> "the codeunit " + name(service)
        + " has " + CodeunitPort.METHOD + " in " + CodeunitPort.namespace(name(service)));
    return check.steps();
  }

  private static Element contract(String document, String name) throws NavSetupProblem {
    Element root = PageWsdl.read(document).getDocumentElement();
    String namespace = CodeunitPort.namespace(name);
    NodeList methods = root.getElementsByTagNameNS("http://www.w3.org/2001/XMLSchema", "element");
    for (int i = 0; i < methods.getLength(); i++) {
      Element method = (Element) methods.item(i);
      Element schema = (Element) method.getParentNode();
      if (CodeunitPort.METHOD.equals(method.getAttribute("name"))
          && namespace.equals(schema.getAttribute("targetNamespace"))) {
        return method;
      }
    }
    throw new NavSetupProblem("the codeunit " + name + " has no method " + CodeunitPort.METHOD + " in " + namespace
        + ": publish the codeunit of docs/nav under that name");
  }

  private static URI codeunitUrl(Target target) throws NavSetupProblem {
    URI service = PageAddress.of(target, "Codeunit", DEFAULT_SERVICE);
    String[] path = service.getPath().split("/");
    if (path.length < 2 || !path[path.length - 2].equalsIgnoreCase("Codeunit")) {
      throw new NavSetupProblem("the URI " + service + " is not a codeunit service's (…/WS/<Company>/Codeunit/"
          + DEFAULT_SERVICE + "): a SOAP_CODEUNIT connector calls the codeunit of docs/nav");
    }
    return service;
  }

  private static String name(URI service) {
    String[] path = service.getPath().split("/");
    return path[path.length - 1];
  }

  private PreparedCodeunit build(Target target) throws DeliveryFailed {
    TrustManager[] trustManagers = trust.forConnector(target);
    try {
      NavLogin login = NavBearer.login(target, trustManagers, bcOnline);
      URI service = codeunitUrl(target);
      String name = name(service);
      return new PreparedCodeunit(service, name, login, new CodeunitPort(codeunits.bus(), name, service, login,
          trustManagers, settings));
    } catch (NavSetupProblem.CredentialsRequired e) {
      throw new DeliveryFailed("Connector " + target.connectorId() + ": " + e.getMessage(), e);
    } catch (NavSetupProblem e) {
      throw DeliveryFailed.misconfigured("Connector " + target.connectorId() + ": " + e.getMessage(), e);
    }
  }

  @PreDestroy
  void close() {
    codeunits.close();
  }
}
