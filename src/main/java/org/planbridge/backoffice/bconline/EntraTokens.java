package org.planbridge.backoffice.bconline;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.net.ssl.TrustManager;
import org.planbridge.backoffice.DeliveryFailed;
import org.planbridge.backoffice.Target;
import org.planbridge.backoffice.nav.NavSetupProblem;

/**
 * The Bearer tokens of one connector version, from Microsoft Entra ID with its OAuth2 client credentials
 * ({@link BcCredentials}, the client credentials grant at {@code <authority>/<tenant>/oauth2/v2.0/token}): a token
 * is kept until {@link #MARGIN} before it expires, and fetched anew when Business Central refused it (a 401: revoked,
 * or a clock off). Shared by the drain's threads. Business Central's API (REST) and its SOAP web services take the
 * same token.
 */
public final class EntraTokens {

  /** A token is fetched again this long before it expires. */
  public static final Duration MARGIN = Duration.ofMinutes(2);

  /** A bearer token and when it expires. */
  public record Token(String value, Instant expires) {

    @Override
    public String toString() {
      return "Token[expires " + expires + "]";
    }
  }

  private final BcCredentials credentials;
  private final BcOnlineSettings settings;
  private final HttpClient http;
  private Token token;

  EntraTokens(BcCredentials credentials, BcOnlineSettings settings, HttpClient http) {
    this.credentials = credentials;
    this.settings = settings;
    this.http = http;
  }

  /**
   * The tokens of a connector's client credentials, the token endpoint trusted as {@code trust} says; none fetched
   * yet.
   *
   * @throws NavSetupProblem when its login and password are no client credentials, saying what is wrong
   */
  public static EntraTokens of(Target target, TrustManager[] trust, BcOnlineSettings settings)
      throws NavSetupProblem {
    return new EntraTokens(BcCredentials.of(target), settings, settings.httpClient(trust));
  }

  /** What a connection check says of a connector's client credentials (never the secret). */
  public static String describe(Target target) throws NavSetupProblem {
    return BcCredentials.of(target).describeSignIn();
  }

  /** The app and tenant, for messages: never the secret. */
  public String describe() {
    return credentials.describe();
  }

  /** What a connection check says of a token (never its value). */
  public String describe(Token issued) {
    return "issued by " + endpoint() + " for " + settings.scope() + ", expires in "
        + Duration.between(settings.clock().instant(), issued.expires()).toSeconds() + " s";
  }

  URI endpoint() {
    return URI.create(settings.authority().toString().replaceAll("/+$", "") + "/" + credentials.tenant()
        + "/oauth2/v2.0/token");
  }

  /** The cached token while it has more than {@link #MARGIN} left, else a new one. */
  public synchronized Token current() throws DeliveryFailed {
    if (!isCached()) {
      token = fetch();
    }
    return token;
  }

  /** Whether a token with more than {@link #MARGIN} left is cached. */
  public synchronized boolean isCached() {
    return token != null && settings.clock().instant().isBefore(token.expires().minus(MARGIN));
  }

  /** A new token, cached from now on: the one cached was refused. */
  public Token renew() throws DeliveryFailed {
    Token fresh = fetch();
    synchronized (this) {
      token = fresh;
    }
    return fresh;
  }

  /**
   * What it means that Business Central refused a token fetched anew (401) or the app (403) at {@code url}, with
   * what to check in Entra ID and in Business Central; null for another status.
   */
  public DeliveryFailed refused(int status, URI url, Throwable cause) {
    String message = BcFailures.refusal(status, url, credentials, "");
    return message == null ? null : new DeliveryFailed(BcFailures.withoutSecret(message, credentials), cause);
  }

  /** A new token from the token endpoint (client credentials grant), not cached. */
  public Token fetch() throws DeliveryFailed {
    String form = "grant_type=client_credentials&scope=" + encode(settings.scope());
    HttpRequest.Builder request = HttpRequest.newBuilder(endpoint()).header("Accept", "application/json")
        .header("Content-Type", "application/x-www-form-urlencoded");
    if (credentials.basic()) {
      String pair = encode(credentials.clientId()) + ":" + encode(credentials.clientSecret());
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(
          StandardCharsets.UTF_8)));
    } else {
      form += "&client_id=" + encode(credentials.clientId()) + "&client_secret=" + encode(credentials.clientSecret());
    }
    Instant asked = settings.clock().instant();
    HttpResponse<String> answer = BcHttp.send(http, request.POST(HttpRequest.BodyPublishers.ofString(form)),
        settings.readTimeoutMs());
    if (answer.statusCode() != 200) {
      throw BcFailures.token(answer, credentials, settings.scope());
    }
    JsonObject json = BcHttp.object(answer.body());
    JsonValue value = json == null ? null : json.get("access_token");
    JsonValue expiresIn = json == null ? null : json.get("expires_in");
    if (!(value instanceof JsonString text) || expiresIn == null) {
      throw new DeliveryFailed("The token endpoint " + endpoint() + " answered no access_token and expires_in");
    }
    long seconds = expiresIn instanceof JsonNumber n ? n.longValue()
        : Long.parseLong(((JsonString) expiresIn).getString().trim());
    return new Token(text.getString(), asked.plusSeconds(seconds));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
