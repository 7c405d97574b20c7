package org.planbridge.backoffice.nav;

import java.net.URI;
import java.util.logging.Logger;
import javax.net.ssl.TrustManager;
import org.planbridge.backoffice.DeliveryFailed;
import org.planbridge.backoffice.Target;
import org.planbridge.backoffice.bconline.BcOnlineSettings;
import org.planbridge.backoffice.bconline.EntraTokens;
import org.planbridge.connector.entity.BackOfficeSystem;

/**
 * SOAP on Business Central online, signed in as the REST client is, with a Bearer token of the connector's OAuth2
 * client credentials ({@link EntraTokens}; never NTLM, never Basic): the login of a {@code BC_ONLINE} connector, a
 * call sent once more with a token fetched anew after a 401, what a second 401 or a 403 means there, and how long
 * a delivery can take with those steps. Microsoft has deprecated SOAP on BC online and is removing it; this is the
 * fallback, {@code REST_API_PAGE} the way that stays.
 */
final class NavBearer {

  /** A call to the service (the WSDL fetch, a SOAP request); DeliveryFailed when its token cannot be fetched. */
  @FunctionalInterface
  interface Call<T, E extends Exception> {
    T run() throws E, DeliveryFailed;
  }

  private static final Logger LOG = Logger.getLogger(NavBearer.class.getName());

  private NavBearer() {}

  static boolean isBcOnline(Target target) {
    return target.system() == BackOfficeSystem.BC_ONLINE;
  }

  /**
   * The login of a connector: BC online's Bearer tokens, else NAV's ({@link NavLogin#of}).
   *
   * @throws NavSetupProblem when the connector's settings cannot make one
   */
  static NavLogin login(Target target, TrustManager[] trust, BcOnlineSettings bcOnline) throws NavSetupProblem {
    if (!isBcOnline(target)) {
      return NavLogin.of(target);
    }
    NavLogin login = NavLogin.bearer(EntraTokens.of(target, trust, bcOnline));
    LOG.warning(() -> "Connector " + target.connectorId() + " delivers over " + target.type() + " to Business"
        + " Central online: Microsoft has deprecated SOAP there and is removing it; REST_API_PAGE is what stays");
    return login;
  }

  /**
   * Runs the call; with a Bearer login, a token is there first (fetched when none is cached, so that a refused
   * secret fails as the token endpoint says), and a call refused with a 401 runs once more with a token fetched
   * anew (the one cached may have been revoked, or a clock be off).
   */
  static <T, E extends Exception> T call(NavLogin login, Call<T, E> call) throws E, DeliveryFailed {
    if (login.kind() != NavLogin.Kind.BEARER) {
      return call.run();
    }
    login.tokens().current();
    try {
      return call.run();
    } catch (Exception e) {
      if (status(e) != 401) {
        throw e;
      }
    }
    login.tokens().renew();
    return call.run();
  }

  /**
   * What a failed call means: for a Bearer login a 401 (with a token fetched anew) and a 403 as Business Central
   * online's, with what to check in Entra ID and in BC; everything else as NAV's ({@link NavFailures}).
   */
  static DeliveryFailed failure(Throwable failure, URI service, String serviceName, NavLogin login) {
    DeliveryFailed refused = login != null && login.kind() == NavLogin.Kind.BEARER
        ? login.tokens().refused(status(failure), service, failure) : null;
    return refused != null ? refused : NavFailures.of(failure, service, serviceName, login);
  }

  /**
   * The longest {@code calls} requests (a WSDL fetch among them) can take; on BC online each may be refused once
   * with a 401 and sent again after a token fetch, and a token is fetched first unless {@code built}'s (the login
   * of what is built for the connector, or null) is cached.
   */
  static long longestMs(Target target, int calls, NavLogin built, NavSettings settings, BcOnlineSettings bcOnline) {
    long call = settings.longestCallMs();
    if (!isBcOnline(target)) {
      return calls * call;
    }
    int fetches = calls + (built != null && built.tokens() != null && built.tokens().isCached() ? 0 : 1);
    return 2L * calls * call + fetches * bcOnline.longestCallMs();
  }

  /** The HTTP status a call was answered with ({@link NavHttp.Status#in}), or 0 when it got none. */
  private static int status(Throwable failure) {
    NavHttp.Status status = NavHttp.Status.in(failure);
    return status == null ? 0 : status.code;
  }
}
