package org.planbridge.backoffice.nav;

import java.net.URI;
import java.util.List;
import java.util.function.Function;
import javax.net.ssl.TrustManager;
import org.planbridge.backoffice.CheckList;
import org.planbridge.backoffice.CheckStep;
import org.planbridge.backoffice.DeliveryFailed;
import org.planbridge.backoffice.Target;
import org.planbridge.backoffice.bconline.BcOnlineSettings;
import org.planbridge.backoffice.bconline.EntraTokens;
import org.planbridge.backoffice.tls.BackOfficeTrust;

/**
 * The steps every NAV service's connection check starts with: the login as it will be sent, the service's URL,
 * the TLS trust and the service's WSDL read afresh with that login (which tells an unreachable server, TLS, 401
 * and a service not published for the company apart); on Business Central online the client credentials and a
 * token fetched before the WSDL. A failure reads as a delivery's would.
 */
final class NavCheck {

  final CheckList steps;
  private final Target target;
  private URI service;
  private NavLogin login;

  /** {@code serviceName}: the service's name in messages, from its URL. */
  NavCheck(Target target, Function<URI, String> serviceName) {
    this.target = target;
    this.service = target.uri();
    steps = new CheckList(e -> e instanceof NavSetupProblem || e instanceof DeliveryFailed ? e.getMessage()
        : NavBearer.failure(e, service, serviceName.apply(service), login).getMessage());
  }

  /** The credentials and the service URL; answers the URL, or null when a step failed. */
  URI locate(CheckList.Work<URI> url) {
    if (NavBearer.isBcOnline(target)) {
      steps.run("credentials", () -> EntraTokens.describe(target), described -> described);
    } else {
      login = steps.run("credentials", () -> NavLogin.of(target), NavLogin::describe);
    }
    URI located = steps.run("service URL", url, URI::toString);
    if (located != null) {
      service = located;
    }
    return located;
  }

  /**
   * The TLS trust, on BC online a token, and the WSDL; answers the document, or null when a step (this or an
   * earlier one) failed.
   */
  String wsdl(BackOfficeTrust trust, NavSettings settings, BcOnlineSettings bcOnline) {
    TrustManager[] trustManagers = steps.run("TLS trust", () -> trust.forConnector(target),
        t -> BackOfficeTrust.describe(target));
    if (NavBearer.isBcOnline(target)) {
      token(trustManagers, bcOnline);
    }
    return steps.run("WSDL", () -> NavHttp.get(service, login, trustManagers, settings),
        d -> "read as " + login.describe() + " (" + d.length() + " characters)");
  }

  /** A token fetched for the check (its lifetime is said, never its value), which the WSDL is then read with. */
  private void token(TrustManager[] trust, BcOnlineSettings bcOnline) {
    steps.run("token", () -> {
      login = NavLogin.bearer(EntraTokens.of(target, trust, bcOnline));
      return login.tokens().current();
    }, issued -> login.tokens().describe(issued));
  }

  List<CheckStep> steps() {
    return steps.steps();
  }
}
