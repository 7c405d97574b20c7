package org.planbridge.backoffice.nav;

import javax.net.ssl.TrustManager;
import org.planbridge.backoffice.DeliveryFailed;
import org.planbridge.backoffice.Target;
import org.planbridge.backoffice.tls.BackOfficeTrust;
import org.planbridge.backoffice.tls.TrustSetupProblem;

/** The TLS trust of one NAV/BC connector: what {@link BackOfficeTrust} trusts, with the connector's pin. */
public final class NavTrust {

  private NavTrust() {}

  /**
   * A pin on an http URI is refused: the connector expects a certificate that plain HTTP never shows. A truststore
   * that cannot be read fails the delivery as Failed (the server's configuration, not the connector, is to fix);
   * a pin that is no fingerprint is the connector's.
   */
  public static TrustManager[] of(BackOfficeTrust trust, Target target) throws DeliveryFailed {
    String pin = target.certificateFingerprint();
    boolean pinned = pin != null && !pin.isBlank();
    if (pinned && !"https".equalsIgnoreCase(target.uri().getScheme())) {
      throw DeliveryFailed.misconfigured("Connector " + target.connectorId() + " pins a certificate"
          + " (certificateFingerprint), but its URI " + target.uri() + " is not https", null);
    }
    try {
      return trust.trustManagers(pin);
    } catch (TrustSetupProblem e) {
      String message = "Connector " + target.connectorId() + ": " + e.getMessage();
      throw pinned && BackOfficeTrust.pinProblem(pin) != null ? DeliveryFailed.misconfigured(message, e)
          : new DeliveryFailed(message, e);
    }
  }

  /** What a check says of the trust it used. */
  public static String describe(Target target) {
    return "the JVM's default trust and PLANBRIDGE_TRUSTSTORE if set" + (target.certificateFingerprint() == null
        ? "" : ", and the pinned certificate " + target.certificateFingerprint());
  }
}
