package org.planbridge.backoffice.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.planbridge.backoffice.Delivery;
import org.planbridge.connector.entity.BackOfficeSystem;
import org.planbridge.backoffice.DeliveryFailed;
import org.planbridge.testing.Targets;

/**
 * The webhook client against a back office written at the socket level, to produce what an HTTP server library
 * hides: a kept-alive connection closed without an answer, and Retry-After.
 */
class WebhookClientTest {

  /** Per connection, what to do with each request on it: an HTTP status to answer, or 0 to close unanswered. */
  interface Script {
    int answer(int connection, int request);
  }

  final List<String> keys = new CopyOnWriteArrayList<>();
  final AtomicInteger connections = new AtomicInteger();
  ServerSocket server;
  URI uri;
  volatile String extraHeaders = "";

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  @Test
  void aKeptAliveConnectionTheBackOfficeClosedIsRetriedOnceOnANewOneWithTheSameIdempotencyKey() throws Exception {
    // connection 1 answers its first request, then closes on the second without a byte, as an idle timeout does
    WebhookClient client = client(listen((connection, request) -> connection == 1 && request == 2 ? 0 : 200));

    client.send(delivery(1));
    client.send(delivery(2));

    assertEquals(List.of("1", "2", "2"), keys, "transaction 2 went out again, on a new connection");
    assertEquals(2, connections.get());
  }

  @Test
  void aBackOfficeThatNeverAnswersIsFailedAfterOneRetry() throws Exception {
    WebhookClient client = client(listen((connection, request) -> 0));

    DeliveryFailed failed = assertThrows(DeliveryFailed.class, () -> client.send(delivery(7)));

    assertTrue(failed.getMessage().startsWith("Cannot reach http://127.0.0.1:"), failed.getMessage());
    assertEquals(List.of("7", "7"), keys, "one retry, not more");
  }

  @Test
  void aRefusalCarriesTheRetryAfterTheBackOfficeAskedFor() throws Exception {
    extraHeaders = "Retry-After: 120\r\n";
    WebhookClient client = client(listen((connection, request) -> 503));

    DeliveryFailed failed = assertThrows(DeliveryFailed.class, () -> client.send(delivery(3)));

    assertEquals(Duration.ofSeconds(120), failed.retryAfter().orElseThrow());
    assertTrue(failed.getMessage().matches("HTTP 503 from http://127\\.0\\.0\\.1:\\d+/hook \\(Retry-After: 120 s\\): "
        + "busy"), failed.getMessage());
    assertEquals(List.of("3"), keys, "a refusal is an answer: not sent again at once");
  }

  WebhookClient client(URI listening) {
    uri = listening;
    WebhookClient client = new WebhookClient();
    client.connectTimeoutMs = 2000;
    client.readTimeoutMs = 5000;
    return client;
  }

  Delivery delivery(long transactionId) {
    return new Delivery(transactionId, "{\"transactionId\":" + transactionId + "}",
        Targets.of(BackOfficeSystem.WEBHOOK, "WEBHOOK", uri).build());
  }

  URI listen(Script script) throws IOException {
    server = new ServerSocket(0);
    Thread acceptor = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          Socket socket = server.accept();
          int connection = connections.incrementAndGet();
          Thread serving = new Thread(() -> serve(socket, connection, script));
          serving.setDaemon(true);
          serving.start();
        } catch (IOException closed) {
          return;
        }
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();
    return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/hook");
  }

  private void serve(Socket socket, int connection, Script script) {
    try (socket) {
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      OutputStream out = socket.getOutputStream();
      for (int request = 1; ; request++) {
        int length = 0;
        String line = in.readLine();
        if (line == null) {
          return;
        }
        while (!(line = in.readLine()).isEmpty()) {
          String lower = line.toLowerCase();
          if (lower.startsWith("content-length:")) {
            length = Integer.parseInt(line.substring(15).trim());
          } else if (lower.startsWith("idempotency-key:")) {
            keys.add(line.substring(16).trim());
          }
        }
        in.skip(length);
        int status = script.answer(connection, request);
        if (status == 0) {
          return; // closed without a byte of answer
        }
        byte[] body = (status == 200 ? "" : "busy").getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + status + " X\r\nContent-Length: " + body.length + "\r\n" + extraHeaders + "\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
      }
    } catch (IOException e) {
      // the client went away
    }
  }
}
