package org.planbridge.platform.boundary;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.core.Response;
import org.planbridge.platform.control.Scope;

/**
 * Which shape a refusal takes on a route: the SDK envelope on the Dime-compatible writes
 * ({@code /api/import} and the typed routes, which the SDKs parse), RFC 9457 problem details on the
 * reads, the admin API, the metrics and PlanBridge's own integration routes ({@code /api/integration}), which
 * no SDK calls. Decided from the method and the path alone, so that a refusal made before
 * any resource runs (a key, a route that does not exist) has the shape the client expects.
 */
public final class Answers {

  private Answers() {}

  /**
   * Whether {@code method} on {@code path} (relative to {@code /api}) answers in the SDK envelope: a
   * write outside the admin API and the metrics, which are told apart the way the key filter tells them
   * ({@link Scope#neededFor}), and outside the integration routes.
   */
  public static boolean envelope(String method, String path) {
    return !HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method) && Scope.neededFor(path) == Scope.INGEST
        && !OWN.contains(Scope.firstSegment(path == null ? "" : path).toLowerCase(java.util.Locale.ROOT));
  }

  /** First segments of ingest-scope routes of PlanBridge's own, which answer problem details. */
  static final java.util.Set<String> OWN = java.util.Set.of("integration");

  /** A refusal in the route's shape (see {@link Envelope#refusal} for the envelope's HTTP status). */
  public static Response refusal(String method, String path, int status, String title, String detail) {
    return envelope(method, path) ? Envelope.refusal(status, detail) : Problem.of(status, title, detail);
  }
}
