package org.planbridge.backoffice.bconline;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import javax.net.ssl.TrustManager;
import org.planbridge.backoffice.Delivery;
import org.planbridge.backoffice.DeliveryFailed;
import org.planbridge.backoffice.Target;
import org.planbridge.backoffice.nav.NavSetupProblem;
import org.planbridge.backoffice.nav.PageMapping;
import org.planbridge.backoffice.tls.BackOfficeTrust;

/**
 * One connector version's way to its Business Central API: its credentials, address and mapping, an HttpClient on
 * its trust, and what it fetched once (the token until shortly before it expires, the company's id, the entity's
 * metadata). Shared by the drain's threads.
 */
final class BcConnection {

  /** A token is fetched again this long before it expires. */
  static final Duration MARGIN = Duration.ofMinutes(2);
  private static final String GUID = "\\p{XDigit}{8}(-\\p{XDigit}{4}){3}-\\p{XDigit}{12}";

  /** A bearer token and when it expires. */
  record Token(String value, Instant expires) {}

  /** Where and how tokens are fetched, and how long one call may take. */
  record Settings(URI authority, String scope, long connectTimeoutMs, long readTimeoutMs, Clock clock) {}

  final Target target;
  final BcCredentials credentials;
  final BcAddress address;
  final PageMapping mapping;
  private final Settings settings;
  private final HttpClient http;
  private Token token;
  private volatile String companyId;
  private volatile ApiMetadata entity;
  /** The entity once the mapping was found to fit it: checked once per connector version, not per delivery. */
  private volatile ApiMetadata fitted;

  BcConnection(Target target, BcCredentials credentials, BcAddress address, PageMapping mapping,
      TrustManager[] trust, Settings settings) {
    this.target = target;
    this.credentials = credentials;
    this.address = address;
    this.mapping = mapping;
    this.settings = settings;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(settings.connectTimeoutMs()))
        .sslContext(BackOfficeTrust.context(trust)).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  URI tokenEndpoint() {
    return URI.create(settings.authority().toString().replaceAll("/+$", "") + "/" + credentials.tenant()
        + "/oauth2/v2.0/token");
  }

  /** The cached token while it has more than {@link #MARGIN} left, else a new one. */
  synchronized Token token() throws DeliveryFailed {
    if (!hasToken()) {
      token = fetchToken();
    }
    return token;
  }

  synchronized boolean hasToken() {
    return token != null && settings.clock().instant().isBefore(token.expires().minus(MARGIN));
  }

  boolean isPrepared() {
    return companyId != null && fitted != null;
  }

  /** A new token from the token endpoint (client credentials grant). */
  Token fetchToken() throws DeliveryFailed {
    String form = "grant_type=client_credentials&scope=" + encode(settings.scope());
    HttpRequest.Builder request = HttpRequest.newBuilder(tokenEndpoint()).header("Accept", "application/json")
        .header("Content-Type", "application/x-www-form-urlencoded");
    if (credentials.basic()) {
      String pair = encode(credentials.clientId()) + ":" + encode(credentials.clientSecret());
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(
          StandardCharsets.UTF_8)));
    } else {
      form += "&client_id=" + encode(credentials.clientId()) + "&client_secret=" + encode(credentials.clientSecret());
    }
    Instant asked = settings.clock().instant();
    HttpResponse<String> answer = send(request.POST(HttpRequest.BodyPublishers.ofString(form)));
    if (answer.statusCode() != 200) {
      throw BcFailures.token(answer, credentials, settings.scope());
    }
    JsonObject json = read(answer.body(), r -> r instanceof JsonObject o ? o : null);
    JsonValue value = json == null ? null : json.get("access_token");
    JsonValue expiresIn = json == null ? null : json.get("expires_in");
    if (!(value instanceof JsonString text) || expiresIn == null) {
      throw new DeliveryFailed("The token endpoint " + tokenEndpoint() + " answered no access_token and expires_in");
    }
    long seconds = expiresIn instanceof JsonNumber n ? n.longValue()
        : Long.parseLong(((JsonString) expiresIn).getString().trim());
    return new Token(text.getString(), asked.plusSeconds(seconds));
  }

  /**
   * Sends a request to the API with the token; on a 401 once more with a token fetched anew (the one cached may
   * have been revoked or the clock be off). The answer is the caller's to judge.
   */
  HttpResponse<String> call(HttpRequest.Builder request) throws DeliveryFailed {
    HttpResponse<String> answer = send(request.copy().header("Authorization", "Bearer " + token().value()));
    if (answer.statusCode() != 401) {
      return answer;
    }
    Token fresh = fetchToken();
    synchronized (this) {
      token = fresh;
    }
    return send(request.copy().header("Authorization", "Bearer " + fresh.value()));
  }

  /** The API's JSON at {@code url} (a GET), else the failure it answered. */
  private String get(URI url, String accept) throws DeliveryFailed {
    HttpResponse<String> answer = call(HttpRequest.newBuilder(url).header("Accept", accept).GET());
    if (answer.statusCode() != 200) {
      throw BcFailures.status(answer, credentials);
    }
    return answer.body();
  }

  /**
   * The company's id: the one the URI or the connector names when it is a GUID, else the id of the company of that
   * name (or display name) as the API's companies list it; with none named, the only one there is.
   *
   * @throws NavSetupProblem when no company of that name is there, naming those that are
   */
  String companyId() throws DeliveryFailed, NavSetupProblem {
    if (companyId == null) {
      String wanted = address.company() != null ? address.company()
          : target.company() == null || target.company().isBlank() ? null : target.company().trim();
      companyId = wanted != null && wanted.matches(GUID) ? wanted : lookUp(wanted);
    }
    return companyId;
  }

  private String lookUp(String wanted) throws DeliveryFailed, NavSetupProblem {
    JsonObject list = read(get(address.companies(), "application/json"), v -> v instanceof JsonObject o ? o : null);
    List<String> names = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (JsonValue value : list == null || list.getJsonArray("value") == null ? List.<JsonValue>of()
        : list.getJsonArray("value")) {
      JsonObject company = value.asJsonObject();
      String name = company.getString("name", "");
      names.add("'" + name + "'");
      ids.add(company.getString("id", ""));
      if (wanted != null && (name.equalsIgnoreCase(wanted) || company.getString("displayName", "")
          .equalsIgnoreCase(wanted))) {
        return company.getString("id");
      }
    }
    if (wanted == null && ids.size() == 1) {
      return ids.get(0);
    }
    throw new NavSetupProblem((wanted == null ? "the connector names no company (company, or companies(<id>) in"
        + " the URI)" : "the company '" + wanted + "' is not in the environment") + "; " + address.companies()
        + " lists " + (names.isEmpty() ? "none" : String.join(", ", names)));
  }

  /** The entity set's properties, from the API's $metadata (read once). */
  ApiMetadata entity() throws DeliveryFailed, NavSetupProblem {
    if (entity == null) {
      entity = ApiMetadata.parse(get(address.metadata(), "application/xml"), address.entitySet());
    }
    return entity;
  }

  /** The entity's properties, checked against the mapping once. */
  ApiMetadata fitted() throws DeliveryFailed, NavSetupProblem {
    if (fitted == null) {
      fitted = fit();
    }
    return fitted;
  }

  /** The entity's properties, once the mapping is known to fit them. */
  ApiMetadata fit() throws DeliveryFailed, NavSetupProblem {
    ApiMetadata checked = entity();
    List<String> problems = mapping.problems(checked.type(), checked.fields());
    if (!problems.isEmpty()) {
      throw new NavSetupProblem("the field mapping does not fit the API's " + checked.type() + " at "
          + address.root() + ": " + String.join("; ", problems));
    }
    return checked;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws DeliveryFailed {
    HttpRequest built = request.timeout(Duration.ofMillis(settings.readTimeoutMs())).build();
    try {
      return http.send(built, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw BcFailures.io(e, built.uri(), settings.readTimeoutMs());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailed("Interrupted while calling " + built.uri(), e);
    }
  }

  private static <T> T read(String body, Function<JsonValue, T> as) {
    try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
      return as.apply(reader.readValue());
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** Whether an answer is the API refusing a second record with this transaction id: delivered before. */
  boolean alreadyDelivered(HttpResponse<String> answer, Delivery delivery) throws DeliveryFailed, NavSetupProblem {
    String field = mapping.target("transactionId");
    return (answer.statusCode() == 400 || answer.statusCode() == 409) && field != null
        && entity().fields().containsKey(field) && delivery.refusedAsDelivered(BcFailures.odata(answer.body()));
  }
}
