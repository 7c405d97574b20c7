package org.planbridge.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A back office that takes webhook POSTs on 127.0.0.1 and keeps what it accepted; it answers with
 * the status set by {@link #answer(int)}. {@link #stop()} closes the port, as a back office that is
 * down; {@link #start()} listens on the same port again.
 */
public final class RecordingWebhook implements AutoCloseable {

  /** One accepted request. */
  public record Received(JsonObject body, String rawBody, String signature, String authorization,
      String idempotencyKey) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private volatile int status = 200;
  private final int port;
  private HttpServer server;

  public RecordingWebhook() throws IOException {
    server = listen(0);
    port = server.getAddress().getPort();
  }

  public String uri() {
    return "http://127.0.0.1:" + port + "/hook";
  }

  public void answer(int status) {
    this.status = status;
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public void stop() {
    server.stop(0);
  }

  public void start() throws IOException {
    server = listen(port);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private HttpServer listen(int on) throws IOException {
    HttpServer listening = HttpServer.create(new InetSocketAddress("127.0.0.1", on), 50);
    listening.createContext("/", this::handle);
    listening.start();
    return listening;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int answer = status;
      if (answer / 100 == 2) {
        received.add(new Received(Json.createReader(new StringReader(raw)).readObject(), raw,
            exchange.getRequestHeaders().getFirst("X-PlanBridge-Signature"),
            exchange.getRequestHeaders().getFirst("Authorization"),
            exchange.getRequestHeaders().getFirst("Idempotency-Key")));
      }
      byte[] reply = (answer / 100 == 2 ? "{\"ok\":true}" : "{\"error\":\"back office says no\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer, reply.length);
      exchange.getResponseBody().write(reply);
    } finally {
      exchange.close();
    }
  }
}
