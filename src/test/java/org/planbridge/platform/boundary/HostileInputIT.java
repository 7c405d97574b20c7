package org.planbridge.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.planbridge.testing.Calls.body;
import static org.planbridge.testing.Calls.call;
import static org.planbridge.testing.Refusals.assertRefused;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planbridge.ingest.control.TypedRoutes;
import org.planbridge.planning.control.PlanningCollection;
import org.planbridge.testing.ApiClient.Answer;
import org.planbridge.testing.ApiClient;
import org.planbridge.testing.Refusals;
import org.planbridge.testing.SuiteServer;
import org.planbridge.testing.TestDatabase;

/**
 * Every class of hostile input a tester found, against every route that reads a body or a query:
 * each gets a 4xx in the route's shape naming what is wrong, within five seconds, and the database
 * is as it was.
 */
class HostileInputIT {

  final URL base = SuiteServer.base();

  ApiClient api;

  @BeforeEach
  void start() {
    api = new ApiClient(base);
  }

  /** A route that reads a body; {@code kind} says what a well-formed body of it is. */
  record BodyRoute(String method, String path, Kind kind) {}

  /**
   * How a route reads its body: the import's array, a typed route's, an admin route's object, or an integration
   * route's object (with the import's size limit).
   */
  enum Kind { IMPORT, TYPED, ADMIN, INTEGRATION;

    boolean object() {
      return this == ADMIN || this == INTEGRATION;
    }
  }

  /** A class of bad bodies: how one is made for a kind of route, and the refusal it must get. */
  record BadBody(String name, Function<Kind, byte[]> body, int status, String fragment) {}

  static byte[] text(String body) {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  /** A body for a kind of route: import and typed routes take arrays, admin routes objects. */
  static Function<Kind, byte[]> shaped(String inArray, String asObject) {
    return kind -> text(kind.object() ? asObject : inArray);
  }

  static List<BodyRoute> bodyRoutes() {
    List<BodyRoute> routes = new ArrayList<>();
    routes.add(new BodyRoute("POST", "api/import", Kind.IMPORT));
    for (String name : TypedRoutes.names().split(", ")) {
      for (String method : List.of("POST", "PUT", "DELETE")) {
        if (TypedRoutes.find(name).orElseThrow().procedureFor(method).isPresent()) {
          routes.add(new BodyRoute(method, "api/" + name, Kind.TYPED));
        }
      }
    }
    routes.add(new BodyRoute("POST", "api/admin/connectors", Kind.ADMIN));
    routes.add(new BodyRoute("PUT", "api/admin/connectors/1", Kind.ADMIN));
    routes.add(new BodyRoute("POST", "api/admin/transactions/retry", Kind.ADMIN));
    routes.add(new BodyRoute("POST", "api/admin/transactions/archive", Kind.ADMIN));
    routes.add(new BodyRoute("POST", "api/admin/keys", Kind.ADMIN));
    routes.add(new BodyRoute("POST", "api/admin/templates", Kind.ADMIN));
    routes.add(new BodyRoute("PUT", "api/admin/templates/customer-import", Kind.ADMIN));
    routes.add(new BodyRoute("POST", "api/integration/customer-import", Kind.INTEGRATION));
    return routes;
  }

  static List<BadBody> badBodies() {
    byte[] notUtf8 = {'[', '{', '"', 'x', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', ']'};
    byte[] notUtf8Object = {'{', '"', 'x', '"', ':', '"', (byte) 0xFF, '"', '}'};
    return List.of(
        new BadBody("ends inside an array under a skipped key", shaped("[{\"x\":[", "{\"x\":["), 400, "Malformed JSON"),
        new BadBody("ends inside an object under a skipped key", shaped("[{\"x\":{\"y\":", "{\"x\":{\"y\":"), 400,
            "Malformed JSON"),
        new BadBody("ends inside a string", shaped("[{\"x\":\"abc", "{\"x\":\"abc"), 400, "Malformed JSON"),
        new BadBody("ends after a key", shaped("[{\"x\"", "{\"x\""), 400, "Malformed JSON"),
        new BadBody("nests 50,000 arrays deep", shaped("[{\"x\":" + "[".repeat(50_000), "{\"x\":" + "[".repeat(50_000)),
            400, "deeper than"),
        new BadBody("nests 20,000 objects deep", shaped("[" + "{\"a\":".repeat(20_000), "{\"a\":".repeat(20_000)), 400,
            "deeper than"),
        new BadBody("names a key twice", shaped("[{\"jobNo\":\"J\",\"JobNo\":\"K\"}]", "{\"name\":\"a\",\"Name\":\"b\"}"),
            400, "appears twice"),
        new BadBody("is not UTF-8", kind -> kind.object() ? notUtf8Object : notUtf8, 400, "not valid UTF-8"),
        new BadBody("is empty", kind -> new byte[0], 400, "empty"),
        new BadBody("has a second value after the first", shaped("[] []", "{} {}"), 400, "Malformed JSON"),
        new BadBody("is not JSON", kind -> text("<a>1</a>"), 400, "Malformed JSON"),
        new BadBody("has a number with an exponent out of range", shaped("[{\"x\":1e99999999999}]", "{\"x\":1e99999999999}"),
            400, "out of range"),
        new BadBody("has a number of 500 digits", shaped("[{\"x\":1" + "0".repeat(500) + "}]", "{\"x\":1" + "0".repeat(500)
            + "}"), 400, "at most 100"),
        new BadBody("is over the size limit", kind -> tooLarge(kind == Kind.ADMIN ? 1 << 20 : 2 << 20), 413,
            "larger than"));
  }

  /** A well-formed array or object just over {@code limit} bytes. */
  static byte[] tooLarge(int limit) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(limit + 100);
    out.writeBytes(text("{\"x\":\""));
    out.writeBytes(text("x".repeat(limit)));
    out.writeBytes(text("\"}"));
    return out.toByteArray();
  }

  @Test
  void everyBadBodyOnEveryRouteIsRefusedInTheRoutesShapeAndWritesNothing() {
    String before = TestDatabase.state();
    int checked = 0;
    for (BodyRoute route : bodyRoutes()) {
      for (BadBody bad : badBodies()) {
        if (bad.status() == 413 && route.kind() == Kind.TYPED && !route.path().equals("api/job")) {
          continue; // one typed route is enough for the size limit: all of them share its reader
        }
        Answer answer = within5s(route.method(), route.path(), bad.body().apply(route.kind()));
        assertRefused(route.method(), route.path() + " (a body that " + bad.name() + ")", answer, bad.status(),
            bad.fragment());
        checked++;
      }
    }
    assertEquals(before, TestDatabase.state(), "a refused request writes nothing");
    assertTrue(checked > 300, "every route was tried: " + checked);
  }

  /** A value a route refuses: where it goes (an item of one route) and the parameter the refusal must name. */
  record BadValue(String name, String method, String path, String body, String fragment) {}

  /**
   * JSON text with escapes written as tokens ({@code <NUL>} for U+0000, {@code <D800>} for a lone
   * high surrogate): a JSON builder would escape the backslash, and UTF-8 cannot carry them raw.
   */
  static String escaped(String json) {
    return json.replace("<NUL>", "\\u0000").replace("<D800>", "\\ud800");
  }

  static String job(String field, String value) {
    return escaped(body(call("mboc_upsertJob", "SourceApp", "BC", "SourceType", "SO", "JobNo", "J-HOSTILE",
        "ShortDescription", "Job", field, value)));
  }

  static String task(String field, String value) {
    return escaped(body(call("mboc_upsertTask", "SourceApp", "BC", "SourceType", "SO", "JobNo", "J-HOSTILE",
        "TaskNo", "T-1", "ShortDescription", "Task", field, value)));
  }

  static String typed(String field, String value) {
    return escaped("[{\"sourceApp\":\"BC\",\"sourceType\":\"SO\",\"jobNo\":\"J-HOSTILE\",\"taskNo\":\"T-1\","
        + "\"shortDescription\":\"Task\",\"" + field + "\":\"" + value + "\"}]");
  }

  static List<BadValue> badValues() {
    String emoji = "\ud83d\ude00".repeat(26); // 26 characters, 52 UTF-16 units: over a VARCHAR(50) on every database
    return List.of(
        new BadValue("a duration of more days than a long holds", "POST", "api/import",
            task("Duration", "99999999999999999999.01:00:00"), "parameter Duration"),
        new BadValue("a duration that overflows to negative", "POST", "api/task",
            typed("duration", "106751991167301.00:00:00"), "parameter duration"),
        new BadValue("a decimal with a huge exponent", "POST", "api/import", job("FreeDecimal1", "1E+2147483647"),
            "parameter FreeDecimal1"),
        new BadValue("a decimal with a tiny exponent", "POST", "api/task", typed("freeDecimal1", "1E-2147483647"),
            "parameter freeDecimal1"),
        new BadValue("more UTF-16 units than the column holds", "POST", "api/import", task("Description", emoji),
            "parameter Description"),
        new BadValue("a NUL in a key", "POST", "api/import", job("JobNo", "J-<NUL>"), "parameter JobNo"),
        new BadValue("a lone surrogate", "PUT", "api/task", typed("description", "a<D800>b"), "parameter description"),
        new BadValue("a NUL in a connector's Source App", "POST", "api/import",
            escaped(body(call("mboc_upsertConnector", "SourceApp", "B<NUL>C", "Name", "x"))), "parameter SourceApp"),
        new BadValue("a NUL in a connector's Source App", "POST", "api/admin/connectors",
            escaped("{\"name\":\"x\",\"sourceApp\":\"B<NUL>C\"}"), "sourceApp"),
        new BadValue("an enum value past 2^32", "POST", "api/import", job("Importance", "4294967296"),
            "parameter Importance"),
        new BadValue("a date past year 9999", "POST", "api/import", job("StartDate", "+10000-01-01T00:00:00Z"),
            "parameter StartDate"),
        new BadValue("ids that are not an array", "POST", "api/admin/transactions/retry", "{\"ids\": \"x\"}", "ids"),
        new BadValue("an id past a long", "POST", "api/admin/transactions/retry", "{\"ids\": [1e30]}", "ids[0]"),
        new BadValue("an id with a fraction", "POST", "api/admin/transactions/archive", "{\"ids\": [1.5]}", "ids[0]"),
        new BadValue("a filter that is not an object", "POST", "api/admin/transactions/retry", "{\"filter\": [1]}",
            "filter"),
        new BadValue("a flag that is not a boolean", "POST", "api/integration/customer-import",
            "{\"simulate\": \"yes\", \"model\": []}", "'simulate'"),
        new BadValue("a model that is a number", "POST", "api/integration/project-import", "{\"model\": 7}", "'model'"),
        new BadValue("a misspelt flag", "POST", "api/integration/customer-import",
            "{\"simulte\": true, \"model\": []}", "'simulte'"));
  }

  @Test
  void everyBadValueIsRefusedNamingItsFieldAndWritesNothing() {
    String before = TestDatabase.state();
    for (BadValue bad : badValues()) {
      Answer answer = within5s(bad.method(), bad.path(), text(bad.body()));
      assertRefused(bad.method(), bad.path() + " (" + bad.name() + ")", answer, 400, bad.fragment());
    }
    assertEquals(before, TestDatabase.state(), "a refused request writes nothing");
  }

  static List<String> queryRoutes() {
    // every collection's page and its SDK list
    return Stream.concat(Arrays.stream(PlanningCollection.values())
            .flatMap(collection -> Stream.of(collection.path(), collection.route())).map(r -> "api/" + r),
        Stream.of("api/admin/transactions", "api/admin/appointments", "api/admin/connectors", "api/admin/keys",
            "api/admin/templates", "api/integration/templates", "api/integration/appointment-export", "api/changes",
            "api/changes/maxRowVersion", "api/metrics"))
        .toList();
  }

  @Test
  void everyBadQueryOnEveryListIsRefusedNamingTheParameter() {
    List<String[]> badQueries = List.of(
        new String[] {"offset=2147483648", "offset"},
        new String[] {"offset=99999999999999999999", "offset"},
        new String[] {"offset=-1", "offset"},
        new String[] {"limit=0", "limit"},
        new String[] {"limit=abc", "limit"},
        new String[] {"offset=1&offset=2", "offset"},
        new String[] {"nosuch=1", "nosuch"},
        new String[] {"sourceApp=B%00C", "sourceApp"},
        new String[] {"sourceApp=%ED%A0%80", "sourceApp"});
    for (String route : queryRoutes()) {
      for (String[] bad : badQueries) {
        String path = route + "?" + bad[0];
        assertRefused("GET", path, within5s("GET", path, null), 400, bad[1]);
      }
    }
  }

  @Test
  void routesMethodsAndIdsThatDoNotExistAnswerInTheRoutesShape() {
    assertRefused("GET", "api/nosuch", within5s("GET", "api/nosuch", null), 404, "There is no route");
    assertRefused("POST", "api/nosuch", within5s("POST", "api/nosuch", text("[]")), 404, "There is no route");
    assertRefused("PATCH", "api/job", within5s("PATCH", "api/job", text("[]")), 405, "PATCH");
    assertRefused("DELETE", "api/admin/transactions", within5s("DELETE", "api/admin/transactions", null), 405,
        "DELETE is not allowed");
    assertRefused("POST", "api/metrics", within5s("POST", "api/metrics", text("[]")), 405, "POST is not allowed");
    assertRefused("PUT", "api/metrics", within5s("PUT", "api/metrics", text("{}")), 405, "PUT is not allowed");
    assertRefused("GET", "api/metrics/x", within5s("GET", "api/metrics/x", null), 404, "There is no route");
    for (String path : List.of("api/admin/transactions/abc", "api/admin/transactions/99999999999999999999",
        "api/admin/connectors/abc", "api/admin/connectors/99999999999999999999", "api/admin/keys/abc",
        "api/admin/keys/99999999999999999999")) {
      assertRefused("GET", path, within5s("GET", path, null), 404, "There is no");
    }
    for (String id : List.of("abc", "0", "-1", "99999999999999999999")) {
      String path = "api/admin/connectors/" + id + "/check";
      assertRefused("POST", path, within5s("POST", path, null), 404, "There is no connector");
    }
    assertRefused("POST", "api/admin/connectors/1/check?deep=1", within5s("POST", "api/admin/connectors/1/check?deep=1",
        null), 400, "deep");
    assertRefused("GET", "api/admin/connectors/1/check", within5s("GET", "api/admin/connectors/1/check", null), 405,
        "GET is not allowed");
  }

  @Test
  void aClientThatAcceptsNoJsonIsTold406InProblemDetails() throws Exception {
    java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(api.uri("api/jobs")).header("X-API-KEY", ApiClient.KEY)
            .header("Accept", "text/html").timeout(Duration.ofSeconds(5)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(406, answer.statusCode(), answer.body());
    assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
    assertTrue(answer.body().contains("Accept"), answer.body());
  }

  @Test
  void payarasOwnMetricsAreNotServed() {
    for (String path : List.of("metrics", "metrics/base", "metrics/vendor", "metrics/application")) {
      Answer metrics = within5s("GET", path, null);
      assertTrue(metrics.status() == 403 || metrics.status() == 404, path + ": " + metrics.status());
      String body = metrics.body().toLowerCase(java.util.Locale.ROOT);
      assertTrue(!body.contains("base_") && !body.contains("heap") && !body.contains("jvm"), path + ": " + body);
    }
  }

  /**
   * A client that sends its body a byte every 50 ms: each read is quick, so only the deadline on the
   * whole body (2 s plus a second per 500 bytes in the tests) ends it. The answer is 408 in the
   * route's shape, long before the body would have been complete.
   */
  @Test
  void aBodyTrickledAByteAtATimeIsCutOffAt408() throws Exception {
    for (String path : List.of("api/import", "api/admin/connectors")) {
      long started = System.nanoTime();
      String answer = trickle(path, 20_000);
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertTrue(answer.startsWith("HTTP/1.1 408"), path + ": " + answer);
      assertTrue(millis < 6_000, path + " answered after " + millis + " ms");
      String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
      assertTrue(body.contains("too slowly"), body);
    }
  }

  /**
   * A client that announces a body and stops sending: the read that waits for its next byte is ended
   * by the server's read timeout (5 s in the tests, {@code PLANBRIDGE_READ_TIMEOUT_MS}), and the
   * thread is free again.
   */
  @Test
  void aClientThatStopsSendingIsCutOffByTheReadTimeout() throws Exception {
    long started = System.nanoTime();
    String answer = trickle("api/import", 0);
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertTrue(millis < 15_000, "answered after " + millis + " ms");
    assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
    String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
    assertTrue(body.contains("stopped arriving"), body);
    Refusals.assertNoInternals(body, answer);
  }

  /**
   * Announces a body of {@code length} bytes (at least 1000), sends its first byte and then one byte every 50 ms
   * up to {@code length} (0: none at all); answers the raw HTTP answer (status line first), or what was read
   * before the server closed the connection.
   */
  String trickle(String path, int length) throws Exception {
    URI uri = api.uri(path);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(text("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nX-API-KEY: " + ApiClient.KEY
          + "\r\nContent-Type: application/json\r\nContent-Length: " + Math.max(length, 1000) + "\r\n\r\n["));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      for (int sent = 1; sent < length && in.available() == 0; sent++) {
        try {
          out.write(' ');
          out.flush();
        } catch (java.io.IOException closed) {
          break; // the server answered and closed: read what it said
        }
        Thread.sleep(50);
      }
      byte[] buffer = new byte[8192];
      socket.setSoTimeout(60_000);
      for (int n; (n = read(in, buffer)) > 0; ) {
        answer.write(buffer, 0, n);
        String text = answer.toString(StandardCharsets.UTF_8);
        if (text.contains("\r\n\r\n") && text.substring(text.indexOf("\r\n\r\n")).contains("}")) {
          break;
        }
      }
      return answer.toString(StandardCharsets.UTF_8);
    }
  }

  /** A read that answers -1 when the server resets the connection instead of closing it. */
  static int read(InputStream in, byte[] buffer) {
    try {
      return in.read(buffer);
    } catch (java.io.IOException reset) {
      return -1;
    }
  }

  Answer within5s(String method, String path, byte[] body) {
    return assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> api.send(method, path, body, ApiClient.KEY, Duration.ofSeconds(5)), method + " " + path);
  }
}
