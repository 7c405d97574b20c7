package org.planbridge.backoffice;

import java.net.URI;
import java.time.ZoneId;
import org.planbridge.connector.entity.Authentication;
import org.planbridge.connector.entity.BackOfficeSystem;

/**
 * A back office as its connector describes it now: where, which protocol, which server certificate, as whom,
 * and the settings of the NAV/BC clients. {@code version} changes whenever the connector does: clients key what
 * they build for it (proxies, fetched WSDLs, trust, tokens) by id and version. The password is only ever held
 * here in memory.
 *
 * @param certificateFingerprint null: no pin; else the SHA-256 fingerprint the server's own certificate must
 *     have, checked on top of the trust (see {@link org.planbridge.backoffice.tls.BackOfficeTrust})
 * @param authentication null: the system's default
 * @param company null: the URI names it, or none is needed
 * @param service null: the client's default service name
 * @param fieldMapping null, or a JSON object over the client's default mapping
 */
public record Target(long connectorId, long version, BackOfficeSystem system, String type, URI uri,
    String certificateFingerprint, String login, String password, Authentication authentication, String company,
    String service, ZoneId timeZone, String fieldMapping) {

  /** The key of everything a client builds for this connector as it is now. */
  public String key() {
    return connectorId + "@" + version;
  }

  @Override
  public String toString() {
    return "Target[connector " + connectorId + ", " + system + " " + type + " " + uri + "]";
  }
}
