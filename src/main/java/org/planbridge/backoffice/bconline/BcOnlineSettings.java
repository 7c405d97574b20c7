package org.planbridge.backoffice.bconline;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.TrustManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbridge.backoffice.tls.BackOfficeTrust;

/**
 * Where Business Central online's tokens come from (the Entra ID authority, the scope) and how long one call to
 * the token endpoint or to BC's API may take: the settings of the REST client and of the token part of SOAP on
 * BC online alike.
 */
@Dependent
public class BcOnlineSettings {

  @Inject
  @ConfigProperty(name = "planbridge.bconline.authority", defaultValue = "https://login.microsoftonline.com")
  String authority;

  @Inject
  @ConfigProperty(name = "planbridge.bconline.scope", defaultValue = "https://api.businesscentral.dynamics.com/.default")
  String scope;

  @Inject
  @ConfigProperty(name = "planbridge.bconline.connect.timeout.ms", defaultValue = "5000")
  long connectTimeoutMs;

  @Inject
  @ConfigProperty(name = "planbridge.bconline.read.timeout.ms", defaultValue = "30000")
  long readTimeoutMs;

  Clock clock = Clock.systemUTC();

  /** Settings outside a container. */
  public static BcOnlineSettings of(String authority, String scope, long connectTimeoutMs, long readTimeoutMs,
      Clock clock) {
    BcOnlineSettings settings = new BcOnlineSettings();
    settings.authority = authority;
    settings.scope = scope;
    settings.connectTimeoutMs = connectTimeoutMs;
    settings.readTimeoutMs = readTimeoutMs;
    settings.clock = clock;
    return settings;
  }

  /** The longest one call can take: connecting and waiting for the answer. */
  public long longestCallMs() {
    return connectTimeoutMs + readTimeoutMs;
  }

  URI authority() {
    return URI.create(authority);
  }

  String scope() {
    return scope;
  }

  long readTimeoutMs() {
    return readTimeoutMs;
  }

  Clock clock() {
    return clock;
  }

  /** An HTTP client on {@code trust} (host names verified, no redirects followed). */
  HttpClient httpClient(TrustManager[] trust) {
    return HttpClient.newBuilder().connectTimeout(Duration.ofMillis(connectTimeoutMs))
        .sslContext(BackOfficeTrust.context(trust)).followRedirects(HttpClient.Redirect.NEVER).build();
  }
}
