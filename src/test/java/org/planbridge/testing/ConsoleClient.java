package org.planbridge.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The console over plain HTTP, the way a browser without scripts uses it: a session cookie, Faces forms posted with
 * their view state, redirects not followed unless asked. For what a page answers to a request made by hand
 * (forged, without a session, with the wrong role); {@code testing.Browser} drives the pages themselves.
 */
public final class ConsoleClient {

  /** The first admin's password that the tests' servers are started with (failsafe's PLANBRIDGE_ADMIN_PASSWORD). */
  public static final String ADMIN_PASSWORD = System.getProperty("it.admin.password",
      System.getenv().getOrDefault("PLANBRIDGE_ADMIN_PASSWORD", "it-admin-password-0123"));
  public static final String ADMIN = "admin";
  private static final Pattern NONCE = Pattern.compile("<script[^>]* nonce=\"([^\"]+)\"");
  private static final Pattern VIEW_STATE = Pattern.compile(
      "name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"");

  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;
  private final URI base;

  /** One answer: its status, headers and body, and the address it answered for. */
  public record Page(URI uri, int status, HttpHeaders headers, String body) {

    public String header(String name) {
      return headers.firstValue(name).orElse("");
    }

    public String viewState() {
      Matcher matcher = VIEW_STATE.matcher(body);
      if (!matcher.find()) {
        throw new AssertionError("no view state in " + uri + " (HTTP " + status + ")");
      }
      return matcher.group(1).replace("&#58;", ":").replace("&#x3a;", ":");
    }

    /** The response's CSP nonce, which PrimeFaces' script sends back with every form (primefaces.nonce). */
    public String nonce() {
      Matcher matcher = NONCE.matcher(body);
      return matcher.find() ? matcher.group(1) : "";
    }
  }

  public ConsoleClient(URL server) {
    this.base = URI.create(server.toString().replaceAll("/+$", "") + "/");
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
  }

  public Page get(String path) {
    return send(HttpRequest.newBuilder(base.resolve(path.replaceFirst("^/", ""))).GET());
  }

  /** The page a redirect leads to (GET), or the page itself when it is not a redirect. */
  public Page follow(Page page) {
    Page current = page;
    for (int hops = 0; hops < 5 && current.status() / 100 == 3; hops++) {
      current = send(HttpRequest.newBuilder(current.uri().resolve(current.header("Location"))).GET());
    }
    return current;
  }

  /** A form post of exactly these fields (no view state unless among them). */
  public Page post(String path, Map<String, String> fields) {
    String body = fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
        + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(base.resolve(path.replaceFirst("^/", "")))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /**
   * Submits form {@code form} of {@code page} as its button {@code button} would in a browser, with {@code fields}
   * (named without the form's prefix), the page's view state and its nonce.
   */
  public Page submit(Page page, String form, Map<String, String> fields, String button) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put(form, form);
    fields.forEach((name, value) -> all.put(form + ":" + name, value));
    all.put(form + ":" + button, "");
    all.put("jakarta.faces.ViewState", page.viewState());
    all.put("primefaces.nonce", page.nonce());
    return post(page.uri().getRawPath(), all);
  }

  /** Logs in through the login page; the answer is the login's own (a redirect when accepted). */
  public Page login(String username, String password) {
    Page form = get("console/login.xhtml");
    return submit(form, "login", Map.of("username", username, "password", password, "next", ""), "submit");
  }

  /** The session cookie's value, or null. */
  public String session() {
    return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("JSESSIONID"))
        .map(cookie -> cookie.getValue()).findFirst().orElse(null);
  }

  private Page send(HttpRequest.Builder request) {
    HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
    try {
      HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
      return new Page(built.uri(), response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new AssertionError(built.method() + " " + built.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
