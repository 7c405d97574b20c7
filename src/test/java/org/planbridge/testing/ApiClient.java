package org.planbridge.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain HTTP client for the PlanBridge API, the way an SDK or curl talks to it. */
public final class ApiClient {

  public static final String KEY = System.getenv().getOrDefault("PLANBRIDGE_API_KEY", "it-key-0123456789");

  // HTTP/1.1 as curl and the SDKs speak it (HTTP/2 would hide listener limits such as DELETE bodies).
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  public ApiClient(URL deployment) {
    String root = deployment.toString().replaceAll("/+$", "");
    this.base = URI.create(root.replaceAll("/planbridge$", "") + "/");
  }

  public Answer send(String method, String path, String body) {
    return send(method, path, body, KEY);
  }

  public Answer send(String method, String path, String body, String key) {
    return send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), key, Duration.ofSeconds(60));
  }

  /** Sends the body's bytes as they are (they need not be UTF-8), waiting at most {@code timeout} for the answer. */
  public Answer send(String method, String path, byte[] body, String key, Duration timeout) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (key != null) {
      request.header("X-API-KEY", key);
    }
    return send(request, method + " " + path);
  }

  /** A request without a body, with exactly these headers (name, value, name, value, ...): no key unless among them. */
  public Answer sendWith(String method, String path, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
        .method(method, HttpRequest.BodyPublishers.noBody());
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request, method + " " + path);
  }

  private Answer send(HttpRequest.Builder request, String what) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
    } catch (Exception e) {
      throw new IllegalStateException(what + ": " + e, e);
    }
  }

  /** The URI of {@code path} on the server under test. */
  public URI uri(String path) {
    return base.resolve(path);
  }

  public Answer get(String path) {
    return send("GET", path, null);
  }

  /** An HTTP answer; {@link #content()} unwraps the SDK envelope. */
  public record Answer(int status, String body, String contentType) {

    public JsonStructure json() {
      return Json.createReader(new StringReader(body)).read();
    }

    public JsonObject envelope() {
      return (JsonObject) json();
    }

    public int statusCode() {
      return envelope().getInt("statusCode");
    }

    public JsonObject content() {
      return Json.createReader(new StringReader(envelope().getString("content"))).readObject();
    }
  }
}
