package org.planbridge.backoffice.nav;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.xml.ws.WebServiceException;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.logging.Logger;
import javax.net.ssl.TrustManager;
import org.apache.cxf.binding.soap.SoapFault;
import org.planbridge.backoffice.BackOfficeClient;
import org.planbridge.backoffice.CheckStep;
import org.planbridge.backoffice.Delivery;
import org.planbridge.backoffice.DeliveryFailed;
import org.planbridge.backoffice.Target;
import org.planbridge.backoffice.bconline.BcOnlineSettings;
import org.planbridge.backoffice.tls.BackOfficeTrust;

/**
 * {@code SOAP_PAGE}: each transaction, deletes included, is one {@code Create} on the page service (by default
 * {@code Appointment}, the Dime.Scheduler extension's appointment log page) with its Database Action; the back
 * office processes the record by that action. The page's WSDL is read from the NAV server, its fields matched
 * with the connector's mapping, and a {@link SoapPort} built once per connector version ({@link NavPorts}) and
 * shared by the drain's threads. The WSDL fetch and the calls both trust what {@link BackOfficeTrust} trusts,
 * with the connector's pin.
 *
 * <p>On Business Central online ({@code BC_ONLINE}, deprecated there by Microsoft) the WSDL fetch and each call
 * carry a Bearer token of the connector's OAuth2 client credentials, as {@link NavBearer} says.
 *
 * <p>A redelivery of a transaction NAV already has (the page refuses a second record with the same
 * PlanBridge transaction id: "already exists") counts as Success: the appointment is there once.
 */
@ApplicationScoped
public class NavPageClient implements BackOfficeClient {

  static final String DEFAULT_PAGE = "Appointment";
  private static final Logger LOG = Logger.getLogger(NavPageClient.class.getName());

  @Inject NavSettings settings;

  @Inject BackOfficeTrust trust;

  @Inject BcOnlineSettings bcOnline;

  private final NavPorts<PreparedPage> pages = new NavPorts<>();

  /** A page as one connector version uses it: its WSDL read, its mapping checked, its port built. */
  private record PreparedPage(URI service, String serviceName, NavLogin login, PageWsdl wsdl, PageMapping mapping,
      SoapPort port) implements NavPorts.Built {}

  @Override
  public void send(Delivery delivery) throws DeliveryFailed {
    Target target = delivery.target();
    PreparedPage page = pages.get(target, this::build);
    JsonObject change = delivery.change();
    String payload;
    try {
      payload = PagePayload.create(change, page.wsdl(), page.mapping(), target.timeZone());
    } catch (NavSetupProblem e) {
      throw DeliveryFailed.misconfigured(e.getMessage() + " (connector " + target.connectorId() + ")", e);
    }
    try {
      NavBearer.call(page.login(), () -> page.port().invoke(payload));
    } catch (WebServiceException e) {
      SoapFault fault = NavFailures.fault(e);
      if (fault != null && alreadyDelivered(fault, delivery, page)) {
        LOG.fine(() -> "Transaction " + delivery.transactionId() + " was already in " + page.service());
        return;
      }
      throw NavBearer.failure(e, page.service(), page.serviceName(), page.login());
    }
  }

  /** The page refused a record with this transaction's id because it has one: delivered before. */
  private static boolean alreadyDelivered(SoapFault fault, Delivery delivery, PreparedPage page) {
    String field = page.mapping().target("transactionId");
    String reason = String.valueOf(fault.getReason() == null ? fault.getMessage() : fault.getReason());
    return field != null && page.wsdl().fields().containsKey(field) && delivery.refusedAsDelivered(reason);
  }

  /**
   * A WSDL fetch (connect, three NTLM legs) and the call (the same again); on BC online a token fetch first and
   * each of them once more after a 401 and a token fetch.
   */
  @Override
  public long longestDeliveryMs(Target target) {
    PreparedPage built = pages.current(target);
    return NavBearer.longestMs(target, built != null ? 1 : 2, built == null ? null : built.login(), settings,
        bcOnline);
  }

  /**
   * The login as it will be sent, the service URL, the WSDL read afresh with that login (which tells an
   * unreachable server, TLS, 401 and a service not published for the company apart), the page it describes, and
   * the field mapping against it (unmapped required fields, mapped fields the page lacks).
   */
  @Override
  public List<CheckStep> check(Target target) {
    String serviceName = serviceName(target);
    NavCheck check = new NavCheck(target, url -> serviceName);
    URI service = check.locate(() -> PageAddress.of(target, "Page", DEFAULT_PAGE));
    PageMapping mapping = check.steps.run("field mapping", () -> PageMapping.of(target.fieldMapping()),
        m -> target.fieldMapping() == null ? "the default mapping" : "the default mapping with the connector's own");
    String document = check.wsdl(trust, settings, bcOnline);
    PageWsdl page = check.steps.run("page", () -> PageWsdl.parse(document), p -> "the page " + p.recordElement()
        + " has " + p.fields().size() + " fields and takes Create (" + p.createAction() + ")");
    check.steps.run("fields", () -> fits(mapping, page, serviceName, service), ignored -> "every mapped field is on"
        + " the page and every field it requires is filled");
    return check.steps();
  }

  private static PageMapping fits(PageMapping mapping, PageWsdl page, String serviceName, URI service)
      throws NavSetupProblem {
    List<String> problems = mapping.problems(page);
    if (!problems.isEmpty()) {
      throw new NavSetupProblem("the field mapping does not fit the page " + serviceName + " at " + service + ": "
          + String.join("; ", problems));
    }
    return mapping;
  }

  private static String serviceName(Target target) {
    return PageAddress.serviceName(target, DEFAULT_PAGE);
  }

  private PreparedPage build(Target target) throws DeliveryFailed {
    NavLogin login;
    URI service;
    String serviceName = serviceName(target);
    PageMapping mapping;
    TrustManager[] trustManagers = trust.forConnector(target);
    try {
      login = NavBearer.login(target, trustManagers, bcOnline);
      service = PageAddress.of(target, "Page", DEFAULT_PAGE);
      mapping = PageMapping.of(target.fieldMapping());
    } catch (NavSetupProblem.CredentialsRequired e) {
      throw new DeliveryFailed("Connector " + target.connectorId() + ": " + e.getMessage(), e);
    } catch (NavSetupProblem e) {
      throw DeliveryFailed.misconfigured("Connector " + target.connectorId() + ": " + e.getMessage(), e);
    }
    String document;
    try {
      document = NavBearer.call(login, () -> NavHttp.get(service, login, trustManagers, settings));
    } catch (IOException e) {
      DeliveryFailed failed = NavBearer.failure(e, service, serviceName, login);
      throw new DeliveryFailed(failed.getMessage() + " (reading the page's WSDL)", e,
          failed.retryAfter().orElse(null));
    }
    PageWsdl wsdl;
    try {
      wsdl = PageWsdl.parse(document);
      fits(mapping, wsdl, serviceName, service);
    } catch (NavSetupProblem e) {
      throw DeliveryFailed.misconfigured(e.getMessage(), e);
    }
    SoapPort port = new SoapPort(pages.bus(), wsdl.service(), wsdl.port(), service, wsdl.createAction(), login,
        trustManagers, settings);
    return new PreparedPage(service, serviceName, login, wsdl, mapping, port);
  }

  @PreDestroy
  void close() {
    pages.close();
  }
}
