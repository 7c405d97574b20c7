package org.planbridge.backoffice.bconline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.planbridge.backoffice.BackOfficeClient;
import org.planbridge.backoffice.CheckList;
import org.planbridge.backoffice.CheckStep;
import org.planbridge.backoffice.ConnectorCache;
import org.planbridge.backoffice.Delivery;
import org.planbridge.backoffice.DeliveryFailed;
import org.planbridge.backoffice.Target;
import org.planbridge.backoffice.nav.NavSetupProblem;
import org.planbridge.backoffice.nav.PageMapping;
import org.planbridge.backoffice.tls.BackOfficeTrust;

/**
 * {@code REST_API_PAGE}: each transaction, deletes included, is one POST of a JSON record to the Dime.Scheduler
 * API page ({@code .../api/dimeSoftware/dimeScheduler/v1.0/companies(<id>)/appointments}) with its Database
 * Action, the resources inserted with it; the back office processes the record by that action. Signed in with
 * OAuth2 client credentials from Microsoft Entra ID ({@link BcCredentials}). Per connector version
 * ({@link BcConnection}): the token ({@link EntraTokens}), kept until shortly before it expires and fetched again
 * once on a 401; the
 * company's id, looked up by name once; the entity's properties from the API's {@code $metadata}, against which
 * the mapping ({@code rest-mapping.json}, overridable per connector) is checked once. The token endpoint and the
 * API both trust what {@link BackOfficeTrust} trusts, with the connector's pin.
 *
 * <p>A redelivery of a transaction Business Central already has (the API refuses a second record with the same
 * PlanBridge transaction id: "already exists") counts as Success: the appointment is there once. A 429, 503 or
 * 504 carries the Retry-After asked for.
 */
@ApplicationScoped
public class BcOnlineClient implements BackOfficeClient {

  static final PageMapping.Defaults DEFAULTS = PageMapping.Defaults.load(BcOnlineClient.class, "rest-mapping.json");
  private static final Logger LOG = Logger.getLogger(BcOnlineClient.class.getName());

  @Inject BcOnlineSettings settings;

  @Inject BackOfficeTrust trust;

  private final ConnectorCache<BcConnection> connections = new ConnectorCache<>();

  @Override
  public void send(Delivery delivery) throws DeliveryFailed {
    Target target = delivery.target();
    BcConnection connection = connections.get(target, this::open);
    URI url;
    String record;
    try {
      url = connection.address.entities(connection.companyId());
      JsonObject payload = RestPayload.create(delivery.change(), connection.fitted(), connection.mapping,
          target.timeZone() == null ? ZoneOffset.UTC : target.timeZone());
      record = payload.toString();
    } catch (NavSetupProblem e) {
      throw misconfigured(target, e);
    }
    HttpResponse<String> answer = connection.call(HttpRequest.newBuilder(url).header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(record, StandardCharsets.UTF_8)));
    if (answer.statusCode() / 100 == 2) {
      return;
    }
    try {
      if (connection.alreadyDelivered(answer, delivery)) {
        LOG.fine(() -> "Transaction " + delivery.transactionId() + " was already in " + url);
        return;
      }
    } catch (NavSetupProblem e) {
      throw misconfigured(target, e);
    }
    throw BcFailures.status(answer, connection.credentials);
  }

  /**
   * Each call connecting and waiting for its answer: the POST and, after a 401, a token fetch and the POST again;
   * a token fetch first when no token is cached, and the company lookup and the metadata when not read yet.
   */
  @Override
  public long longestDeliveryMs(Target target) {
    BcConnection connection = connections.current(target);
    int calls = 3 + (connection != null && connection.tokens.isCached() ? 0 : 1)
        + (connection != null && connection.isPrepared() ? 0 : 2);
    return calls * settings.longestCallMs();
  }

  /**
   * The credentials as they will be used, the API's URL, the field mapping, the trust, a token fetched anew
   * (which tells a wrong secret, client id or tenant apart), the company's id, the entity set in the API's
   * $metadata and the mapping against its properties. No appointment is sent.
   */
  @Override
  public List<CheckStep> check(Target target) {
    AtomicReference<BcConnection> connection = new AtomicReference<>();
    CheckList steps = new CheckList(e -> e.getMessage());
    BcCredentials credentials = steps.run("credentials", () -> BcCredentials.of(target),
        BcCredentials::describeSignIn);
    BcAddress address = steps.run("API URL", () -> BcAddress.of(target), a -> a.root() + " (entity set "
        + a.entitySet() + ")");
    PageMapping mapping = steps.run("field mapping", () -> PageMapping.of(DEFAULTS, target.fieldMapping()),
        m -> target.fieldMapping() == null ? "the default mapping" : "the default mapping with the connector's own");
    steps.run("TLS trust", () -> {
      connection.set(new BcConnection(target, credentials, address, mapping, trust.forConnector(target),
          settings));
      return connection.get();
    }, c -> BackOfficeTrust.describe(target));
    steps.run("token", () -> connection.get().tokens.fetch(), t -> connection.get().tokens.describe(t));
    steps.run("company", () -> connection.get().companyId(), id -> "the company "
        + (address.company() != null ? address.company() : target.company() == null ? "(the only one)"
        : "'" + target.company() + "'") + " has the id " + id);
    ApiMetadata entity = steps.run("metadata", () -> connection.get().entity(), m -> "the entity set "
        + address.entitySet() + " is " + m.type() + " with " + m.fields().size() + " properties");
    steps.run("fields", () -> connection.get().fit(), ignored -> "every mapped field is a property of " + (entity
        == null ? "" : entity.type()));
    return steps.steps();
  }

  /** The connection of a connector version, opened: no call made yet. */
  private BcConnection open(Target target) throws DeliveryFailed {
    try {
      return new BcConnection(target, BcCredentials.of(target), BcAddress.of(target),
          PageMapping.of(DEFAULTS, target.fieldMapping()), trust.forConnector(target), settings);
    } catch (NavSetupProblem e) {
      throw misconfigured(target, e);
    }
  }

  private static DeliveryFailed misconfigured(Target target, NavSetupProblem problem) {
    return DeliveryFailed.misconfigured("Connector " + target.connectorId() + ": " + problem.getMessage(), problem);
  }
}
