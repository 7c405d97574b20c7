package bench;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The ceiling: a plain loop posting the engine's bodies to the stub, exactly as WebhookClient does (same headers,
 * signature, Basic auth, client settings, body handler, and the same one retry on a stale kept-alive connection),
 * from {@code concurrency} threads each posting one request at a time. One client for all rounds, as the engine
 * keeps one.
 *
 * <p>Runs in the stub's JVM ({@link #post}), or as a JVM of its own ({@link #main}), which is how the engine runs:
 * the server is a process apart from the stub, so every request and answer wakes a thread in another process. The
 * process reads the bodies from a file and then, for each line {@code go <n>} on its standard input, posts the first
 * {@code n} and answers {@code done}.
 */
final class CeilingLoop implements Sender {

  static final String LOGIN = "planbridge";
  static final String PASSWORD = "bench-hook-secret";
  // As WebhookClient's defaults (planbridge.webhook.connect/read.timeout.ms).
  static final Duration CONNECT_TIMEOUT = Duration.ofMillis(5_000);
  static final Duration READ_TIMEOUT = Duration.ofMillis(30_000);

  record Body(long id, String body) {}

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final URI uri;

  CeilingLoop(URI uri) {
    this.uri = uri;
  }

  /** Posts {@code bodies} from {@code concurrency} threads (a pool of its own, as each drain starts its workers). */
  void post(List<Body> bodies, int concurrency) throws Exception {
    post(this, bodies, concurrency, () -> { });
  }

  /** As above; {@code whileThreadsLive} runs once all are answered, before the pool's threads end. */
  void post(List<Body> bodies, int concurrency, Runnable whileThreadsLive) throws Exception {
    post(this, bodies, concurrency, whileThreadsLive);
  }

  /** {@code bodies} sent by {@code sender} from {@code concurrency} threads, each sending one at a time. */
  static void post(Sender sender, List<Body> bodies, int concurrency, Runnable whileThreadsLive) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<?>> loops = new ArrayList<>();
      for (int t = 0; t < concurrency; t++) {
        loops.add(threads.submit(() -> {
          for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
            sender.send(bodies.get(i));
          }
          return null;
        }));
      }
      for (Future<?> loop : loops) {
        loop.get();
      }
      whileThreadsLive.run();
    } finally {
      threads.shutdownNow();
    }
  }

  @Override
  public void send(Body body) throws Exception {
    String credentials = LOGIN + ":" + PASSWORD;
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(READ_TIMEOUT)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", String.valueOf(body.id()))
        .POST(HttpRequest.BodyPublishers.ofString(body.body(), StandardCharsets.UTF_8))
        .header("X-PlanBridge-Signature", sign(body.body(), PASSWORD))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            credentials.getBytes(StandardCharsets.UTF_8)))
        .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      if (!String.valueOf(e.getMessage()).contains("header parser received no bytes")) {
        throw e;
      }
      // as WebhookClient.exchange: a kept-alive connection the stub closed just as it was reused, once more
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    }
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException("the stub answered " + response.statusCode());
    }
  }

  /** The body the engine sends (Claimed.body()): the payload with the transaction id, the idempotency key, in front. */
  static String body(long id, String payload) {
    return "{\"transactionId\":" + id + "," + payload.substring(1);
  }

  static String sign(String body, String secret) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  static void write(Path file, List<Body> bodies) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)))) {
      out.writeInt(bodies.size());
      for (Body body : bodies) {
        out.writeLong(body.id());
        byte[] bytes = body.body().getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
      }
    }
  }

  static List<Body> read(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
      int count = in.readInt();
      List<Body> bodies = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        long id = in.readLong();
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        bodies.add(new Body(id, new String(bytes, StandardCharsets.UTF_8)));
      }
      return bodies;
    }
  }

  /**
   * {@code CeilingLoop <stub URI> <bodies file> <concurrency>}, then lines on standard input: {@code go <n>} posts the
   * first {@code n} bodies; {@code floor <n>} and {@code floorpk <n>} run {@link OutboxFloor} on those tables until
   * {@code n} outcomes are recorded.
   */
  public static void main(String[] args) throws Exception {
    serve(new CeilingLoop(URI.create(args[0])), read(Path.of(args[1])), Integer.parseInt(args[2]));
  }

  /** Answers the commands of {@link #main} on standard input, sending with {@code loop}. */
  static void serve(Sender loop, List<Body> bodies, int concurrency) throws Exception {
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    System.out.println("ready");
    System.out.flush();
    for (String line = commands.readLine(); line != null && line.matches("(go|floor|floorpk) \\d+");
        line = commands.readLine()) {
      try {
        int count = Integer.parseInt(line.substring(line.indexOf(' ') + 1));
        if (line.startsWith("floor")) {
          OutboxFloor.run(line.substring(0, line.indexOf(' ')), loop, count, concurrency);
        } else {
          post(loop, bodies.subList(0, count), concurrency, () -> { });
        }
        System.out.println("done");
      } catch (Exception e) {
        System.out.println("failed " + e);
      }
      System.out.flush();
    }
  }

  /** The loop as a JVM of its own, with the server's heap limit; stopped on {@link #close}. */
  static final class Child implements AutoCloseable {

    private final java.lang.Process process;
    private final BufferedReader answers;
    private final java.io.Writer commands;

    private final Path file;
    private final String name;

    Child(URI stub, List<Body> bodies, int concurrency, long xmxMiB, Path work) throws IOException {
      this("ceiling-loop", System.getProperty("java.class.path"), CeilingLoop.class.getName(), bodies, xmxMiB, work,
          stub.toString(), "%BODIES%", String.valueOf(concurrency));
    }

    /**
     * {@code main} on {@code classpath} in a JVM of its own, logging to bench/work/{@code name}.log, with the bodies
     * written to a file whose path replaces {@code %BODIES%} in {@code arguments}; it must say {@code ready}, then
     * answer each command with {@code done}.
     */
    Child(String name, String classpath, String main, List<Body> bodies, long xmxMiB, Path work, String... arguments)
        throws IOException {
      this.name = name;
      file = work.resolve(name + "-bodies.bin");
      write(file, bodies);
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
          .toString(), "-Xmx" + xmxMiB + "m", "-cp", classpath, main));
      for (String argument : arguments) {
        command.add(argument.replace("%BODIES%", file.toString()));
      }
      process = new ProcessBuilder(command).redirectError(work.resolve(name + ".log").toFile()).start();
      answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      commands = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      expect("ready");
    }

    /** Posts the first {@code count} bodies and returns once all were answered. */
    void post(int count) throws IOException {
      command("go " + count);
    }

    /** Runs {@link OutboxFloor} on {@code tables} until {@code count} outcomes are recorded. */
    void floor(String tables, int count) throws IOException {
      command(tables + " " + count);
    }

    void command(String line) throws IOException {
      commands.write(line + "\n");
      commands.flush();
      expect("done");
    }

    /** Sends {@code line} and answers the words of the child's answer after its first word, {@code done}. */
    String[] ask(String line) throws IOException {
      commands.write(line + "\n");
      commands.flush();
      String answer = answers.readLine();
      if (answer == null || !answer.startsWith("done")) {
        throw new IllegalStateException(name + " answered " + answer + " (see bench/work/" + name + ".log)");
      }
      return answer.substring(4).trim().split(" ");
    }

    private void expect(String answer) throws IOException {
      String line = answers.readLine();
      if (!answer.equals(line)) {
        throw new IllegalStateException(name + " answered " + line + " (see bench/work/" + name + ".log)");
      }
    }

    long pid() {
      return process.pid();
    }

    /** The bodies, as {@link #read} reads them. */
    Path bodiesFile() {
      return file;
    }

    /** CPU seconds the loop's JVM has used so far. */
    double cpu() {
      return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO).toMillis() / 1000.0;
    }

    @Override
    public void close() {
      process.destroy();
    }
  }
}
