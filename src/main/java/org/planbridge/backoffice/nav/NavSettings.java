package org.planbridge.backoffice.nav;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The timeouts of every call to NAV/BC over SOAP, the page's and the codeunit's alike. */
@Dependent
public class NavSettings {

  @Inject
  @ConfigProperty(name = "planbridge.nav.connect.timeout.ms", defaultValue = "5000")
  int connectTimeoutMs;

  @Inject
  @ConfigProperty(name = "planbridge.nav.read.timeout.ms", defaultValue = "30000")
  int readTimeoutMs;

  static NavSettings of(int connectTimeoutMs, int readTimeoutMs) {
    NavSettings settings = new NavSettings();
    settings.connectTimeoutMs = connectTimeoutMs;
    settings.readTimeoutMs = readTimeoutMs;
    return settings;
  }

  int connectTimeoutMs() {
    return connectTimeoutMs;
  }

  int readTimeoutMs() {
    return readTimeoutMs;
  }

  /** The longest one call can take: connecting, and three answers (the legs of an NTLM handshake). */
  long longestCallMs() {
    return connectTimeoutMs + 3L * readTimeoutMs;
  }
}
