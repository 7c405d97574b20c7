package org.planbridge.testing;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * PlanBridge as a process of its own: Payara Micro started with the WAR this build packaged, the
 * same command line as {@code ./mvnw -Prun} (server-config/payara/launcher/RunPayaraMicro.java) and
 * {@code bench/ImportBenchmark.java}. For tests that need what Arquillian cannot give: several
 * instances on one database, and killing one with SIGKILL.
 *
 * <p>The environment is the test JVM's (failsafe sets the database, API key and secret key), with
 * the given settings on top. Output goes to {@code target/planbridge-processes/<name>.log}.
 */
public final class PlanBridgeProcess implements AutoCloseable {

  private static final Path WORK = Path.of("target", "planbridge-processes").toAbsolutePath();
  private static final List<PlanBridgeProcess> RUNNING = new ArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      synchronized (RUNNING) {
        RUNNING.forEach(p -> p.process.destroyForcibly());
      }
    }));
  }

  private final String name;
  private final Process process;
  private final int port;
  private final Path log;
  private final Path rootDir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private PlanBridgeProcess(String name, Process process, int port, Path log, Path rootDir) {
    this.name = name;
    this.process = process;
    this.port = port;
    this.log = log;
    this.rootDir = rootDir;
  }

  /** Starts an instance named {@code name} (also its lease owner name) and returns at once; see {@link #awaitReady}. */
  public static PlanBridgeProcess start(String name, Map<String, String> settings) throws IOException {
    Path payaraJar = Path.of(System.getProperty("payara.microJar", "target/payara/payara-micro.jar")).toAbsolutePath();
    Path war = Path.of(System.getProperty("planbridge.war", "target/planbridge.war")).toAbsolutePath();
    Path config = Path.of("server-config", "payara").toAbsolutePath();
    Files.createDirectories(WORK);
    Path rootDir = Files.createTempDirectory(WORK, name + "-root-");
    Path log = WORK.resolve(name + ".log");
    int port = freePort();
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx768m",
        "-jar", payaraJar.toString(),
        "--deploy", war.toString(),
        "--contextroot", "/",
        "--port", String.valueOf(port),
        "--nocluster",
        "--rootdir", rootDir.toString(),
        "--addLibs", payaraJar.resolveSibling("postgresql.jar").toString(),
        "--prebootcommandfile", config.resolve("pre-boot-commands.asadmin").toString(),
        "--postbootcommandfile", config.resolve("post-boot-commands.asadmin").toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    Map<String, String> all = new LinkedHashMap<>();
    all.put("PLANBRIDGE_INSTANCE_ID", name);
    all.putAll(settings);
    environment.putAll(all);
    PlanBridgeProcess started = new PlanBridgeProcess(name, builder.start(), port, log, rootDir);
    synchronized (RUNNING) {
      RUNNING.add(started);
    }
    return started;
  }

  /** Waits until {@code GET /health/ready} answers UP; fails early when the process exits. */
  public PlanBridgeProcess awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with code " + process.exitValue() + " while starting; see " + log);
      }
      Health health = health();
      if (health.up()) {
        return this;
      }
      last = health.toString();
      Thread.sleep(250);
    }
    throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s (last: " + last
        + "); see " + log);
  }

  /** What {@code GET /health/ready} says now; a refused connection counts as DOWN. */
  public Health health() {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base() + "health/ready"))
          .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return new Health(response.statusCode(), response.body());
    } catch (IOException e) {
      return new Health(0, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Health(0, e.toString());
    }
  }

  public String name() {
    return name;
  }

  public long pid() {
    return process.pid();
  }

  public boolean alive() {
    return process.isAlive();
  }

  public Path log() {
    return log;
  }

  public String base() {
    return "http://127.0.0.1:" + port + "/";
  }

  public ApiClient api() {
    try {
      return new ApiClient(new URL(base()));
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SIGKILL, as a crash: no shutdown hook, no undeploy, leases and connections left as they are. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
    forget();
  }

  /** A normal stop (SIGTERM), then SIGKILL if it takes more than 20 s. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    forget();
  }

  /** Forgets the process once it has ended, and deletes its Payara Micro runtime folder (about 100 MB). */
  private void forget() {
    synchronized (RUNNING) {
      RUNNING.remove(this);
    }
    if (!process.isAlive()) {
      try (var paths = Files.walk(rootDir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // only disk space: target/ is cleaned by the next build
      }
    }
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ", port " + port + ")";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** An answer of {@code GET /health/ready}: status 0 when nothing answered. */
  public record Health(int status, String body) {

    public boolean up() {
      return status == 200 && body.replace(" ", "").contains("\"status\":\"UP\"");
    }

    public boolean down() {
      return status == 503 && body.replace(" ", "").contains("\"status\":\"DOWN\"");
    }
  }
}
