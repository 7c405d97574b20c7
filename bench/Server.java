package bench;

import static bench.Bench.API_KEY;
import static bench.Bench.DB_PASSWORD;
import static bench.Bench.DB_URL;
import static bench.Bench.DB_USER;
import static bench.Bench.ROOT;
import static bench.Bench.WORK;
import static bench.Bench.intSetting;
import static bench.Bench.mib;
import static bench.Bench.setting;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.planbridge.launcher.PayaraMicro;
import org.planbridge.launcher.WildFly;

/**
 * PlanBridge under test: Payara Micro started the way server-config/payara/launcher's RunPayaraMicro does (same
 * options, same pre- and post-boot commands), or WildFly the way -Prun-wildfly does (server-config/wildfly), against
 * PostgreSQL through PLANBRIDGE_DB_*, on a free port, with a GC log; or the same server with nothing deployed (the
 * start-up benchmark's baseline). Stopped by {@link #close()} or, for whatever is still running, by
 * {@link #stopAll()}.
 */
final class Server implements AutoCloseable {

  /** The servers the WAR ships for that a benchmark starts itself. */
  enum Kind { PAYARA_MICRO, WILDFLY }

  static final Path WILDFLY_HOME = ROOT.resolve(setting("BENCH_WILDFLY_HOME", "target/wildfly-39.0.1.Final"));

  static final Path PAYARA_DIR = ROOT.resolve("target/payara");
  static final Path WAR = ROOT.resolve("target/planbridge.war");
  static final List<Process> SERVERS = new CopyOnWriteArrayList<>();

  final Process process;
  final int port;
  final URI readiness;
  final Path log;
  final Path gcLog;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  double bootSeconds;

  private Server(Process process, int port, URI readiness, Path log, Path gcLog) {
    this.process = process;
    this.port = port;
    this.readiness = readiness;
    this.log = log;
    this.gcLog = gcLog;
  }

  /** Boot {@code boot} of the import benchmark: logs bench/work/server-<boot>.log, no extra environment. */
  static Server start(int boot, long xmxMiB) throws Exception {
    return start("server-" + boot, xmxMiB, Map.of());
  }

  /**
   * A JFR recording of method samples from the server's start (bench/sampling.jfc, recording {@code bench}), which
   * the drain benchmark writes out with {@code jcmd JFR.dump} after its last round.
   */
  static boolean PROFILE;

  /**
   * Starts PlanBridge with {@code -Xmx<xmxMiB>m} on a free port against {@link Bench#DB_URL}, logging to
   * bench/work/<name>.log, and waits until it is ready. {@code extraEnvironment} adds to (or overrides) the
   * PLANBRIDGE_* variables set here, e.g. {@code PLANBRIDGE_SECRET_KEY}.
   */
  static Server start(String name, long xmxMiB, Map<String, String> extraEnvironment) throws Exception {
    return start(Kind.PAYARA_MICRO, WAR, name, xmxMiB, extraEnvironment);
  }

  /**
   * Starts {@code kind} with {@code -Xmx<xmxMiB>m}, with {@code war} deployed (PlanBridge's {@link #WAR}, or a
   * start-up floor WAR) or nothing ({@code null}), and waits until it is ready: the application's readiness UP, or
   * for an empty server its HTTP port answering at all. {@link #bootSeconds} is the time from the process start to
   * then.
   */
  static Server start(Kind kind, Path war, String name, long xmxMiB, Map<String, String> extraEnvironment)
      throws Exception {
    boolean deployed = war != null;
    Path log = WORK.resolve(name + ".log");
    Path gcLog = WORK.resolve(name + "-gc.log");
    Files.deleteIfExists(gcLog);
    String jvm = "-Xmx" + xmxMiB + "m -Xlog:gc:file=" + gcLog;
    ProcessBuilder builder;
    int port;
    URI readiness;
    if (kind == Kind.WILDFLY) {
      WildFly wildFly = WildFly.configured(WILDFLY_HOME, ROOT.resolve("server-config/wildfly/configure.cli"),
          PAYARA_DIR.resolve("postgresql.jar"));
      int offset = WildFly.freeOffset(200);
      port = WildFly.httpPort(offset);
      Path base = wildFly.instance(WORK.resolve(name + "-wildfly"), deployed ? war : WAR);
      if (!deployed) {
        Files.delete(base.resolve("deployments/planbridge.war"));
      }
      builder = wildFly.command(base, port, offset);
      builder.environment().put("JBOSS_JAVA_SIZING", "-Xms64m " + jvm + " -XX:MaxMetaspaceSize=512m");
      readiness = WildFly.readiness(offset);
    } else {
      port = freePort();
      List<String> command = PayaraMicro.command(PAYARA_DIR, war, port, List.of(
          "-Xmx" + xmxMiB + "m", "-Xlog:gc:file=" + gcLog,
          PROFILE ? "-XX:StartFlightRecording=name=bench,settings=" + ROOT.resolve("bench/sampling.jfc")
              : "-Dbench.profile=off"));
      command.addAll(List.of("--rootdir",
          Files.createTempDirectory(Files.createDirectories(WORK), name + "-payara-").toString()));
      builder = new ProcessBuilder(command);
      readiness = URI.create("http://127.0.0.1:" + port + "/health/ready");
    }
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    environment.put("PLANBRIDGE_DB_URL", DB_URL);
    environment.put("PLANBRIDGE_DB_USER", DB_USER);
    environment.put("PLANBRIDGE_DB_PASSWORD", DB_PASSWORD);
    environment.put("PLANBRIDGE_DB_DATASOURCE", "org.postgresql.ds.PGSimpleDataSource");
    environment.put("PLANBRIDGE_HTTP_PORT", String.valueOf(port));
    environment.put("PLANBRIDGE_API_KEY", API_KEY);
    environment.putAll(extraEnvironment);
    long begin = System.nanoTime();
    Process process = builder.start();
    SERVERS.add(process);
    Server server = new Server(process, port, deployed ? readiness : URI.create("http://127.0.0.1:" + port + "/"),
        log, gcLog);
    try {
      server.awaitReady(Duration.ofSeconds(intSetting("BENCH_BOOT_TIMEOUT_SECONDS", 300)), deployed);
    } catch (Exception e) {
      server.close();
      throw e;
    }
    server.bootSeconds = (System.nanoTime() - begin) / 1e9;
    return server;
  }

  void awaitReady(Duration timeout) throws Exception {
    awaitReady(timeout, true);
  }

  /** Until the readiness URL says UP, or (not {@code health}) answers at all. */
  void awaitReady(Duration timeout, boolean health) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the server exited with code " + process.exitValue() + " while booting; see " + log);
      }
      try {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(readiness)
            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        last = response.statusCode() + " " + response.body();
        if (!health || response.statusCode() == 200 && response.body().replace(" ", "").contains("\"status\":\"UP\"")) {
          return;
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(100); // the start-up benchmark's resolution
    }
    throw new IllegalStateException("the server was not ready within " + timeout.toSeconds() + " s (last: " + last
        + "); see " + log);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** One POST /api/import; fails unless the envelope and its content both say success. */
  void importRequest(byte[] body) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/import"))
        .timeout(Duration.ofSeconds(300))
        .header("X-API-KEY", API_KEY)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    String failure = null;
    if (response.statusCode() != 200) {
      failure = "HTTP " + response.statusCode();
    } else {
      try {
        Object envelope = Json.parse(response.body());
        Object statusCode = ((Map<?, ?>) envelope).get("statusCode");
        Object content = Json.parse((String) ((Map<?, ?>) envelope).get("content"));
        if (!(statusCode instanceof Number n && n.intValue() == 200) || !Boolean.TRUE.equals(((Map<?, ?>) content).get("Success"))) {
          failure = "not a success";
        }
      } catch (RuntimeException e) {
        failure = "unreadable answer (" + e + ")";
      }
    }
    if (failure != null) {
      String answer = response.body();
      if (answer.startsWith("<")) {
        answer = answer.replaceAll("(?s).*<h1>(.*?)</h1>.*", "$1");
      }
      throw new IllegalStateException("POST /api/import failed: " + failure + ": "
          + (answer.length() > 600 ? answer.substring(0, 600) + "..." : answer));
    }
  }

  /** Forces a full GC in the server (jcmd GC.run), then reads the heap from MicroProfile Metrics, or from jcmd. */
  Heap heapAfterGc() throws Exception {
    jcmd("GC.run");
    jcmd("GC.run");
    for (String path : List.of("/metrics/base", "/metrics?scope=base")) {
      try {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
            .header("Accept", "text/plain").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          OptionalMetric used = metric(response.body(), "usedHeap");
          OptionalMetric committed = metric(response.body(), "committedHeap");
          OptionalMetric max = metric(response.body(), "maxHeap");
          if (used.present && committed.present && max.present) {
            return new Heap(used.value, committed.value, max.value, "MicroProfile Metrics GET " + path
                + " memory.usedHeap after jcmd GC.run");
          }
        }
      } catch (IOException e) {
        // try the next path, then jcmd
      }
    }
    String info = jcmd("GC.heap_info");
    Matcher used = Pattern.compile("total (\\d+)K, used (\\d+)K").matcher(info);
    if (!used.find()) {
      throw new IllegalStateException("cannot read the server heap: " + info);
    }
    long committed = Long.parseLong(used.group(1)) * 1024;
    return new Heap(Long.parseLong(used.group(2)) * 1024, committed, committed, "jcmd GC.heap_info after jcmd GC.run");
  }

  record OptionalMetric(boolean present, long value) {}

  static OptionalMetric metric(String prometheus, String name) {
    Pattern pattern = Pattern.compile("^\\S*" + name + "\\S*\\s+([0-9.eE+-]+)\\s*$", Pattern.MULTILINE);
    Matcher matcher = pattern.matcher(prometheus);
    return matcher.find() ? new OptionalMetric(true, (long) Double.parseDouble(matcher.group(1))) : new OptionalMetric(false, 0);
  }

  String jcmd(String... command) throws Exception {
    List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        String.valueOf(process.pid())));
    line.addAll(List.of(command));
    Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output;
    try (InputStream in = jcmd.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (jcmd.waitFor() != 0) {
      throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
    }
    return output;
  }

  /** Thread dumps of the server every second, into bench/work/stacks-<label>-NN.txt, until interrupted. */
  Thread startStackSampler(String label) {
    Thread sampler = new Thread(() -> {
      int n = 0;
      try {
        while (!Thread.currentThread().isInterrupted()) {
          Thread.sleep(1000);
          Files.writeString(WORK.resolve(String.format("stacks-%s-%02d.txt", label, ++n)), jcmd("Thread.print"));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        System.err.println("stack sampling stopped: " + e);
      }
    }, "stack-sampler");
    sampler.setDaemon(true);
    sampler.start();
    return sampler;
  }

  long gcLogLines() throws IOException {
    return Files.exists(gcLog) ? Files.readAllLines(gcLog).size() : 0;
  }

  record GcSummary(int pauses, int fullGcs, long maxAfterMiB, long maxBeforeMiB, double pauseMillis) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d GC pauses (%d full), %.1f s paused in all; largest heap before a GC %d MiB,"
          + " largest heap left after a GC %d MiB", pauses, fullGcs, pauseMillis / 1000, maxBeforeMiB, maxAfterMiB);
    }
  }

  GcSummary gcSummary(long fromLine) throws IOException {
    List<String> lines = Files.readAllLines(gcLog);
    Pattern pause = Pattern.compile("Pause (\\w+).*?(\\d+)M->(\\d+)M\\((\\d+)M\\) ([0-9.]+)ms");
    double pauseMillis = 0;
    int pauses = 0;
    int full = 0;
    long maxAfter = 0;
    long maxBefore = 0;
    for (String line : lines.subList((int) Math.min(fromLine, lines.size()), lines.size())) {
      Matcher matcher = pause.matcher(line);
      if (matcher.find()) {
        pauses++;
        if (matcher.group(1).equals("Full")) {
          full++;
        }
        maxBefore = Math.max(maxBefore, Long.parseLong(matcher.group(2)));
        maxAfter = Math.max(maxAfter, Long.parseLong(matcher.group(3)));
        pauseMillis += Double.parseDouble(matcher.group(5));
      }
    }
    return new GcSummary(pauses, full, maxAfter, maxBefore, pauseMillis);
  }

  String version() throws IOException {
    Matcher matcher = Pattern.compile("(Payara Micro \\S+) \\(build").matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
    return matcher.find() ? matcher.group(1) : "Payara Micro";
  }

  /** CPU time the server process has used so far (user + system). */
  Duration cpu() {
    return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  boolean logContains(String text) throws IOException {
    return Files.readString(log, StandardCharsets.ISO_8859_1).contains(text);
  }

  @Override
  public void close() {
    stop(process);
    SERVERS.remove(process);
  }

  record Heap(long usedBytes, long committedBytes, long maxBytes, String source) {
    long usedMiB() { return mib(usedBytes); }
  }

  /** A thread dump of every server still running into bench/work/{@code name}-<pid>.txt (for a stalled run). */
  static void threadDumps(String name) {
    for (Process process : SERVERS) {
      Path dump = WORK.resolve(name + "-" + process.pid() + ".txt");
      try {
        new ProcessBuilder("jcmd", String.valueOf(process.pid()), "Thread.print").redirectErrorStream(true)
            .redirectOutput(dump.toFile()).start().waitFor();
        System.out.println("thread dump of the server (pid " + process.pid() + "): " + dump);
      } catch (IOException e) {
        System.out.println("no thread dump of pid " + process.pid() + ": " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Runs a benchmark and exits with the code it answers (0 targets met, 3 a target missed), or 1 when it failed;
   * every server is stopped at the end, and by a shutdown hook when the run is cut off.
   */
  static void exitWith(java.util.concurrent.Callable<Integer> benchmark) throws IOException {
    Runtime.getRuntime().addShutdownHook(new Thread(Server::stopAll));
    java.nio.file.Files.createDirectories(WORK);
    int exit;
    try {
      exit = benchmark.call();
    } catch (Exception | Error e) {
      System.out.println();
      System.out.println("BENCHMARK FAILED: " + e);
      e.printStackTrace(System.out);
      exit = 1;
    } finally {
      stopAll();
    }
    System.exit(exit);
  }

  static void stopAll() {
    for (Process process : SERVERS) {
      stop(process);
    }
  }

  /** SIGTERM (WildFly's start script passes it on), then SIGKILL to it and its children after 30 s. */
  static void stop(Process process) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
