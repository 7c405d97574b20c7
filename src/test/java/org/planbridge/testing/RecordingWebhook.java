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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A back office that takes webhook POSTs on 127.0.0.1 and keeps what it accepted, in the order it
 * accepted them; it answers with the status set by {@link #answer(int)}, after the delay set by
 * {@link #delay(Duration)} (a slow back office). Requests are handled in parallel, as a real back
 * office does. {@link #stop()} closes the port, as a back office that is down; {@link #start()}
 * listens on the same port again.
 */
public final class RecordingWebhook implements AutoCloseable {

  /** One accepted request, with the moment it was accepted. */
  public record Received(JsonObject body, String rawBody, String signature, String authorization,
      String idempotencyKey, Instant at) {

    public long appointmentId() {
      return body.getJsonObject("appointment").getJsonNumber("appointmentId").longValue();
    }

    public long transactionId() {
      return body.getJsonNumber("transactionId").longValue();
    }

    public int sequence() {
      return body.getInt("sequence");
    }
  }

  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger refused = new AtomicInteger();
  private final AtomicInteger concurrent = new AtomicInteger();
  private final AtomicInteger maxConcurrent = new AtomicInteger();
  private volatile int status = 200;
  private volatile long delayMs;
  private final int port;
  private final int threadCount;
  private HttpServer server;
  private ExecutorService threads;

  /** A back office that handles any number of requests at once. */
  public RecordingWebhook() throws IOException {
    this(0);
  }

  /** A back office that handles at most {@code threadCount} requests at once (0: no limit). */
  public RecordingWebhook(int threadCount) throws IOException {
    this.threadCount = threadCount;
    server = listen(0);
    port = server.getAddress().getPort();
  }

  public String uri() {
    return "http://127.0.0.1:" + port + "/hook";
  }

  public void answer(int status) {
    this.status = status;
  }

  /**
   * The next {@code count} requests are refused with {@code status} and a {@code Retry-After} of that many
   * seconds (none when null); then the status set by {@link #answer(int)} again.
   */
  public void refuseNext(int count, int status, Duration retryAfter) {
    refusal = new Refusal(new java.util.concurrent.atomic.AtomicInteger(count), status, retryAfter);
  }

  private record Refusal(java.util.concurrent.atomic.AtomicInteger left, int status, Duration retryAfter) {}

  private volatile Refusal refusal;

  /** Each request is answered only after this delay. */
  public void delay(Duration delay) {
    this.delayMs = delay.toMillis();
  }

  public List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  public int size() {
    return received.size();
  }

  /** How many requests were answered with a status other than 2xx. */
  public int refused() {
    return refused.get();
  }

  /** The most requests that were in progress at once. */
  public int maxConcurrent() {
    return maxConcurrent.get();
  }

  public void stop() {
    server.stop(0);
    threads.shutdownNow();
  }

  public void start() throws IOException {
    server = listen(port);
  }

  @Override
  public void close() {
    stop();
  }

  private HttpServer listen(int on) throws IOException {
    HttpServer listening = HttpServer.create(new InetSocketAddress("127.0.0.1", on), 200);
    listening.createContext("/", this::handle);
    java.util.concurrent.ThreadFactory daemons = runnable -> {
      Thread thread = new Thread(runnable, "recording-webhook");
      thread.setDaemon(true);
      return thread;
    };
    threads = threadCount > 0 ? Executors.newFixedThreadPool(threadCount, daemons) : Executors.newCachedThreadPool(daemons);
    listening.setExecutor(threads);
    listening.start();
    return listening;
  }

  private void handle(HttpExchange exchange) throws IOException {
    maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
    try (InputStream in = exchange.getRequestBody()) {
      String raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      if (delayMs > 0) {
        Thread.sleep(delayMs);
      }
      int answer = status;
      Refusal refusing = refusal;
      if (refusing != null && refusing.left().getAndDecrement() > 0) {
        answer = refusing.status();
        if (refusing.retryAfter() != null) {
          exchange.getResponseHeaders().add("Retry-After", String.valueOf(refusing.retryAfter().toSeconds()));
        }
      }
      if (answer / 100 == 2) {
        received.add(new Received(Json.createReader(new StringReader(raw)).readObject(), raw,
            exchange.getRequestHeaders().getFirst("X-PlanBridge-Signature"),
            exchange.getRequestHeaders().getFirst("Authorization"),
            exchange.getRequestHeaders().getFirst("Idempotency-Key"), Instant.now()));
      } else {
        refused.incrementAndGet();
      }
      byte[] reply = (answer / 100 == 2 ? "{\"ok\":true}" : "{\"error\":\"back office says no\"}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(answer, reply.length);
      exchange.getResponseBody().write(reply);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      concurrent.decrementAndGet();
      exchange.close();
    }
  }
}
