package org.planbridge.outbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.planbridge.backoffice.Target;
import org.planbridge.connector.control.Connectors;
import org.planbridge.connector.control.SecretUnavailable;
import org.planbridge.connector.entity.BackOfficeSystem;
import org.planbridge.connector.entity.Connector;
import org.planbridge.platform.control.PercentEncoding;

/**
 * Reads a Source App's connector and says where its transactions go, or which status explains why
 * they go nowhere. Checked in the order an administrator fixes things: a connector at all, sending
 * switched on, a system, a type that fits it, a usable URI.
 */
@ApplicationScoped
public class Routing {

  @Inject Connectors connectors;

  // A short read of its own: the drain calls it between its claim and record transactions.
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Route resolve(String sourceApp) {
    Optional<Connector> found = connectors.findBySourceApp(sourceApp);
    if (found.isEmpty()) {
      return Route.refused(null, Status.NOT_PROVIDED, "No connector for Source App '" + sourceApp + "'");
    }
    return route(found.get());
  }

  /** Where the connector with this id sends, as {@link #resolve} says it; empty when there is no such connector. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<Route> resolve(long connectorId) {
    return connectors.get(connectorId).map(this::route);
  }

  private Route route(Connector connector) {
    Long id = connector.getId();
    if (!connector.isSendAppointments()) {
      return Route.refused(id, Status.PUBLISH_DISABLED, "Connector '" + connector.getName()
          + "' does not send appointments to the back office");
    }
    BackOfficeSystem system = connector.getBackOfficeSystem();
    if (system == null) {
      return Route.refused(id, Status.INVALID_SYSTEM, "Connector '" + connector.getName()
          + "' has no back-office system; set one of " + BackOfficeSystem.accepted());
    }
    Optional<String> type = system.type(connector.getBackOfficeType());
    if (type.isEmpty()) {
      return Route.refused(id, Status.INVALID_TYPE, "Back-office type '" + connector.getBackOfficeType()
          + "' does not fit " + system + "; it takes " + String.join(", ", system.types()));
    }
    Optional<URI> uri = httpUri(connector.getUri());
    if (uri.isEmpty()) {
      return Route.refused(id, Status.INVALID_URI, "Connector '" + connector.getName() + "' has "
          + (connector.getUri() == null || connector.getUri().isBlank() ? "no web service URI"
              : "the web service URI '" + connector.getUri() + "', which is not an absolute http(s) URI"));
    }
    String password;
    try {
      password = connector.isPasswordSet() ? connectors.revealPassword(connector) : null;
    } catch (SecretUnavailable e) {
      return Route.refused(id, Status.FAILED, e.getMessage());
    }
    ZoneId zone;
    try {
      zone = connector.getTimeZone() == null ? ZoneOffset.UTC : ZoneId.of(connector.getTimeZone());
    } catch (DateTimeException e) {
      return Route.refused(id, Status.FAILED, "Connector '" + connector.getName() + "' has the time zone '"
          + connector.getTimeZone() + "', which is not one");
    }
    return Route.to(new Target(id, connector.getRowVersion() == null ? 0 : connector.getRowVersion(), system,
        type.get(), uri.get(), connector.getCertificateFingerprint(), connector.getLogin(), password,
        connector.getAuthenticationType(), connector.getCompany(), connector.getServiceName(), zone,
        connector.getFieldMapping()));
  }

  /**
   * An absolute http(s) URI. Characters a URI cannot hold as they are (spaces, non-ASCII letters, as in a NAV
   * company name pasted into the URI) are percent-encoded as UTF-8 ({@code %20}, never {@code +}); a {@code %}
   * that is already there is kept.
   */
  static Optional<URI> httpUri(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(encodeIllegal(text.trim()));
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      boolean http = scheme.equals("http") || scheme.equals("https");
      return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static String encodeIllegal(String text) {
    return PercentEncoding.encode(text, c -> c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0);
  }
}
