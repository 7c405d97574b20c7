package org.planbridge.connector.entity;

import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.planbridge.platform.entity.Tracked;

/**
 * A connector (the MBOC setting of one Source App): whether its appointments go back to the back
 * office, which system and protocol, where, and with which credentials. The password is held only
 * as {@link #getPasswordCipher() cipher text}; {@code connector.control.Connectors} encrypts and
 * reveals it. Table {@code connector} (V2).
 */
@Entity
@Table(name = "connector")
public class Connector extends Tracked {

  @Id
  // A sequence rather than IDENTITY: the provider's identity read-back is not portable to H2 2.x.
  @SequenceGenerator(name = "connector_id", sequenceName = "connector_id_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "connector_id")
  @Column(name = "id", nullable = false)
  private Long id;

  @Column(name = "name", length = 100, nullable = false)
  private String name;

  @Column(name = "description", length = 255)
  private String description;

  @Column(name = "source_app", length = 30, nullable = false)
  private String sourceApp;

  @Column(name = "source_type", length = 10)
  private String sourceType;

  @Column(name = "send_appointments", nullable = false)
  private boolean sendAppointments = true;

  @Enumerated(EnumType.STRING)
  @Column(name = "back_office_system", length = 20)
  private BackOfficeSystem backOfficeSystem;

  /** Free text: a value delivery does not know is kept, so that it can be reported. */
  @Column(name = "back_office_type", length = 50)
  private String backOfficeType;

  /** Not checked here: delivery reports a bad one as "Invalid MBOC URI". */
  @Column(name = "uri", length = 1000)
  private String uri;

  @Column(name = "login", length = 255)
  private String login;

  @Column(name = "password_cipher", length = 4000)
  private String passwordCipher;

  /** Null: the system's default (Windows for NAV/BC SOAP, unless the login starts with {@code basic=}). */
  @Enumerated(EnumType.STRING)
  @Column(name = "authentication_type", length = 40)
  private Authentication authenticationType;

  /** The SHA-256 fingerprint the server's certificate must have, on top of the trust; null: no pin. */
  @Column(name = "certificate_fingerprint", length = 100)
  private String certificateFingerprint;

  @Column(name = "company", length = 250)
  private String company;

  @Column(name = "service_name", length = 100)
  private String serviceName;

  @Column(name = "time_zone", length = 60)
  private String timeZone;

  /** A JSON object over the client's default field mapping. */
  @Column(name = "field_mapping", length = 4000)
  private String fieldMapping;

  /** How many of its transactions may be in flight at once on all instances; null: the system's default. */
  @Column(name = "concurrency")
  private Integer concurrency;

  /** Until when its back office asked to wait (Retry-After); written by the drain only, so read-only here. */
  @Column(name = "paused_until", insertable = false, updatable = false)
  private OffsetDateTime pausedUntil;

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getSourceApp() {
    return sourceApp;
  }

  public void setSourceApp(String sourceApp) {
    this.sourceApp = sourceApp;
  }

  public String getSourceType() {
    return sourceType;
  }

  public void setSourceType(String sourceType) {
    this.sourceType = sourceType;
  }

  public boolean isSendAppointments() {
    return sendAppointments;
  }

  public void setSendAppointments(boolean sendAppointments) {
    this.sendAppointments = sendAppointments;
  }

  public BackOfficeSystem getBackOfficeSystem() {
    return backOfficeSystem;
  }

  public void setBackOfficeSystem(BackOfficeSystem backOfficeSystem) {
    this.backOfficeSystem = backOfficeSystem;
  }

  public String getBackOfficeType() {
    return backOfficeType;
  }

  public void setBackOfficeType(String backOfficeType) {
    this.backOfficeType = backOfficeType;
  }

  public String getUri() {
    return uri;
  }

  public void setUri(String uri) {
    this.uri = uri;
  }

  public String getLogin() {
    return login;
  }

  public void setLogin(String login) {
    this.login = login;
  }

  /** The encrypted password, never to be shown; null when none is set. */
  @JsonbTransient
  public String getPasswordCipher() {
    return passwordCipher;
  }

  public void setPasswordCipher(String passwordCipher) {
    this.passwordCipher = passwordCipher;
  }

  public Authentication getAuthenticationType() {
    return authenticationType;
  }

  public void setAuthenticationType(Authentication authenticationType) {
    this.authenticationType = authenticationType;
  }

  public String getCompany() {
    return company;
  }

  public void setCompany(String company) {
    this.company = company;
  }

  public String getCertificateFingerprint() {
    return certificateFingerprint;
  }

  public void setCertificateFingerprint(String certificateFingerprint) {
    this.certificateFingerprint = certificateFingerprint;
  }

  public String getServiceName() {
    return serviceName;
  }

  public void setServiceName(String serviceName) {
    this.serviceName = serviceName;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(String timeZone) {
    this.timeZone = timeZone;
  }

  public String getFieldMapping() {
    return fieldMapping;
  }

  public void setFieldMapping(String fieldMapping) {
    this.fieldMapping = fieldMapping;
  }

  public Integer getConcurrency() {
    return concurrency;
  }

  public void setConcurrency(Integer concurrency) {
    this.concurrency = concurrency;
  }

  public OffsetDateTime getPausedUntil() {
    return pausedUntil;
  }

  public boolean isPasswordSet() {
    return passwordCipher != null;
  }

  @Override
  public String toString() {
    return "Connector[id=" + id + ", sourceApp=" + sourceApp + ", system=" + backOfficeSystem + "]";
  }
}
