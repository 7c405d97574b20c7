package org.planbridge.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.planbridge.testing.ApiClient.Answer;
import org.planbridge.platform.control.ApiKeys;
import org.planbridge.testing.ApiClient;
import org.planbridge.testing.Refusals;
import org.planbridge.testing.RequestFuzzer.Request;
import org.planbridge.testing.RequestFuzzer;
import org.planbridge.testing.SuiteServer;
import org.planbridge.testing.TestDatabase;

/**
 * A bounded fuzz test of the running server: {@value #DEFAULT_REQUESTS} requests (system property
 * {@code fuzz.requests}) from {@link RequestFuzzer}, seeded by {@code fuzz.seed} or at random, the seed
 * printed first so that a failure can be replayed ({@code -Dfuzz.seed=...}). Every answer must come
 * within five seconds, be 2xx or 4xx, and have its route's shape; a refused request must leave the
 * database as it was (table counts, highest row versions, the outbox's highest id); and the server
 * must log no stack trace and at most one line per refused request (the server's output, read from
 * its log file, {@link SuiteServer#log()}). That the part of the log read sees what the server logs
 * is checked, not assumed: before and after the fuzz a stored key with a scope no version knows is
 * used once, which makes the server log one warning naming that scope, and the part read must show
 * it (the second one also shows that every line of the fuzz has arrived).
 */
class ApiFuzzIT {

  static final int DEFAULT_REQUESTS = 2500;

  final URL base = SuiteServer.base();

  @Test
  void fuzzedRequestsGetA2xxOr4xxInTheirShapeAndARefusalWritesNothing() {
    long seed = Long.getLong("fuzz.seed", new SecureRandom().nextLong());
    int requests = Integer.getInteger("fuzz.requests", DEFAULT_REQUESTS);
    System.out.println("ApiFuzzIT: seed " + seed + ", " + requests + " requests (replay with -Dfuzz.seed=" + seed + ")");
    ApiClient api = new ApiClient(base);
    RequestFuzzer fuzzer = new RequestFuzzer(new Random(seed));
    Map<String, Integer> outcomes = new TreeMap<>();
    int refused = 0;
    long started = System.nanoTime();
    ServerLog log = ServerLog.capture();
    try {
      log.awaitCanary(api, "canary-before");
      String state = TestDatabase.state();
      for (int i = 0; i < requests; i++) {
        Request request = fuzzer.next();
        String replay = "request " + i + " of seed " + seed + ": " + request;
        Answer answer = assertTimeoutPreemptively(Duration.ofSeconds(5),
            () -> api.send(request.method(), request.path(), request.body(), ApiClient.KEY, Duration.ofSeconds(5)), replay);
        int status = checked(request, answer, replay);
        outcomes.merge(request.method() + " " + route(request.path()) + " " + status, 1, Integer::sum);
        String after = TestDatabase.state();
        if (status >= 400) {
          refused++;
          assertEquals(state, after, "a refused request wrote to the database: " + replay);
        }
        state = after;
      }
      log.awaitCanary(api, "canary-after");
    } finally {
      log.stop();
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000;
    System.out.println("ApiFuzzIT: " + requests + " requests in " + seconds + " s, " + refused + " refused: " + outcomes);
    assertTrue(refused > requests / 4 && refused < requests, "the mix is hostile but not only: " + refused + " refused");
    log.assertQuiet(refused);
  }

  /** The status the client sees (in the envelope where the route answers in it), checked for shape. */
  static int checked(Request request, Answer answer, String replay) {
    String context = replay + " -> " + answer.status() + " " + answer.body();
    assertTrue(answer.status() < 500, context);
    if (answer.status() == 200 && request.path().startsWith("api/metrics")) {
      assertTrue(answer.contentType().startsWith("text/plain"), context); // the Prometheus text, not JSON
      return 200;
    }
    if (answer.status() == 200 && request.method().equals("GET") && Refusals.sdkRoute(request.path())) {
      assertTrue(answer.json() instanceof jakarta.json.JsonArray, "an SDK list is a JSON array: " + context);
      return 200;
    }
    JsonObject json;
    try {
      json = (JsonObject) answer.json();
    } catch (RuntimeException notJson) {
      return fail("the answer is not a JSON object: " + context);
    }
    if (Refusals.envelope(request.method(), request.path())) {
      int statusCode = answer.statusCode();
      assertTrue(statusCode < 500, context);
      assertEquals("application/json", json.getString("contentType"), context);
      JsonObject content = answer.content();
      if (statusCode >= 400) {
        assertEquals(JsonValue.FALSE, content.get("Success"), context);
        Refusals.assertNoInternals(content.getString("Description"), context);
      }
      return statusCode;
    }
    if (answer.status() >= 400) {
      assertTrue(answer.contentType().startsWith("application/problem+json"), context);
      assertEquals(answer.status(), json.getInt("status"), context);
      Refusals.assertNoInternals(json.getString("detail"), context);
    }
    return answer.status();
  }

  /** The route without its query or id, for the summary. */
  static String route(String path) {
    return path.replaceAll("\\?.*$", "").replaceAll("/\\d+$", "/{id}");
  }

  /** The server's output while the fuzz runs: what its log file gains from {@link #capture()} to {@link #stop()}. */
  static final class ServerLog {
    private final Path file;
    private final long from;
    private volatile long to = -1;

    private ServerLog(Path file, long from) {
      this.file = file;
      this.from = from;
    }

    static ServerLog capture() {
      Path file = SuiteServer.log();
      return new ServerLog(file, size(file));
    }

    void stop() {
      to = size(file);
    }

    private static long size(Path file) {
      try {
        return Files.size(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * Makes the server log a warning naming {@code scope} (a stored key whose scopes column holds a
     * scope no version knows, used once) and waits until the log shows it; the key is gone after.
     */
    void awaitCanary(ApiClient api, String scope) {
      String key = "fuzz-" + scope + "-0123456789";
      String hash = java.util.HexFormat.of().formatHex(ApiKeys.sha256(key));
      TestDatabase.execute("INSERT INTO api_key (name, key_hash, created_at, scopes) VALUES (?, ?, CURRENT_TIMESTAMP, ?)",
          "ApiFuzzIT " + scope, hash, "ingest," + scope);
      try {
        assertEquals(200, api.send("GET", "api/jobs?limit=1", null, key).status());
        Awaitility.await("the server's warning naming " + scope + " in its log")
            .atMost(Duration.ofSeconds(10)).until(() -> text().contains("grants nothing: " + scope));
      } finally {
        TestDatabase.execute("DELETE FROM api_key WHERE key_hash = ?", hash);
      }
    }

    private String text() {
      try (FileChannel channel = FileChannel.open(file)) {
        long end = to >= 0 ? to : channel.size();
        ByteBuffer bytes = ByteBuffer.allocate((int) (end - from));
        while (bytes.hasRemaining() && channel.read(bytes, from + bytes.position()) > 0) {
          // until the end read or the file's end
        }
        return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * No stack trace, and at most one line per refused request (the canaries' lines aside, and the drain's reports
     * of deliveries that did not succeed: other tests' transactions going out meanwhile, not an answer to input).
     */
    void assertQuiet(int refused) {
      List<String> all = text().lines().toList();
      List<String> lines = new java.util.ArrayList<>();
      java.util.function.IntPredicate other = i -> i < all.size() && (all.get(i).contains("canary-")
          || all.get(i).matches("(WARNING|INFO): Transaction \\d+ of appointment \\d+ \\(Source App .*"));
      for (int i = 0; i < all.size(); i++) {
        boolean skipped = other.test(i) || other.test(i + 1);
        if (!skipped && !all.get(i).startsWith("ApiFuzzIT")) {
          lines.add(all.get(i)); // a record skipped is its line and the header line before it
        }
      }
      for (String line : lines) {
        assertTrue(!line.startsWith("\tat ") && !line.trim().startsWith("Caused by:") && !line.contains("Exception"),
            "the server logged a stack trace for bad input: " + line);
      }
      assertTrue(lines.size() <= refused, "more log lines than refused requests: " + lines.size() + " > " + refused);
    }
  }
}
