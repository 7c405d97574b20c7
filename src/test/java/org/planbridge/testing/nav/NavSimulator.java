package org.planbridge.testing.nav;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;
import org.w3c.dom.Element;

/**
 * A Microsoft Dynamics NAV / Business Central on-premises server as a SOAP client sees it, on
 * 127.0.0.1: the page web service {@code Appointment} at
 * {@code http://127.0.0.1:<port>/<Instance>/WS/<Company>/Page/Appointment} (its WSDL on GET, SOAP 1.1
 * on POST) and the PlanBridge codeunit web service at {@code .../WS/<Company>/Codeunit/PlanBridge} (and
 * under any other name {@link Builder#codeunit} adds; {@link #codeunitCalls()}, {@link #processed()}),
 * behind NTLM and/or Negotiate (a raw NTLM token, as Windows accepts it) bound to the TCP
 * connection as IIS/http.sys does, or behind Basic (NavUserPassword, web service access key), or
 * behind a Bearer token as Business Central online ({@link Builder#bearer}; with the instance
 * {@code v2.0/<tenant>/<environment>} its URLs are BC online's).
 *
 * <p>It keeps every SOAP call it received after authentication ({@link #received()}), the records
 * Create stored ({@link #stored()}), and counts authentication failures, Basic headers offered to a
 * Windows server and completed handshakes. On demand it faults ({@link #failNext}, {@link #fault}),
 * answers an HTTP status ({@link #answerStatus}), throttles calls with a Retry-After ({@link #throttle}) or
 * is slow ({@link #delay}). Requests are handled in parallel. With {@link Builder#tls} it speaks HTTPS, and
 * its URLs start with {@code https://127.0.0.1}.
 * {@link #main} runs it by hand.
 */
public final class NavSimulator implements AutoCloseable {

  /** How the server asks for credentials. */
  public enum AuthMode {
    /** {@code WWW-Authenticate: NTLM}. */
    NTLM_ONLY,
    /** {@code WWW-Authenticate: Negotiate}; the client answers with a raw NTLM token. */
    NEGOTIATE_ONLY,
    /** Both headers, Negotiate first, as IIS and NAV send them. */
    BOTH,
    /** {@code WWW-Authenticate: Basic}: NavUserPassword, or the web service access key as the password. */
    BASIC,
    /**
     * {@code WWW-Authenticate: Bearer}, as Business Central online: a token {@link Builder#bearer} accepts (one
     * the Entra ID stub issued and that has not expired); a missing, wrong or expired one is a 401.
     */
    BEARER
  }

  /** The Windows domain (NetBIOS name) of the default user. */
  public static final String DOMAIN = "CRONUS";
  /** The default user. */
  public static final String USER = "navuser";
  /** The default user's password. */
  public static final String PASSWORD = "Nav-Pa55word!";
  /** The default user as a Windows login, {@code DOMAIN\USER}. */
  public static final String WINDOWS_LOGIN = DOMAIN + "\\" + USER;

  public static final String PAGE = "Appointment";
  public static final String LINES = "Resources";
  public static final String LINE_TYPE = "Appointment_Resource";
  public static final String TRANSACTION_FIELD = "PlanBridge_Transaction_Id";
  public static final String NAMESPACE = PageWsdl.namespace(PAGE);
  /** The codeunit service every simulator publishes (the SOAP_CODEUNIT default); {@link Builder#codeunit} adds more. */
  public static final String CODEUNIT = CodeunitService.DEFAULT_NAME;

  /** A record Create stored: its Entry No., Key, fields (Key first, page order) and resource lines. */
  public record Stored(int entryNo, String key, Map<String, String> fields, List<Map<String, String>> resources) {}

  /** The settings of a simulator; {@link #start()} starts one. */
  public static final class Builder {
    private int port;
    private String instance = "BC";
    private List<String> companies = List.of("CRONUS International Ltd.");
    private AuthMode mode = AuthMode.NTLM_ONLY;
    private String domain = DOMAIN;
    private String user = USER;
    private String password = PASSWORD;
    private String accessKey;
    private List<PageField> fields = PageField.appointmentDefaults();
    private List<PageField> resourceFields = PageField.resourceDefaults();
    private SSLContext tls;
    private final List<String> codeunits = new ArrayList<>(List.of(CODEUNIT));
    private boolean countOnly;
    private Predicate<String> tokens = token -> false;

    /** The port to listen on; 0 (the default) for a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** The server instance, or on BC online {@code v2.0/<tenant>/<environment>} (its segments). */
    public Builder instance(String instance) {
      this.instance = instance;
      return this;
    }

    /** The companies; the first is the default of {@link #pageUrl()}. */
    public Builder companies(String... companies) {
      this.companies = List.of(companies);
      return this;
    }

    public Builder mode(AuthMode mode) {
      this.mode = mode;
      return this;
    }

    /** {@link AuthMode#BEARER}, with the tokens {@code valid} accepts (e.g. {@code EntraStub::valid}). */
    public Builder bearer(Predicate<String> valid) {
      this.mode = AuthMode.BEARER;
      this.tokens = valid;
      return this;
    }

    /** The Windows domain (NetBIOS name) of the user; compared without case. */
    public Builder domain(String domain) {
      this.domain = domain;
      return this;
    }

    /** The user name (Windows or NavUserPassword); compared without case. */
    public Builder user(String user) {
      this.user = user;
      return this;
    }

    public Builder password(String password) {
      this.password = password;
      return this;
    }

    /** A web service access key Basic also accepts as the password (none by default). */
    public Builder accessKey(String accessKey) {
      this.accessKey = accessKey;
      return this;
    }

    /** The page's fields, in page order (see {@link PageField#appointmentDefaults()}). */
    public Builder fields(List<PageField> fields) {
      this.fields = List.copyOf(fields);
      return this;
    }

    /** The fields of a resource line; empty for a page without the Resources subpage. */
    public Builder resourceFields(List<PageField> resourceFields) {
      this.resourceFields = List.copyOf(resourceFields);
      return this;
    }

    /** HTTPS with the server certificate and key of {@code context} (its key managers); null: plain HTTP. */
    public Builder tls(SSLContext context) {
      this.tls = context;
      return this;
    }

    /** Publishes the PlanBridge codeunit under this service name too (its namespace and SOAPAction with it). */
    public Builder codeunit(String name) {
      codeunits.add(name);
      return this;
    }

    /**
     * Keeps no calls and no records, only the counters, for a benchmark of many thousands of calls: {@link #received()}
     * and {@link #stored()} stay empty, Create refuses no duplicate transaction id, and {@link #onReceived} still sees
     * every call.
     */
    public Builder countOnly() {
      this.countOnly = true;
      return this;
    }

    public NavSimulator start() throws IOException {
      return new NavSimulator(this);
    }
  }

  /** What the server knows of one TCP connection (client ip:port). */
  private static final class Connection {
    byte[] challenge;
    String challengeScheme;
    String user;
    String scheme;
    int requests;
  }

  private record Principal(String user, String scheme) {}

  private record OnDemand(AtomicInteger left, int status, String retryAfter, String code, String message) {}

  private final Builder settings;
  private final HttpServer server;
  private final ExecutorService threads;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Connection> connections = new ConcurrentHashMap<>();
  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
  private final List<Stored> stored = new ArrayList<>();
  private final List<Received> codeunitCalls = Collections.synchronizedList(new ArrayList<>());
  /** The transactions the codeunits processed ({@code <codeunit>/<transaction id>}), each with its Entry No. */
  private final Map<String, Integer> processed = new LinkedHashMap<>();
  private final List<String> authFailures = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger basicInWindowsMode = new AtomicInteger();
  private final AtomicInteger handshakes = new AtomicInteger();
  private final List<PageField> fields;
  private volatile OnDemand status;
  private volatile OnDemand throttle;
  private volatile OnDemand faults;
  private volatile OnDemand persistentFault;
  private volatile long delayMs;
  private volatile Consumer<Received> listener = r -> {};
  private int lastEntryNo;

  private NavSimulator(Builder settings) throws IOException {
    this.settings = settings;
    this.fields = settings.fields;
    InetSocketAddress address = new InetSocketAddress("127.0.0.1", settings.port);
    if (settings.tls == null) {
      server = HttpServer.create(address, 200);
    } else {
      HttpsServer https = HttpsServer.create(address, 200);
      https.setHttpsConfigurator(new HttpsConfigurator(settings.tls));
      server = https;
    }
    server.createContext("/", this::handle);
    threads = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "nav-simulator");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(threads);
    server.start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A simulator with the defaults: NTLM, CRONUS\navuser, a free port. */
  public static NavSimulator start() throws IOException {
    return builder().start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public AuthMode mode() {
    return settings.mode;
  }

  /** The page URL of the first company. */
  public String pageUrl() {
    return pageUrl(settings.companies.get(0));
  }

  /** The page URL of {@code company}, path-encoded as NAV writes it ({@code %20}, never {@code +}). */
  public String pageUrl(String company) {
    return companyUrl(company) + "/Page/" + PAGE;
  }

  /** The URL of the codeunit {@code name} for the first company ({@code .../WS/<Company>/Codeunit/<Name>}). */
  public String codeunitUrl(String name) {
    return codeunitUrl(settings.companies.get(0), name);
  }

  public String codeunitUrl(String company, String name) {
    return companyUrl(company) + "/Codeunit/" + pathSegment(name);
  }

  /** The list of a company's services ({@code .../WS/<Company>/Services}). */
  public String servicesUrl(String company) {
    return companyUrl(company) + "/Services";
  }

  /** The next {@code count} SOAP calls are answered with this fault (code without prefix, e.g. NavCSideException's). */
  public void failNext(int count, String faultCode, String faultString) {
    faults = new OnDemand(new AtomicInteger(count), 500, null, faultCode, faultString);
  }

  /** Every SOAP call is answered with this fault until {@link #clearFault()}. */
  public void fault(String faultCode, String faultString) {
    persistentFault = new OnDemand(new AtomicInteger(Integer.MAX_VALUE), 500, null, faultCode, faultString);
  }

  public void clearFault() {
    persistentFault = null;
    faults = null;
  }

  /**
   * The next {@code count} requests, whatever they are, are answered with {@code status} before any
   * authentication, with {@code Retry-After} when {@code retryAfterSeconds} is positive.
   */
  public void answerStatus(int count, int status, int retryAfterSeconds) {
    this.status = new OnDemand(new AtomicInteger(count), status, retryAfterSeconds > 0
        ? String.valueOf(retryAfterSeconds) : null, null, null);
  }

  /**
   * The next {@code calls} SOAP calls (to a page or a codeunit, after their authentication, as NAV's service tier
   * throttles) are answered with {@code status} (429 or 503) and this {@code Retry-After} (seconds or an HTTP date;
   * none when null), as IIS and NAV do: a 503 with http.sys's HTML page, a 429 with no body; never a SOAP fault.
   * They are neither processed nor kept in {@link #received()}.
   */
  public void throttle(int calls, int status, String retryAfter) {
    throttle = new OnDemand(new AtomicInteger(calls), status, retryAfter, null, null);
  }

  /** Each SOAP call is answered only after this delay. */
  public void delay(Duration delay) {
    delayMs = delay.toMillis();
  }

  /** Called with each SOAP call received, on the thread that answers it. */
  public void onReceived(Consumer<Received> listener) {
    this.listener = listener;
  }

  public List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /** The Create calls received, in order. */
  public List<Received> creates() {
    return received().stream().filter(r -> r.operation().equals("Create")).toList();
  }

  /** The calls to the codeunits received, in order, whatever they answered. */
  public List<Received> codeunitCalls() {
    synchronized (codeunitCalls) {
      return List.copyOf(codeunitCalls);
    }
  }

  /** The transactions the codeunits processed once each, as {@code <codeunit>/<transaction id>}, in order. */
  public List<String> processed() {
    synchronized (stored) {
      return List.copyOf(processed.keySet());
    }
  }

  /** The records Create stored, in Entry No. order. */
  public List<Stored> stored() {
    synchronized (stored) {
      return List.copyOf(stored);
    }
  }

  /** How many authentications failed (wrong password or user, NTLMv1, refused scheme, ...). */
  public int authFailures() {
    return authFailures.size();
  }

  /** Why each failed authentication failed, in order. */
  public List<String> authFailureReasons() {
    synchronized (authFailures) {
      return List.copyOf(authFailures);
    }
  }

  /** How many Basic Authorization headers arrived while the server wanted Windows authentication. */
  public int basicHeadersInWindowsMode() {
    return basicInWindowsMode.get();
  }

  /** How many NTLM handshakes completed (one per authenticated connection). */
  public int handshakes() {
    return handshakes.get();
  }

  /** Requests per TCP connection (client ip:port), handshake legs included. */
  public Map<String, Integer> requestsPerConnection() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    connections.forEach((address, connection) -> {
      synchronized (connection) {
        counts.put(address, connection.requests);
      }
    });
    return counts;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  private String companyUrl(String company) {
    String instance = String.join("/", Arrays.stream(settings.instance.split("/")).map(NavSimulator::pathSegment)
        .toList());
    return (settings.tls == null ? "http" : "https") + "://127.0.0.1:" + port() + "/" + instance + "/WS/"
        + pathSegment(company);
  }

  /** Percent-encodes a path segment: unreserved characters stay, everything else is %XX of its UTF-8. */
  static String pathSegment(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      byte[] body = exchange.getRequestBody().readAllBytes();
      Connection connection = connections.computeIfAbsent(exchange.getRemoteAddress().toString(),
          address -> new Connection());
      synchronized (connection) {
        connection.requests++;
      }
      if (refused(exchange, status, "<html><body>HTTP Error %d</body></html>")) {
        return;
      }
      Principal principal = switch (settings.mode) {
        case BASIC -> basic(exchange);
        case BEARER -> bearer(exchange);
        default -> windows(exchange, connection);
      };
      if (principal != null) {
        route(exchange, principal, body);
      }
    } catch (RuntimeException e) {
      send(exchange, 500, "text/plain; charset=utf-8", "NAV simulator failed: " + e);
    } finally {
      exchange.close();
    }
  }

  private void route(HttpExchange exchange, Principal principal, byte[] body) throws IOException {
    String[] segments = exchange.getRequestURI().getRawPath().split("/");
    List<String> path = new ArrayList<>();
    try {
      for (int i = 1; i < segments.length; i++) {
        path.add(URLDecoder.decode(segments[i].replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    } catch (IllegalArgumentException e) {
      send(exchange, 400, "text/html; charset=utf-8", "<html><body>Bad Request</body></html>");
      return;
    }
    List<String> instance = List.of(settings.instance.split("/"));
    if (path.size() >= instance.size() && String.join("/", path.subList(0, instance.size()))
        .equalsIgnoreCase(settings.instance)) {
      path.subList(0, instance.size()).clear();
      path.add(0, settings.instance);
    }
    boolean company = path.size() >= 4 && path.get(0).equalsIgnoreCase(settings.instance)
        && path.get(1).equalsIgnoreCase("WS") && settings.companies.contains(path.get(2));
    boolean page = company && path.size() == 5 && path.get(3).equalsIgnoreCase("Page")
        && path.get(4).equalsIgnoreCase(PAGE);
    boolean services = company && path.size() == 4 && path.get(3).equalsIgnoreCase("Services");
    String codeunit = company && path.size() == 5 && path.get(3).equalsIgnoreCase("Codeunit")
        ? settings.codeunits.stream().filter(path.get(4)::equalsIgnoreCase).findFirst().orElse(null) : null;
    String method = exchange.getRequestMethod();
    if (page && method.equals("GET")) {
      send(exchange, 200, "text/xml; charset=utf-8", PageWsdl.of(PAGE, fields, LINES, LINE_TYPE,
          settings.resourceFields, pageUrl(path.get(2))));
    } else if (services && method.equals("GET")) {
      send(exchange, 200, "text/xml; charset=utf-8", "<?xml version=\"1.0\" encoding=\"utf-8\"?><discovery"
          + " xmlns=\"http://schemas.xmlsoap.org/disco/\"><contractRef ref=\""
          + SoapMessages.escape(pageUrl(path.get(2))) + "\" xmlns=\"http://schemas.xmlsoap.org/disco/scl/\"/>"
          + "</discovery>");
    } else if ((page || codeunit != null) && method.equals("POST") && refused(exchange, throttle, null)) {
      return;
    } else if (page && method.equals("POST")) {
      soap(exchange, principal, path.get(2), new String(body, StandardCharsets.UTF_8), this::page, new ArrayList<>());
    } else if (codeunit != null && method.equals("GET")) {
      send(exchange, 200, "text/xml; charset=utf-8", CodeunitService.wsdl(codeunit, codeunitUrl(path.get(2),
          codeunit)));
    } else if (codeunit != null && method.equals("POST")) {
      soap(exchange, principal, path.get(2), new String(body, StandardCharsets.UTF_8),
          (wrapper, action, call) -> codeunit(codeunit, wrapper, action, call), codeunitCalls);
    } else if (page || services || codeunit != null) {
      send(exchange, 405, "text/html; charset=utf-8", "<html><body>Method Not Allowed</body></html>");
    } else {
      send(exchange, 404, "text/html; charset=utf-8", "<html><body><h2>Not Found</h2></body></html>");
    }
  }

  /**
   * Answers {@code on}'s status when it has answers left: its Retry-After, and the {@code html} page (%d: the
   * status) or, when null, IIS's own for 503 and no body for anything else.
   */
  private static boolean refused(HttpExchange exchange, OnDemand on, String html) throws IOException {
    if (on == null || on.left().getAndDecrement() <= 0) {
      return false;
    }
    if (on.retryAfter() != null) {
      exchange.getResponseHeaders().add("Retry-After", on.retryAfter());
    }
    String page = html != null ? String.format(html, on.status()) : on.status() == 503 ? SERVICE_UNAVAILABLE : "";
    send(exchange, on.status(), page.isEmpty() ? "text/plain" : "text/html; charset=us-ascii", page);
    return true;
  }

  /** http.sys's answer when its queue is full or the application pool is down. */
  private static final String SERVICE_UNAVAILABLE = "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\"\"http://www"
      + ".w3.org/TR/html4/strict.dtd\">\r\n<HTML><HEAD><TITLE>Service Unavailable</TITLE>\r\n<META HTTP-EQUIV="
      + "\"Content-Type\" Content=\"text/html; charset=us-ascii\"></HEAD>\r\n<BODY><h2>Service Unavailable</h2>\r\n"
      + "<hr><p>HTTP Error 503. The service is unavailable.</p>\r\n</BODY></HTML>\r\n";

  // ---- authentication

  private Principal basic(HttpExchange exchange) throws IOException {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null) {
      return unauthorized(exchange, null);
    }
    String[] parts = header.trim().split("\\s+", 2);
    if (!parts[0].equalsIgnoreCase("Basic") || parts.length < 2) {
      return unauthorized(exchange, "scheme " + parts[0] + " offered to a Basic server");
    }
    String credentials;
    try {
      credentials = new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return unauthorized(exchange, "Basic credentials are not base64");
    }
    int colon = credentials.indexOf(':');
    String user = colon < 0 ? credentials : credentials.substring(0, colon);
    String secret = colon < 0 ? "" : credentials.substring(colon + 1);
    if (!user.equalsIgnoreCase(settings.user)) {
      return unauthorized(exchange, "Basic: unknown user " + user);
    }
    if (!secret.equals(settings.password) && !secret.equals(settings.accessKey)) {
      return unauthorized(exchange, "Basic: wrong password or access key for " + user);
    }
    return new Principal(user, "Basic");
  }

  private Principal bearer(HttpExchange exchange) throws IOException {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null) {
      return unauthorized(exchange, null);
    }
    String[] parts = header.trim().split("\\s+", 2);
    if (!parts[0].equalsIgnoreCase("Bearer") || parts.length < 2) {
      return unauthorized(exchange, "scheme " + parts[0] + " offered to a Bearer server");
    }
    if (!settings.tokens.test(parts[1])) {
      return unauthorized(exchange, "Bearer: a token not issued, or expired");
    }
    return new Principal("Bearer", "Bearer");
  }

  private Principal windows(HttpExchange exchange, Connection connection) throws IOException {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    synchronized (connection) {
      if (header == null && connection.user != null) {
        return new Principal(connection.user, connection.scheme);
      }
    }
    if (header == null) {
      return unauthorized(exchange, null);
    }
    String[] parts = header.trim().split("\\s+", 2);
    String scheme = parts[0];
    if (scheme.equalsIgnoreCase("Basic")) {
      basicInWindowsMode.incrementAndGet();
      return unauthorized(exchange, "Basic credentials refused: this server wants Windows authentication");
    }
    boolean ntlm = scheme.equalsIgnoreCase("NTLM") && settings.mode != AuthMode.NEGOTIATE_ONLY;
    boolean negotiate = scheme.equalsIgnoreCase("Negotiate") && settings.mode != AuthMode.NTLM_ONLY;
    if (!ntlm && !negotiate || parts.length < 2) {
      return unauthorized(exchange, "scheme " + scheme + " not offered or without a token");
    }
    String canonical = ntlm ? "NTLM" : "Negotiate";
    byte[] token;
    try {
      token = Base64.getDecoder().decode(parts[1]);
    } catch (IllegalArgumentException e) {
      return unauthorized(exchange, canonical + " token is not base64");
    }
    switch (Ntlm.messageType(token)) {
      case 1 -> {
        byte[] challenge = new byte[8];
        random.nextBytes(challenge);
        synchronized (connection) {
          connection.user = null;
          connection.challenge = challenge;
          connection.challengeScheme = canonical;
        }
        byte[] type2 = Ntlm.challenge(challenge, settings.domain, "NAVSERVER",
            settings.domain.toLowerCase(Locale.ROOT) + ".local", Instant.now());
        String header2 = canonical + " " + Base64.getEncoder().encodeToString(type2);
        exchange.getResponseHeaders().add("WWW-Authenticate", header2);
        send(exchange, 401, "text/html; charset=utf-8", UNAUTHORIZED);
        return null;
      }
      case 3 -> {
        return authenticate(exchange, connection, canonical, token);
      }
      default -> {
        return unauthorized(exchange, canonical + " token is not NTLM (Kerberos/SPNEGO is not simulated)");
      }
    }
  }

  private Principal authenticate(HttpExchange exchange, Connection connection, String scheme, byte[] token)
      throws IOException {
    byte[] challenge;
    synchronized (connection) {
      challenge = scheme.equals(connection.challengeScheme) ? connection.challenge : null;
      connection.challenge = null;
      connection.challengeScheme = null;
    }
    if (challenge == null) {
      return unauthorized(exchange, scheme + " type 3 without a challenge on this connection");
    }
    Ntlm.Authenticate message;
    try {
      message = Ntlm.authenticate(token);
    } catch (IllegalArgumentException e) {
      return unauthorized(exchange, "malformed NTLM type 3: " + e.getMessage());
    }
    String user = message.user();
    String domain = message.domain();
    int at = user.indexOf('@');
    if (at >= 0 && domain.isEmpty()) {
      domain = user.substring(at + 1);
      user = user.substring(0, at);
    }
    String who = message.domain().isEmpty() ? message.user() : message.domain() + "\\" + message.user();
    if (!user.equalsIgnoreCase(settings.user) || !(domain.isEmpty() || domain.equalsIgnoreCase(settings.domain)
        || domain.toLowerCase(Locale.ROOT).startsWith(settings.domain.toLowerCase(Locale.ROOT) + "."))) {
      return unauthorized(exchange, "unknown user " + who);
    }
    if (!message.isNtlmV2()) {
      return unauthorized(exchange, "NTLMv1 response refused for " + who);
    }
    if (!Ntlm.verifyV2(message, challenge, settings.password)) {
      return unauthorized(exchange, "wrong password for " + who);
    }
    synchronized (connection) {
      connection.user = who;
      connection.scheme = scheme;
    }
    handshakes.incrementAndGet();
    return new Principal(who, scheme);
  }

  private static final String UNAUTHORIZED =
      "<html><body><h2>401 - Unauthorized: Access is denied due to invalid credentials.</h2></body></html>";

  /** Answers 401 with fresh challenge headers; {@code failure} (null when no credentials were sent) is recorded. */
  private Principal unauthorized(HttpExchange exchange, String failure) throws IOException {
    if (failure != null) {
      authFailures.add(failure);
    }
    switch (settings.mode) {
      case NTLM_ONLY -> exchange.getResponseHeaders().add("WWW-Authenticate", "NTLM");
      case NEGOTIATE_ONLY -> exchange.getResponseHeaders().add("WWW-Authenticate", "Negotiate");
      case BOTH -> {
        exchange.getResponseHeaders().add("WWW-Authenticate", "Negotiate");
        exchange.getResponseHeaders().add("WWW-Authenticate", "NTLM");
      }
      case BASIC -> exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"127.0.0.1\"");
      case BEARER -> exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer authorization_uri=\"https://login"
          + ".microsoftonline.com/common/oauth2/authorize\", error=\"invalid_token\", error_description=\"The"
          + " access token is invalid\"");
    }
    send(exchange, 401, "text/html; charset=utf-8", UNAUTHORIZED);
    return null;
  }

  // ---- SOAP

  /** What one SOAP call was made of, filled in by the service it is for. */
  private static final class Call {
    final Map<String, String> sent = new LinkedHashMap<>();
    final List<Map<String, String>> lines = new ArrayList<>();
    Integer entryNo;
  }

  /** A published service: checks and answers one call (the body of the reply), or faults. */
  private interface Service {
    String answer(Element wrapper, String action, Call call) throws SoapMessages.Fault;
  }

  private void soap(HttpExchange exchange, Principal principal, String company, String xml, Service service,
      List<Received> also) throws IOException {
    String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
    if (!contentType.toLowerCase(Locale.ROOT).startsWith("text/xml")) {
      send(exchange, 415, "text/plain; charset=utf-8", "Cannot process the message because the content type '"
          + contentType + "' was not the expected type 'text/xml; charset=utf-8'.");
      return;
    }
    String action = exchange.getRequestHeaders().getFirst("SOAPAction");
    if (action != null) {
      action = action.trim().replaceAll("^\"|\"$", "");
    }
    sleep();
    String operation = "?";
    Call call = new Call();
    String fault = null;
    String answer;
    int status = 200;
    try {
      Element wrapper = SoapMessages.operation(xml);
      operation = wrapper.getLocalName();
      answer = service.answer(wrapper, action, call);
    } catch (SoapMessages.Fault f) {
      fault = f.getMessage();
      status = 500;
      answer = null;
      send(exchange, status, "text/xml; charset=utf-8", SoapMessages.fault(f.code(), f.getMessage()));
    }
    Received received = new Received(operation, action, company, principal.user(), principal.scheme(),
        Collections.unmodifiableMap(call.sent), List.copyOf(call.lines), xml, call.entryNo, fault, Instant.now());
    if (!settings.countOnly) {
      also.add(received);
      this.received.add(received);
    }
    listener.accept(received);
    if (answer != null) {
      send(exchange, status, "text/xml; charset=utf-8", SoapMessages.envelope(answer));
    }
  }

  /** The page {@code Appointment}: Create stores, the other operations read and delete. */
  private String page(Element wrapper, String action, Call call) throws SoapMessages.Fault {
    String operation = wrapper.getLocalName();
    if (!NAMESPACE.equals(wrapper.getNamespaceURI())) {
      throw new SoapMessages.Fault(SoapMessages.SERVICE_BROKER_EXCEPTION, "Operation " + operation
          + " in namespace '" + wrapper.getNamespaceURI() + "' is not a method of the service " + PAGE);
    }
    if (!(NAMESPACE + ":" + operation).equals(action)) {
      throw new SoapMessages.Fault(SoapMessages.SERVICE_BROKER_EXCEPTION, "SOAPAction '" + action
          + "' does not match the operation " + operation + " (expected '" + NAMESPACE + ":" + operation + "')");
    }
    Element record = operation.equals("Create") || operation.equals("Update") ? child(wrapper, PAGE) : wrapper;
    if (record != null) {
      read(record, record == wrapper ? null : fields, call.sent, call.lines);
    }
    onDemandFault();
    if (operation.equals("Create")) {
      Stored created = create(record, call.sent, call.lines);
      call.entryNo = created.entryNo();
      return result("Create_Result", created);
    }
    return other(operation, call.sent);
  }

  /**
   * The codeunit published as {@code name}: as the AL codeunit of docs/nav does, a transaction id it processed
   * before is answered OK again and not processed twice (no Entry No. then).
   */
  private String codeunit(String name, Element wrapper, String action, Call call) throws SoapMessages.Fault {
    CodeunitService.read(name, wrapper, action, call.sent);
    onDemandFault();
    String transaction = call.sent.get("transactionId").strip();
    synchronized (stored) {
      if (!processed.containsKey(name + "/" + transaction)) {
        call.entryNo = ++lastEntryNo;
        processed.put(name + "/" + transaction, call.entryNo);
      }
    }
    return CodeunitService.result(name, "OK");
  }

  private void onDemandFault() throws SoapMessages.Fault {
    OnDemand next = faults;
    OnDemand on = next != null && next.left().getAndDecrement() > 0 ? next : persistentFault;
    if (on != null) {
      throw new SoapMessages.Fault(on.code() == null ? SoapMessages.NAV_CSIDE_EXCEPTION : on.code(), on.message());
    }
  }

  /**
   * Reads the elements of a record (or of an operation's parameters when {@code page} is null) into
   * {@code sent} and {@code lines}, refusing unknown elements and values that do not parse.
   */
  private void read(Element record, List<PageField> page, Map<String, String> sent, List<Map<String, String>> lines)
      throws SoapMessages.Fault {
    for (Element element : SoapMessages.children(record)) {
      String name = element.getLocalName();
      if (page != null && name.equals(LINES) && !settings.resourceFields.isEmpty()) {
        for (Element line : SoapMessages.children(element)) {
          if (!line.getLocalName().equals(LINE_TYPE)) {
            throw SoapMessages.Fault.nav("Unexpected element " + line.getLocalName() + " in " + LINES);
          }
          Map<String, String> values = new LinkedHashMap<>();
          for (Element value : SoapMessages.children(line)) {
            values.put(value.getLocalName(), check(value, settings.resourceFields, LINE_TYPE));
          }
          lines.add(values);
        }
      } else {
        sent.put(name, page == null ? element.getTextContent() : check(element, page, PAGE));
      }
    }
  }

  private static String check(Element element, List<PageField> page, String type) throws SoapMessages.Fault {
    String name = element.getLocalName();
    String text = element.getTextContent();
    if (!NAMESPACE.equals(element.getNamespaceURI())) {
      throw SoapMessages.Fault.nav("Element " + name + " is not in the namespace " + NAMESPACE);
    }
    if (name.equals("Key")) {
      return text;
    }
    PageField field = page.stream().filter(f -> f.name().equals(name)).findFirst()
        .orElseThrow(() -> SoapMessages.Fault.nav("The field " + name + " is not on the page " + type
            + ": unexpected element <" + name + ">"));
    if (!field.accepts(text)) {
      throw SoapMessages.Fault.nav(field.type() == PageField.Type.OPTION
          ? "Instance validation error: '" + text + "' is not a valid value for " + name + "."
          : "The value '" + text + "' of " + name + " is not a valid " + field.xsdType() + ".");
    }
    return text;
  }

  private Stored create(Element record, Map<String, String> sent, List<Map<String, String>> lines)
      throws SoapMessages.Fault {
    if (record == null) {
      throw new SoapMessages.Fault(SoapMessages.SERVICE_BROKER_EXCEPTION, "Create needs an " + PAGE + " element");
    }
    List<PageField> page = fields;
    for (PageField field : page) {
      if (field.required() && (!sent.containsKey(field.name()) || sent.get(field.name()).isBlank())) {
        throw SoapMessages.Fault.nav("The field " + field.name() + " of " + PAGE + " must have a value.");
      }
    }
    String transaction = sent.get(TRANSACTION_FIELD);
    boolean deduplicates = page.stream().anyMatch(f -> f.name().equals(TRANSACTION_FIELD));
    if (settings.countOnly) {
      synchronized (stored) {
        int entryNo = ++lastEntryNo;
        return new Stored(entryNo, key(entryNo), Map.of("Key", key(entryNo)), List.of());
      }
    }
    synchronized (stored) {
      if (deduplicates && transaction != null && !transaction.isEmpty()
          && stored.stream().anyMatch(s -> transaction.equals(s.fields().get(TRANSACTION_FIELD)))) {
        throw SoapMessages.Fault.nav("The " + PAGE + " already exists. Identification fields and values: "
            + "PlanBridge Transaction Id='" + transaction + "'");
      }
      int entryNo = ++lastEntryNo;
      String key = key(entryNo);
      Map<String, String> values = new LinkedHashMap<>();
      values.put("Key", key);
      for (PageField field : page) {
        if (field.name().equals("Entry_No")) {
          values.put("Entry_No", String.valueOf(entryNo));
        } else if (sent.containsKey(field.name())) {
          values.put(field.name(), sent.get(field.name()));
        }
      }
      List<Map<String, String>> storedLines = new ArrayList<>();
      int lineNo = 0;
      for (Map<String, String> line : lines) {
        Map<String, String> line2 = new LinkedHashMap<>();
        line2.put("Key", key(entryNo) + (++lineNo) + ";");
        for (PageField field : settings.resourceFields) {
          String value = field.name().equals("Entry_No") ? String.valueOf(entryNo) : line.get(field.name());
          if (value != null) {
            line2.put(field.name(), value);
          }
        }
        storedLines.add(Collections.unmodifiableMap(line2));
      }
      Stored created = new Stored(entryNo, key, Collections.unmodifiableMap(values), List.copyOf(storedLines));
      stored.add(created);
      return created;
    }
  }

  /** An opaque NAV-like bookmark key: {@code 12;<base64 of table and entry>;<digits>;}. */
  private static String key(int entryNo) {
    byte[] bytes = ByteBuffer.allocate(8).putInt(2088000).putInt(entryNo).array();
    return "12;" + Base64.getEncoder().encodeToString(bytes) + "0;" + (entryNo * 7919L + 100_003L) + ";";
  }

  private String other(String operation, Map<String, String> parameters) throws SoapMessages.Fault {
    switch (operation) {
      case "Read" -> {
        String wanted = parameters.getOrDefault("Entry_No", "").strip();
        Stored found = find(s -> String.valueOf(s.entryNo()).equals(wanted));
        return found == null ? "<Read_Result xmlns=\"" + NAMESPACE + "\"/>" : result("Read_Result", found);
      }
      case "ReadMultiple" -> {
        int size = parseOr(parameters.get("setSize"), 0);
        List<Stored> all = stored();
        StringBuilder out = new StringBuilder("<ReadMultiple_Result xmlns=\"" + NAMESPACE + "\"><ReadMultiple_Result>");
        all.stream().limit(size > 0 ? size : all.size()).forEach(s -> recordXml(out, s));
        return out.append("</ReadMultiple_Result></ReadMultiple_Result>").toString();
      }
      case "Delete" -> {
        String key = parameters.getOrDefault("Key", "");
        Stored found = find(s -> s.key().equals(key));
        if (found == null) {
          throw SoapMessages.Fault.nav(key.startsWith("12;") ? "The " + PAGE + " does not exist. Identification"
              + " fields and values: Entry No.='" + key + "'" : "DifferentTableIdsMessage");
        }
        synchronized (stored) {
          stored.remove(found);
        }
        return "<Delete_Result xmlns=\"" + NAMESPACE + "\"><Delete_Result>true</Delete_Result></Delete_Result>";
      }
      default -> throw new SoapMessages.Fault(SoapMessages.SERVICE_BROKER_EXCEPTION, "The operation " + operation
          + " is not supported by this simulator");
    }
  }

  private Stored find(java.util.function.Predicate<Stored> which) {
    return stored().stream().filter(which).findFirst().orElse(null);
  }

  private static int parseOr(String text, int otherwise) {
    try {
      return text == null ? otherwise : Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  private static String result(String wrapper, Stored record) {
    StringBuilder out = new StringBuilder("<" + wrapper + " xmlns=\"" + NAMESPACE + "\">");
    recordXml(out, record);
    return out.append("</").append(wrapper).append('>').toString();
  }

  private static void recordXml(StringBuilder out, Stored record) {
    out.append('<').append(PAGE).append('>');
    SoapMessages.elements(out, record.fields());
    if (!record.resources().isEmpty()) {
      out.append('<').append(LINES).append('>');
      for (Map<String, String> line : record.resources()) {
        out.append('<').append(LINE_TYPE).append('>');
        SoapMessages.elements(out, line);
        out.append("</").append(LINE_TYPE).append('>');
      }
      out.append("</").append(LINES).append('>');
    }
    out.append("</").append(PAGE).append('>');
  }

  private static Element child(Element parent, String name) {
    return SoapMessages.children(parent).stream().filter(e -> name.equals(e.getLocalName())).findFirst().orElse(null);
  }

  private void sleep() {
    long ms = delayMs;
    if (ms > 0) {
      try {
        Thread.sleep(ms);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Always with a Content-Length (never chunked), so a client's NTLM connection stays usable. */
  private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("Server", "Microsoft-HTTPAPI/2.0");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /**
   * Runs a simulator until killed: {@code --port 7047 --mode NTLM_ONLY --domain CRONUS --user navuser
   * --password secret [--access-key key] [--instance BC] [--company "CRONUS International Ltd."]...};
   * each option may also be a system property {@code nav.port}, {@code nav.mode}, ... Prints the page
   * URL and the credentials, then each Create received.
   */
  public static void main(String[] args) throws IOException, InterruptedException {
    Map<String, List<String>> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.computeIfAbsent(args[i].replaceFirst("^--", ""), k -> new ArrayList<>()).add(args[i + 1]);
    }
    java.util.function.BiFunction<String, String, String> option = (name, otherwise) ->
        options.containsKey(name) ? options.get(name).get(0) : System.getProperty("nav." + name, otherwise);
    Builder builder = builder()
        .port(Integer.parseInt(option.apply("port", "7047")))
        .mode(AuthMode.valueOf(option.apply("mode", "NTLM_ONLY").toUpperCase(Locale.ROOT)))
        .instance(option.apply("instance", "BC"))
        .domain(option.apply("domain", DOMAIN))
        .user(option.apply("user", USER))
        .password(option.apply("password", PASSWORD))
        .accessKey(option.apply("access-key", null));
    if (options.containsKey("company")) {
      builder.companies(options.get("company").toArray(String[]::new));
    } else if (System.getProperty("nav.company") != null) {
      builder.companies(System.getProperty("nav.company"));
    }
    NavSimulator simulator = builder.start();
    System.out.println("NAV simulator (" + simulator.mode() + ") at " + simulator.pageUrl());
    System.out.println("  codeunit " + simulator.codeunitUrl(CODEUNIT));
    String login = (builder.mode == AuthMode.BASIC ? "" : builder.domain + "\\") + builder.user;
    System.out.println("  user " + login + ", password " + builder.password
        + (builder.accessKey == null ? "" : ", access key " + builder.accessKey));
    simulator.onReceived(call -> System.out.println(call.at() + " " + call.operation() + " by " + call.user()
        + " (" + call.scheme() + ") in " + call.company() + (call.succeeded() ? " -> Entry_No " + call.entryNo()
        : " -> fault: " + call.fault()) + " " + call.fields()));
    Thread.currentThread().join();
  }
}
