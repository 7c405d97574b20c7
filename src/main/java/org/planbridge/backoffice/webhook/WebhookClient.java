package org.planbridge.backoffice.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbridge.backoffice.BackOfficeClient;
import org.planbridge.backoffice.CheckList;
import org.planbridge.backoffice.CheckStep;
import org.planbridge.backoffice.Delivery;
import org.planbridge.backoffice.DeliveryFailed;
import org.planbridge.backoffice.RetryAfter;
import org.planbridge.backoffice.Target;

/**
 * POSTs the appointment as JSON to the connector's URI. With a password set, the body is signed:
 * {@code X-PlanBridge-Signature: sha256=<hex HMAC-SHA256 of the body>}; with a login, Basic auth.
 * The transaction id travels as {@code Idempotency-Key} and inside the body.
 */
@ApplicationScoped
public class WebhookClient implements BackOfficeClient {

  public static final String SIGNATURE = "X-PlanBridge-Signature";
  static final int BODY_EXCERPT = 1024;

  @Inject
  @ConfigProperty(name = "planbridge.webhook.connect.timeout.ms", defaultValue = "5000")
  long connectTimeoutMs;

  @Inject
  @ConfigProperty(name = "planbridge.webhook.read.timeout.ms", defaultValue = "30000")
  long readTimeoutMs;

  private volatile HttpClient http;

  /**
   * Connecting plus waiting for the answer (the one retry on a connection closed as it was reused follows a
   * failure that comes at once, before any wait).
   */
  @Override
  public long longestDeliveryMs(Target target) {
    return connectTimeoutMs + readTimeoutMs;
  }

  @Override
  public void send(Delivery delivery) throws DeliveryFailed {
    Target target = delivery.target();
    HttpRequest.Builder request = HttpRequest.newBuilder(target.uri())
        .timeout(Duration.ofMillis(readTimeoutMs))
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", String.valueOf(delivery.transactionId()))
        .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8));
    if (target.password() != null && !target.password().isEmpty()) {
      request.header(SIGNATURE, Signatures.sign(delivery.body(), target.password()));
    }
    if (target.login() != null && !target.login().isBlank()) {
      String credentials = target.login() + ":" + (target.password() == null ? "" : target.password());
      request.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> response;
    try {
      response = exchange(request.build());
    } catch (HttpTimeoutException e) {
      throw new DeliveryFailed("No answer from " + target.uri() + " within " + readTimeoutMs + " ms", e);
    } catch (IOException e) {
      throw new DeliveryFailed("Cannot reach " + target.uri() + ": " + describe(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailed("Interrupted while sending to " + target.uri(), e);
    }
    if (response.statusCode() / 100 != 2) {
      String body = response.body() == null ? "" : response.body();
      Optional<Duration> retryAfter = RetryAfter.of(response);
      throw new DeliveryFailed("HTTP " + response.statusCode() + " from " + target.uri()
          + retryAfter.map(wait -> " (Retry-After: " + wait.toSeconds() + " s)").orElse("") + ": "
          + (body.length() > BODY_EXCERPT ? body.substring(0, BODY_EXCERPT) : body), null, retryAfter.orElse(null));
    }
  }

  /**
   * Reaches the URI with a GET (no appointment is sent): any HTTP answer means the host, the port and TLS work;
   * what a webhook answers a GET (often 405) says nothing about its POSTs, so the status is reported, not judged.
   */
  @Override
  public List<CheckStep> check(Target target) {
    CheckList steps = new CheckList(e -> e instanceof HttpTimeoutException
        ? "No answer from " + target.uri() + " within " + readTimeoutMs + " ms"
        : e instanceof IOException io ? "Cannot reach " + target.uri() + ": " + describe(io) : e.getMessage());
    steps.run("reach " + target.uri(), () -> client().send(HttpRequest.newBuilder(target.uri()).GET()
        .timeout(Duration.ofMillis(readTimeoutMs)).build(), HttpResponse.BodyHandlers.discarding()),
        answer -> "HTTP " + answer.statusCode() + " to a GET (appointments are POSTed)");
    return steps.steps();
  }

  /**
   * Sends once more, on a new connection, when a kept-alive connection turns out to have been closed by the back
   * office just as it was reused: the answer is an end of stream before any byte. Servers close idle connections
   * after their own timeout (IIS 2 min, nginx 75 s, Jetty 30 s), the JDK client keeps them 20 min, and it
   * retries on its own only for idempotent methods, not for this POST. The retry carries the same
   * Idempotency-Key. Once only: a back office that closes every connection without an answer is Failed.
   */
  private HttpResponse<String> exchange(HttpRequest request) throws IOException, InterruptedException {
    try {
      return client().send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      if (!closedBeforeAnswering(e)) {
        throw e;
      }
      return client().send(request, HttpResponse.BodyHandlers.ofString());
    }
  }

  static boolean closedBeforeAnswering(IOException failure) {
    if (failure instanceof HttpTimeoutException || failure instanceof java.net.ConnectException) {
      return false;
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null && cause.getMessage().contains("header parser received no bytes")) {
        return true;
      }
    }
    return false;
  }

  private HttpClient client() {
    if (http == null) {
      http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(connectTimeoutMs))
          .followRedirects(HttpClient.Redirect.NEVER).build();
    }
    return http;
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      Throwable cause = e.getCause();
      message = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getClass().getSimpleName();
    }
    return e instanceof java.net.ConnectException ? "connection refused (" + message + ")" : message;
  }
}
