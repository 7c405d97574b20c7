package org.planbridge.testing;

import java.net.URI;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.planbridge.backoffice.Target;
import org.planbridge.connector.entity.Authentication;
import org.planbridge.connector.entity.BackOfficeSystem;

/**
 * Builds a {@link Target} for a test, naming only what the test is about:
 * {@code Targets.of(BackOfficeSystem.NAV, "SOAP_PAGE", uri).login(login, password).build()}. The defaults:
 * connector 1, version 1, UTC, and everything else null (no pin, no login, the system's default authentication,
 * no company, the client's default service and mapping).
 */
public final class Targets {

  private long connectorId = 1;
  private long version = 1;
  private final BackOfficeSystem system;
  private final String type;
  private final URI uri;
  private String certificateFingerprint;
  private String login;
  private String password;
  private Authentication authentication;
  private String company;
  private String service;
  private ZoneId timeZone = ZoneOffset.UTC;
  private String fieldMapping;

  private Targets(BackOfficeSystem system, String type, URI uri) {
    this.system = system;
    this.type = type;
    this.uri = uri;
  }

  public static Targets of(BackOfficeSystem system, String type, URI uri) {
    return new Targets(system, type, uri);
  }

  public static Targets of(BackOfficeSystem system, String type, String uri) {
    return of(system, type, URI.create(uri));
  }

  public Targets connector(long connectorId) {
    this.connectorId = connectorId;
    return this;
  }

  public Targets version(long version) {
    this.version = version;
    return this;
  }

  /** The SHA-256 fingerprint the server's certificate must have; null for no pin. */
  public Targets pin(String certificateFingerprint) {
    this.certificateFingerprint = certificateFingerprint;
    return this;
  }

  public Targets login(String login, String password) {
    this.login = login;
    this.password = password;
    return this;
  }

  public Targets authentication(Authentication authentication) {
    this.authentication = authentication;
    return this;
  }

  public Targets company(String company) {
    this.company = company;
    return this;
  }

  public Targets service(String service) {
    this.service = service;
    return this;
  }

  public Targets zone(ZoneId timeZone) {
    this.timeZone = timeZone;
    return this;
  }

  /** A JSON object over the client's default field mapping; null for the default. */
  public Targets mapping(String fieldMapping) {
    this.fieldMapping = fieldMapping;
    return this;
  }

  public Target build() {
    return new Target(connectorId, version, system, type, uri, certificateFingerprint, login, password,
        authentication, company, service, timeZone, fieldMapping);
  }
}
