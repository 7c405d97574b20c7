package org.planbridge.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Locale;
import org.planbridge.ingest.control.TypedRoutes;
import org.planbridge.planning.control.PlanningCollection;
import org.planbridge.testing.ApiClient.Answer;

/**
 * What every refusal of the API looks like, whatever the route: its shape (the SDK envelope on the
 * Dime-compatible writes, RFC 9457 problem details elsewhere), a 4xx status, a message a person can
 * act on and nothing of PlanBridge's insides (no class, stack, SQL or server page).
 */
public final class Refusals {

  /** Words that only ever come from the insides of a program. */
  static final List<String> INTERNALS = List.of("exception", "java.", "jakarta.", "org.", "sql", "<html",
      "\tat ", "classloader", "eclipse", "payara", "stack");

  private Refusals() {}

  /**
   * Whether a route answers in the envelope: the writes outside {@code /api/admin} and {@code /api/metrics}, and a
   * {@code GET} on an SDK route (a list such as {@code /api/job}, or a route that only writes), which refuses with the
   * same status on the HTTP answer so that the SDK's client fails.
   */
  public static boolean envelope(String method, String path) {
    if (path.startsWith("api/admin") || path.startsWith("api/metrics") || path.startsWith("api/integration")) {
      return false;
    }
    return !method.equals("GET") || sdkRoute(path);
  }

  /** {@code api/job?...} and {@code api/appointmentLocked}, not {@code api/jobs} nor a path that is no route. */
  public static boolean sdkRoute(String path) {
    String name = path.replaceFirst("^api/+", "").replaceFirst("[?;/].*$", "");
    return PlanningCollection.byPath(name).isEmpty()
        && (PlanningCollection.byRoute(name).isPresent() || TypedRoutes.find(name).isPresent());
  }

  /**
   * Asserts that {@code answer} refuses with {@code status} in the route's shape, its message
   * containing {@code fragment}; answers the message.
   */
  public static String assertRefused(String method, String path, Answer answer, int status, String fragment) {
    String context = method + " " + path + " -> " + answer.status() + " " + abbreviated(answer.body());
    String message;
    if (envelope(method, path)) {
      boolean http = method.equals("GET") || status == 401 || status == 403 || status == 408 || status == 413;
      assertEquals(http ? status : 200, answer.status(), context);
      assertTrue(answer.contentType().startsWith("application/json"), context);
      assertEquals(status, answer.statusCode(), context);
      assertEquals("application/json", answer.envelope().getString("contentType"), context);
      JsonObject content = answer.content();
      assertFalse(content.getBoolean("Success"), context);
      message = content.getString("Description");
    } else {
      assertEquals(status, answer.status(), context);
      assertTrue(answer.contentType().startsWith("application/problem+json"), context);
      JsonObject problem = answer.envelope();
      assertEquals(status, problem.getInt("status"), context);
      assertFalse(problem.getString("title").isBlank(), context);
      message = problem.getString("detail");
    }
    assertTrue(message.contains(fragment), "'" + fragment + "' not in: " + context);
    assertNoInternals(message, context);
    return message;
  }

  /** Asserts that a message says nothing of how PlanBridge is built. */
  /** Problem details with the status, whose detail has each of the texts. */
  public static void assertProblem(int status, Answer answer, String... detailContains) {
    assertEquals(status, answer.status(), answer.body());
    JsonObject problem = (JsonObject) answer.json();
    assertEquals(status, problem.getInt("status"), answer.body());
    for (String text : detailContains) {
      assertTrue(problem.getString("detail").contains(text), answer.body());
    }
  }

  public static void assertNoInternals(String message, String context) {
    String lower = message.toLowerCase(Locale.ROOT);
    for (String word : INTERNALS) {
      assertFalse(lower.contains(word), "'" + word + "' in: " + context);
    }
  }

  static String abbreviated(String body) {
    return body.length() > 600 ? body.substring(0, 600) + "..." : body;
  }
}
