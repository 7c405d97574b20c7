package org.planbridge.testing.bconline;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Business Central online's API for tests, serving the Dime.Scheduler API page under
 * {@code /v2.0/<tenant>/<environment>/api/dimeSoftware/dimeScheduler/v1.0}: {@code companies} (id, name,
 * displayName), {@code $metadata} (the {@code appointment} entity type, its {@code importance} enum and its
 * contained {@code resources}) and {@code companies(<id>)/appointments}, whose POSTs it records. Every request
 * needs {@code Authorization: Bearer <a token the EntraStub issued and that has not expired>}, else 401.
 * Like BC, it refuses a property the entity lacks or a value of the wrong JSON type (400), a second record with
 * the same {@code planBridgeTransactionId} (400 {@code Internal_EntityWithSameKeyExists}) and a company id it
 * does not know (404). On demand: 401 to the next request ({@link #unauthorizedOnce}), always 401
 * ({@link #unauthorizedAlways}), or a status with Retry-After ({@link #throttle}).
 */
public final class BcApiStub implements AutoCloseable {

  public static final String ENVIRONMENT = "production";
  public static final String COMPANY_ID = "5d115c9c-44e3-ea11-bb43-000d3a2feca1";
  public static final String COMPANY = "CRONUS USA, Inc.";
  public static final String OTHER_COMPANY_ID = "6e226d0d-55f4-fb22-cc54-111e4b3fdfb2";
  public static final String OTHER_COMPANY = "My Company";
  private static final String API = "/api/dimeSoftware/dimeScheduler/v1.0";
  private static final Pattern ENTITIES = Pattern.compile("companies\\(([^)]*)\\)/appointments");

  /** The appointment entity's properties and their OData types, as the stub's $metadata lists them. */
  private final Map<String, String> properties = new LinkedHashMap<>();
  private final EntraStub entra;
  private final HttpServer server;
  private final List<JsonObject> received = new CopyOnWriteArrayList<>();
  /** The token each received record came with (by identity: two records may be equal). */
  private final Map<JsonObject, String> tokens = Collections.synchronizedMap(new IdentityHashMap<>());
  private final Map<String, AtomicInteger> requests = new java.util.concurrent.ConcurrentHashMap<>();
  private final AtomicInteger unauthorized = new AtomicInteger();
  private volatile boolean alwaysUnauthorized;
  private volatile int throttleStatus;
  private volatile String retryAfter;
  private final AtomicInteger throttled = new AtomicInteger();
  private volatile long slowMs;
  private final java.util.concurrent.ExecutorService handlers = java.util.concurrent.Executors.newCachedThreadPool();
  /** Per Source App: records being created now, and the most at once. */
  private final Map<String, AtomicInteger> creating = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> mostAtOnce = new java.util.concurrent.ConcurrentHashMap<>();

  private BcApiStub(EntraStub entra, int port) throws IOException {
    this.entra = entra;
    String[] names = {"planBridgeTransactionId", "databaseAction", "sentFromBackoffice", "appointmentId", "sourceApp",
        "sourceType", "jobNo", "taskNo", "subject", "body", "startDate", "endDate", "timeMarker", "category",
        "importance", "isAllDayEvent", "planningQuantity", "planningUnitOfMeasure", "planningUoMConversion",
        "useFixPlanningQuantity", "roundToUnitOfMeasure", "backofficeId", "backofficeParentId"};
    properties.put("id", "Edm.Guid");
    for (String name : names) {
      properties.put(name, switch (name) {
        case "appointmentId" -> "Edm.Int32";
        case "startDate", "endDate" -> "Edm.DateTimeOffset";
        case "importance" -> "Microsoft.NAV.importance";
        case "planningQuantity", "planningUoMConversion" -> "Edm.Decimal";
        case "sentFromBackoffice", "isAllDayEvent", "useFixPlanningQuantity", "roundToUnitOfMeasure" -> "Edm.Boolean";
        default -> "Edm.String";
      });
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", this::handle);
    server.setExecutor(handlers); // requests at once, as BC takes them
    server.start();
  }

  public static BcApiStub start(EntraStub entra) throws IOException {
    return new BcApiStub(entra, 0);
  }

  /** The environment's API base, a connector's uri. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v2.0/" + EntraStub.TENANT + "/" + ENVIRONMENT;
  }

  /** The entity lacks this property from now on (an older extension). */
  public BcApiStub without(String property) {
    properties.remove(property);
    return this;
  }

  public List<JsonObject> received() {
    return received;
  }

  /** Who signed in the POST of {@code record}, one of {@link #received()}: the grant of its bearer token. */
  public EntraStub.Grant grant(JsonObject record) {
    return entra.grant(tokens.get(record));
  }

  /** How many requests came for a path below the API root ({@code companies}, {@code $metadata}, ...). */
  public int requests(String path) {
    return requests.getOrDefault(path, new AtomicInteger()).get();
  }

  /** The next request is answered 401, whatever its token. */
  public void unauthorizedOnce() {
    unauthorized.set(1);
  }

  public void unauthorizedAlways() {
    alwaysUnauthorized = true;
  }

  /** Each record takes this long to create from now on. */
  public void slow(java.time.Duration perRecord) {
    slowMs = perRecord.toMillis();
  }

  /** The most records of the Source App that were being created at once. */
  public int mostAtOnce(String sourceApp) {
    return mostAtOnce.getOrDefault(sourceApp, new AtomicInteger()).get();
  }

  /** The next {@code times} requests are answered {@code status} with {@code Retry-After: retryAfter}. */
  public void throttle(int status, String retryAfter, int times) {
    this.throttleStatus = status;
    this.retryAfter = retryAfter;
    throttled.set(times);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String prefix = "/v2.0/" + EntraStub.TENANT + "/" + ENVIRONMENT + API + "/";
      String path = exchange.getRequestURI().getRawPath();
      if (!path.startsWith(prefix)) {
        answer(exchange, 404, error("BadRequest_NotFound", "No HTTP resource was found that matches the request URI"));
        return;
      }
      String rest = path.substring(prefix.length());
      requests.computeIfAbsent(rest, k -> new AtomicInteger()).incrementAndGet();
      String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
      if (alwaysUnauthorized || unauthorized.getAndSet(0) == 1 || !authorization.startsWith("Bearer ")
          || !entra.valid(authorization.substring(7))) {
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer authorization_uri=\"https://login"
            + ".microsoftonline.com/" + EntraStub.TENANT + "/oauth2/authorize\"");
        answer(exchange, 401, error("Authentication_InvalidCredentials", "The server has rejected the client"
            + " credentials."));
        return;
      }
      if (throttled.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        exchange.getResponseHeaders().set("Retry-After", retryAfter);
        answer(exchange, throttleStatus, error("Application_TooManyRequests", "Too many requests reached. Actual"
            + " (601). Maximum (600)."));
        return;
      }
      Matcher entities = ENTITIES.matcher(rest);
      if (rest.equals("companies") && "GET".equals(exchange.getRequestMethod())) {
        answer(exchange, 200, Json.createObjectBuilder().add("value", Json.createArrayBuilder()
            .add(company(COMPANY_ID, COMPANY)).add(company(OTHER_COMPANY_ID, OTHER_COMPANY))).build().toString());
      } else if (rest.equals("$metadata")) {
        EntraStub.answer(exchange, 200, "application/xml", metadata());
      } else if (entities.matches() && "POST".equals(exchange.getRequestMethod())) {
        if (!entities.group(1).equals(COMPANY_ID) && !entities.group(1).equals(OTHER_COMPANY_ID)) {
          answer(exchange, 404, error("BadRequest_NotFound", "The company " + entities.group(1) + " does not"
              + " exist."));
          return;
        }
        create(exchange, authorization.substring(7));
      } else {
        answer(exchange, 404, error("BadRequest_NotFound", "The request URI is not valid."));
      }
    }
  }

  private void create(HttpExchange exchange, String token) throws IOException {
    JsonObject record;
    try (JsonReader reader = Json.createReader(new StringReader(new String(exchange.getRequestBody().readAllBytes(),
        StandardCharsets.UTF_8)))) {
      record = reader.readObject();
    }
    for (Map.Entry<String, JsonValue> entry : record.entrySet()) {
      String type = entry.getKey().equals("resources") ? "lines" : properties.get(entry.getKey());
      if (type == null) {
        answer(exchange, 400, error("BadRequest_PropertyNotFound", "The property '" + entry.getKey() + "' does not"
            + " exist on type 'Microsoft.NAV.appointment'. Make sure to only use property names that are defined by"
            + " the type."));
        return;
      }
      JsonValue.ValueType expected = switch (type) {
        case "lines" -> JsonValue.ValueType.ARRAY;
        case "Edm.Int32", "Edm.Decimal" -> JsonValue.ValueType.NUMBER;
        case "Edm.Boolean" -> entry.getValue().getValueType() == JsonValue.ValueType.FALSE ? JsonValue.ValueType.FALSE
            : JsonValue.ValueType.TRUE;
        default -> JsonValue.ValueType.STRING;
      };
      if (entry.getValue().getValueType() != expected) {
        answer(exchange, 400, error("BadRequest", "Cannot convert a primitive value to the expected type '" + type
            + "' of the property '" + entry.getKey() + "'."));
        return;
      }
    }
    String transaction = record.getString("planBridgeTransactionId", null);
    if (transaction != null && received.stream().anyMatch(r -> transaction.equals(r.getString(
        "planBridgeTransactionId", null)))) {
      answer(exchange, 400, error("Internal_EntityWithSameKeyExists", "The record in table Dime DS Appointment"
          + " already exists. Identification fields and values: PlanBridge Transaction Id='" + transaction + "'"
          + "  CorrelationId:  3f1e2d4c-5b6a-4789-8e9f-0a1b2c3d4e5f."));
      return;
    }
    String sourceApp = record.getString("sourceApp", "");
    int now = creating.computeIfAbsent(sourceApp, k -> new AtomicInteger()).incrementAndGet();
    mostAtOnce.computeIfAbsent(sourceApp, k -> new AtomicInteger()).accumulateAndGet(now, Math::max);
    try {
      Thread.sleep(slowMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      creating.get(sourceApp).decrementAndGet();
    }
    tokens.put(record, token);
    received.add(record);
    answer(exchange, 201, Json.createObjectBuilder(record).add("id", java.util.UUID.randomUUID().toString()).build()
        .toString());
  }

  private String metadata() {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<edmx:Edmx Version=\"4.0\""
        + " xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\"><edmx:DataServices>"
        + "<Schema Namespace=\"Microsoft.NAV\" xmlns=\"http://docs.oasis-open.org/odata/ns/edm\">"
        + "<EnumType Name=\"importance\"><Member Name=\"Low\" Value=\"0\"/><Member Name=\"Normal\" Value=\"1\"/>"
        + "<Member Name=\"High\" Value=\"2\"/></EnumType>"
        + "<EntityType Name=\"company\"><Key><PropertyRef Name=\"id\"/></Key><Property Name=\"id\" Type=\"Edm.Guid\""
        + " Nullable=\"false\"/><Property Name=\"name\" Type=\"Edm.String\" MaxLength=\"30\"/>"
        + "<Property Name=\"displayName\" Type=\"Edm.String\" MaxLength=\"250\"/>"
        + "<NavigationProperty Name=\"appointments\" Type=\"Collection(Microsoft.NAV.appointment)\""
        + " ContainsTarget=\"true\"/></EntityType>"
        + "<EntityType Name=\"appointment\"><Key><PropertyRef Name=\"id\"/></Key>");
    properties.forEach((name, type) -> xml.append("<Property Name=\"").append(name).append("\" Type=\"").append(type)
        .append("\"/>"));
    xml.append("<NavigationProperty Name=\"resources\" Type=\"Collection(Microsoft.NAV.appointmentResource)\""
        + " ContainsTarget=\"true\"/></EntityType>"
        + "<EntityType Name=\"appointmentResource\"><Key><PropertyRef Name=\"id\"/></Key>"
        + "<Property Name=\"id\" Type=\"Edm.Guid\" Nullable=\"false\"/>"
        + "<Property Name=\"resourceNo\" Type=\"Edm.String\" MaxLength=\"20\"/></EntityType>"
        + "<EntityContainer Name=\"default\"><EntitySet Name=\"companies\" EntityType=\"Microsoft.NAV.company\"/>"
        + "<EntitySet Name=\"appointments\" EntityType=\"Microsoft.NAV.appointment\"/></EntityContainer>"
        + "</Schema></edmx:DataServices></edmx:Edmx>");
    return xml.toString();
  }

  private static JsonObject company(String id, String name) {
    return Json.createObjectBuilder().add("id", id).add("systemVersion", "24.0.16410.18056").add("name", name)
        .add("displayName", name).add("businessProfileId", "").build();
  }

  private static String error(String code, String message) {
    return Json.createObjectBuilder().add("error", Json.createObjectBuilder().add("code", code).add("message",
        message)).build().toString();
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    EntraStub.answer(exchange, status, json);
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }

  /**
   * Runs both stubs until killed, the token endpoint on {@code -Dbc.entra.port} (default 7049) and the API on
   * {@code -Dbc.api.port} (default 7048), and prints what a connector and the server need.
   */
  public static void main(String[] args) throws Exception {
    EntraStub entra = EntraStub.start(Integer.getInteger("bc.entra.port", 7049));
    BcApiStub api = new BcApiStub(entra, Integer.getInteger("bc.api.port", 7048));
    System.out.println("Entra ID token endpoint: " + entra.authority() + "/" + EntraStub.TENANT
        + "/oauth2/v2.0/token (set planbridge.bconline.authority=" + entra.authority() + ")");
    System.out.println("Business Central API: " + api.url() + API + " (companies '" + COMPANY + "' " + COMPANY_ID
        + ", '" + OTHER_COMPANY + "' " + OTHER_COMPANY_ID + ")");
    System.out.println("Connector: system BC_ONLINE, type REST_API_PAGE, uri " + api.url() + ", company " + COMPANY
        + ", login " + EntraStub.TENANT + ", password " + EntraStub.PASSWORD);
    Thread.currentThread().join();
  }
}
