package org.planbridge.testing.bconline;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Microsoft Entra ID's token endpoint for tests, {@code POST /<tenant>/oauth2/v2.0/token} with the client
 * credentials grant, as the identity platform answers it: the client id and secret in the form body or as HTTP
 * Basic; a token with {@code expires_in} (an hour, as Entra ID issues them: the client's expiry is tested with
 * its clock); errors as {@code {"error": ..., "error_description": "AADSTS...: ..."}} (unknown tenant 400
 * invalid_request, unknown app 400 unauthorized_client, wrong secret 401 invalid_client, another scope 400
 * invalid_scope). {@link BcApiStub#main} runs it by hand, with the API.
 */
public final class EntraStub implements AutoCloseable {

  public static final String TENANT = "7f3e1c2a-0b6d-4e8f-9a1b-2c3d4e5f6a7b";
  public static final String CLIENT_ID = "0f5b8c1d-2e3f-4a5b-8c7d-9e0f1a2b3c4d";
  public static final String CLIENT_SECRET = "Xy8Q~s3cr3t&value=with%odd.chars";
  public static final String SCOPE = "https://api.businesscentral.dynamics.com/.default";
  /** A connector's password for these client credentials, as administrators write it (the secret URL-encoded). */
  public static final String PASSWORD = "client_id=" + CLIENT_ID + "&client_secret="
      + URLEncoder.encode(CLIENT_SECRET, StandardCharsets.UTF_8);

  /** Who a token was issued to: the tenant of the request's path, the client id, and how the secret came. */
  public record Grant(String tenant, String clientId, Via via) {}

  /** How a token request sent the client credentials. */
  public enum Via { BODY, BASIC }

  private final HttpServer server;
  private final Map<String, Instant> issued = new ConcurrentHashMap<>();
  private final Map<String, Grant> grants = new ConcurrentHashMap<>();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final AtomicInteger basicRequests = new AtomicInteger();
  private static final long EXPIRES_IN_SECONDS = 3599;

  private EntraStub(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public static EntraStub start() throws IOException {
    return new EntraStub(0);
  }

  /** On a given port: the one of the authority a server was started with. */
  public static EntraStub start(int port) throws IOException {
    return new EntraStub(port);
  }

  /** The authority, as {@code planbridge.bconline.authority}. */
  public String authority() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }


  public int tokenRequests() {
    return tokenRequests.get();
  }

  /** Token requests that sent the client credentials as HTTP Basic. */
  public int basicRequests() {
    return basicRequests.get();
  }

  /** Whether the stub issued this token and it has not expired. */
  public boolean valid(String token) {
    Instant expires = issued.get(token);
    return expires != null && Instant.now().isBefore(expires);
  }

  /** Who the token was issued to, or null when the stub did not issue it. */
  public Grant grant(String token) {
    return token == null ? null : grants.get(token);
  }

  /** Every token issued so far stops being valid (as if revoked). */
  public void revokeAll() {
    issued.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (!"POST".equals(exchange.getRequestMethod()) || !path.matches("/[^/]+/oauth2/v2\\.0/token")) {
        answer(exchange, 404, error("invalid_request", "AADSTS900561: The endpoint only accepts POST requests."));
        return;
      }
      tokenRequests.incrementAndGet();
      String tenant = path.split("/")[1];
      Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      String clientId = form.get("client_id");
      String secret = form.get("client_secret");
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      Via via = Via.BODY;
      if (authorization != null && authorization.startsWith("Basic ")) {
        basicRequests.incrementAndGet();
        via = Via.BASIC;
        String pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
        clientId = URLDecoder.decode(pair.substring(0, pair.indexOf(':')), StandardCharsets.UTF_8);
        secret = URLDecoder.decode(pair.substring(pair.indexOf(':') + 1), StandardCharsets.UTF_8);
      }
      if (!"client_credentials".equals(form.get("grant_type"))) {
        answer(exchange, 400, error("unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant"
            + " type."));
      } else if (!TENANT.equals(tenant)) {
        answer(exchange, 400, error("invalid_request", "AADSTS90002: Tenant '" + tenant + "' not found. Check to"
            + " make sure you have the correct tenant ID.\r\nTrace ID: " + UUID.randomUUID()));
      } else if (!CLIENT_ID.equals(clientId)) {
        answer(exchange, 400, error("unauthorized_client", "AADSTS700016: Application with identifier '" + clientId
            + "' was not found in the directory '" + tenant + "'.\r\nTrace ID: " + UUID.randomUUID()));
      } else if (!CLIENT_SECRET.equals(secret)) {
        answer(exchange, 401, error("invalid_client", "AADSTS7000215: Invalid client secret provided. Ensure the"
            + " secret being sent in the request is the client secret value, not the client secret ID.\r\nTrace ID: "
            + UUID.randomUUID()));
      } else if (!SCOPE.equals(form.get("scope"))) {
        answer(exchange, 400, error("invalid_scope", "AADSTS1002012: The provided value for scope "
            + form.get("scope") + " is not valid."));
      } else {
        String token = "eyJ0eXAiOiJKV1Qi." + UUID.randomUUID();
        issued.put(token, Instant.now().plusSeconds(EXPIRES_IN_SECONDS));
        grants.put(token, new Grant(tenant, clientId, via));
        answer(exchange, 200, Json.createObjectBuilder().add("token_type", "Bearer")
            .add("expires_in", EXPIRES_IN_SECONDS).add("ext_expires_in", EXPIRES_IN_SECONDS).add("access_token", token)
            .build().toString());
      }
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  private static String error(String code, String description) {
    return Json.createObjectBuilder().add("error", code).add("error_description", description)
        .add("error_codes", Json.createArrayBuilder().add(Integer.parseInt(description.replaceAll("^AADSTS(\\d+).*",
            "$1").lines().findFirst().orElse("0")))).build().toString();
  }

  static void answer(HttpExchange exchange, int status, String json) throws IOException {
    answer(exchange, status, "application/json; charset=utf-8", json);
  }

  static void answer(HttpExchange exchange, int status, String type, String text) throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
