package org.planbridge.connector.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.planbridge.connector.entity.Authentication;
import org.planbridge.connector.entity.BackOfficeSystem;
import org.planbridge.connector.entity.Connector;
import org.planbridge.platform.control.Failures;

/**
 * Creates, changes, finds and deletes connectors, for the admin API and for the import
 * ({@code mboc_upsertConnector}, the typed route {@code connector}) alike: one set of rules.
 *
 * <p>The Source App is unique and matched exactly. The password is write-only: it is encrypted by
 * {@link SecretCipher} before it reaches the entity, an input without it keeps the stored one, an
 * empty one removes it, and only {@link #revealPassword} turns it back into text, for delivery.
 * The URI is stored as given: delivery, not this class, reports a bad one ("Invalid MBOC URI").
 */
@ApplicationScoped
// Joins the caller's transaction (the admin resource's, or the import request's, so a connector
// in an import is written or rolled back with the rest of the request).
@Transactional(Transactional.TxType.MANDATORY)
public class Connectors {

  private static final String TOUCH = "UPDATE connector SET row_version = nextval('row_version_seq'),"
      + " updated_at = CURRENT_TIMESTAMP WHERE id = ?";

  @PersistenceContext(unitName = "planbridge")
  EntityManager em;

  @Inject SecretCipher cipher;

  public List<Connector> list() {
    return em.createQuery("SELECT c FROM Connector c ORDER BY c.sourceApp, c.id", Connector.class).getResultList();
  }

  public Optional<Connector> get(long id) {
    return Optional.ofNullable(em.find(Connector.class, id));
  }

  /** The connector of a Source App, matched exactly (case and spaces count). */
  public Optional<Connector> findBySourceApp(String sourceApp) {
    return em.createQuery("SELECT c FROM Connector c WHERE c.sourceApp = :sourceApp", Connector.class)
        .setParameter("sourceApp", sourceApp).getResultStream().findFirst();
  }

  /** A new connector; name and Source App are required, the Source App must be free. */
  public Connector create(ConnectorInput input) {
    input.check();
    for (ConnectorField required : List.of(ConnectorField.NAME, ConnectorField.SOURCE_APP)) {
      if (!input.has(required)) {
        throw ConnectorViolation.invalid(required, "is required");
      }
    }
    requireFree(input.text(ConnectorField.SOURCE_APP), null);
    Connector connector = new Connector();
    apply(connector, input);
    em.persist(connector);
    flush();
    em.refresh(connector);
    return connector;
  }

  /** Changes the fields the input has; 404 when there is no such connector. */
  public Connector update(long id, ConnectorInput input) {
    input.check();
    Connector connector = get(id).orElseThrow(() -> notFound(id));
    if (input.has(ConnectorField.SOURCE_APP)
        && !input.text(ConnectorField.SOURCE_APP).equals(connector.getSourceApp())) {
      requireFree(input.text(ConnectorField.SOURCE_APP), id);
    }
    apply(connector, input);
    return touch(connector);
  }

  /**
   * The import's upsert: the connector of the input's Source App gets the fields sent; a new one
   * is created, named after its Source App when no name is sent (older JS SDKs send none).
   */
  public Connector upsert(ConnectorInput input) {
    input.check();
    if (!input.has(ConnectorField.SOURCE_APP)) {
      throw ConnectorViolation.invalid(ConnectorField.SOURCE_APP, "is required");
    }
    Optional<Connector> existing = findBySourceApp(input.text(ConnectorField.SOURCE_APP));
    if (existing.isPresent()) {
      apply(existing.get(), input);
      return touch(existing.get());
    }
    if (!input.has(ConnectorField.NAME)) {
      input.set(ConnectorField.NAME, input.text(ConnectorField.SOURCE_APP));
    }
    return create(input);
  }

  public boolean delete(long id) {
    return get(id).map(this::remove).orElse(false);
  }

  /** Deletes the Source App's connector; none there is nothing to do. */
  public boolean deleteBySourceApp(String sourceApp) {
    return findBySourceApp(sourceApp).map(this::remove).orElse(false);
  }

  /** The connector's password as text, for delivery to its back office; null when none is set. */
  public String revealPassword(Connector connector) {
    return connector.getPasswordCipher() == null ? null : cipher.reveal(connector.getPasswordCipher());
  }

  private boolean remove(Connector connector) {
    em.remove(connector);
    flush();
    return true;
  }

  void apply(Connector connector, ConnectorInput input) {
    for (Map.Entry<ConnectorField, Object> entry : input.entries()) {
      Object value = entry.getValue();
      String text = value instanceof String s && !s.isEmpty() ? s : null;
      switch (entry.getKey()) {
        case NAME -> connector.setName(text);
        case DESCRIPTION -> connector.setDescription(text);
        case SOURCE_APP -> connector.setSourceApp(text);
        case SOURCE_TYPE -> connector.setSourceType(text);
        case SEND_APPOINTMENTS -> connector.setSendAppointments(value == null || (Boolean) value);
        case BACK_OFFICE_SYSTEM -> connector.setBackOfficeSystem((BackOfficeSystem) value);
        case BACK_OFFICE_TYPE -> connector.setBackOfficeType(text);
        case URI -> connector.setUri(text);
        case CERTIFICATE_FINGERPRINT -> connector.setCertificateFingerprint(text);
        case LOGIN -> connector.setLogin(text);
        case PASSWORD -> connector.setPasswordCipher(text == null ? null : cipher.encrypt(text));
        case AUTHENTICATION_TYPE -> connector.setAuthenticationType((Authentication) value);
        case COMPANY -> connector.setCompany(text);
        case SERVICE_NAME -> connector.setServiceName(text);
        case TIME_ZONE -> connector.setTimeZone(text);
        case FIELD_MAPPING -> connector.setFieldMapping(text);
        case CONCURRENCY -> connector.setConcurrency((Integer) value);
      }
    }
  }

  private void requireFree(String sourceApp, Long except) {
    findBySourceApp(sourceApp).filter(other -> !other.getId().equals(except)).ifPresent(other -> {
      throw taken(sourceApp, other.getId());
    });
  }

  private Connector touch(Connector connector) {
    flush();
    em.createNativeQuery(TOUCH).setParameter(1, connector.getId()).executeUpdate();
    em.refresh(connector);
    return connector;
  }

  private void flush() {
    try {
      em.flush();
    } catch (PersistenceException e) {
      // Two requests creating the same Source App at once: the unique constraint decides.
      if (Failures.rootMessage(e).toLowerCase(Locale.ROOT).contains("connector_source_app")) {
        throw new ConnectorViolation(ConnectorField.SOURCE_APP, 409, "another connector has the same Source App");
      }
      throw e;
    }
  }

  static ConnectorViolation notFound(long id) {
    return new ConnectorViolation(null, 404, "There is no connector with id " + id + ".");
  }

  static ConnectorViolation taken(String sourceApp, long otherId) {
    return new ConnectorViolation(ConnectorField.SOURCE_APP, 409,
        "connector " + otherId + " already has the Source App '" + sourceApp + "'; each Source App has one connector");
  }
}
