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
import org.planbridge.launcher.PayaraMicro;
import org.planbridge.launcher.WildFly;

/**
 * PlanBridge as a process of its own: Payara Micro started with the WAR this build packaged, the
 * same command line as {@code ./mvnw -Prun} (server-config/payara/launcher) and
 * {@code bench/ImportBenchmark.java}, or WildFly as {@code ./mvnw -Prun-wildfly} starts it
 * (server-config/wildfly/launcher). The one server most integration tests share ({@link SuiteServer}), the
 * black-box suite's ({@link ServerUnderTest}), and for the tests that need more: several instances on one
 * database, on different servers, and killing one with SIGKILL.
 *
 * <p>The environment is the test JVM's (failsafe sets the database, API key and secret key), with
 * the given settings on top. Output goes to {@code target/planbridge-processes/<name>.log}.
 */
public final class PlanBridgeProcess implements AutoCloseable {

  /** The servers an instance can run on. */
  public enum Server {
    PAYARA_MICRO,
    WILDFLY;

    /** {@code payara-micro} or {@code wildfly}, as {@code -Dit.server} names them. */
    public static Server named(String name) {
      return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
  }

  private static final Path WORK = Path.of("target", "planbridge-processes").toAbsolutePath();
  private static final List<PlanBridgeProcess> RUNNING = new ArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      synchronized (RUNNING) {
        RUNNING.forEach(p -> {
          p.process.descendants().forEach(ProcessHandle::destroyForcibly);
          p.process.destroyForcibly();
        });
      }
    }));
  }

  private final String name;
  private final Server server;
  private final Process process;
  private final int port;
  private final URI readiness;
  private final Path log;
  private final Path rootDir;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private PlanBridgeProcess(String name, Server server, Process process, int port, URI readiness, Path log,
      Path rootDir) {
    this.name = name;
    this.server = server;
    this.process = process;
    this.port = port;
    this.readiness = readiness;
    this.log = log;
    this.rootDir = rootDir;
  }

  /** Starts an instance on Payara Micro; see {@link #start(Server, String, Map)}. */
  public static PlanBridgeProcess start(String name, Map<String, String> settings) throws IOException {
    return start(Server.PAYARA_MICRO, name, settings);
  }

  /**
   * Starts an instance on {@code server} named {@code name} (also its lease owner name) and returns at once; see
   * {@link #awaitReady}.
   */
  public static synchronized PlanBridgeProcess start(Server server, String name, Map<String, String> settings)
      throws IOException {
    return start(server, name, settings, 0, List.of("-Xmx768m"));
  }

  /**
   * Starts an instance on {@code server} with these JVM options (Payara Micro's only); see
   * {@link #start(Server, String, Map)}.
   */
  public static synchronized PlanBridgeProcess start(Server server, String name, Map<String, String> settings,
      List<String> jvmOptions) throws IOException {
    return start(server, name, settings, 0, jvmOptions);
  }

  /**
   * Starts an instance on Payara Micro that also serves HTTPS on {@code tlsPort} (Payara Micro's own self-signed
   * certificate); see {@link #start(Server, String, Map)}.
   */
  public static synchronized PlanBridgeProcess startWithTls(String name, Map<String, String> settings, int tlsPort)
      throws IOException {
    return start(Server.PAYARA_MICRO, name, settings, tlsPort, List.of("-Xmx768m"));
  }

  private static PlanBridgeProcess start(Server server, String name, Map<String, String> settings, int tlsPort,
      List<String> jvmOptions) throws IOException {
    Path war = Path.of(System.getProperty("planbridge.war", "target/planbridge.war")).toAbsolutePath();
    Path payaraJar = Path.of(System.getProperty("payara.microJar", "target/payara/payara-micro.jar")).toAbsolutePath();
    Files.createDirectories(WORK);
    Path rootDir = Files.createTempDirectory(WORK, name + "-root-");
    Path log = WORK.resolve(name + ".log");
    ProcessBuilder builder;
    int port;
    URI readiness;
    if (server == Server.WILDFLY) {
      WildFly wildFly = WildFly.configured(Path.of(System.getProperty("wildfly.home", "target/wildfly")),
          Path.of("server-config", "wildfly", "configure.cli"), payaraJar.resolveSibling("postgresql.jar"));
      int offset = WildFly.freeOffset(100 + (int) (ProcessHandle.current().pid() % 50) * 7);
      port = WildFly.httpPort(offset);
      builder = wildFly.command(wildFly.instance(rootDir, war), port, offset);
      readiness = WildFly.readiness(offset);
    } else {
      port = freePort();
      List<String> command = PayaraMicro.command(payaraJar.getParent(), war, port, jvmOptions);
      command.addAll(List.of("--rootdir", rootDir.toString()));
      if (tlsPort > 0) {
        command.addAll(List.of("--sslport", String.valueOf(tlsPort)));
      }
      builder = new ProcessBuilder(command);
      readiness = URI.create("http://127.0.0.1:" + port + "/health/ready");
    }
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    Map<String, String> all = new LinkedHashMap<>();
    all.put("PLANBRIDGE_INSTANCE_ID", name);
    all.put("PLANBRIDGE_HTTP_PORT", String.valueOf(port));
    all.putAll(settings);
    environment.putAll(all);
    PlanBridgeProcess started = new PlanBridgeProcess(name, server, builder.start(), port, readiness, log, rootDir);
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

  /**
   * What {@code GET /health/ready} says now (on WildFly's management port there); a refused connection counts as
   * DOWN.
   */
  public Health health() {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(readiness)
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

  public Server server() {
    return server;
  }

  /** Where its MicroProfile Health readiness answers (on WildFly: the management port). */
  public URI readiness() {
    return readiness;
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

  /** A free local port, for a second listener (HTTPS). */
  public static int freeLocalPort() throws IOException {
    return freePort();
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

  /**
   * SIGKILL, as a crash: no shutdown hook, no undeploy, leases and connections left as they are. WildFly's JVM is
   * the child of its start script, killed first.
   */
  public void kill() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
    forget();
  }

  /**
   * Keeps what a boot that failed leaves, under a name of its own that the next boot of this name does not
   * overwrite: its log and, if it still runs, its threads ({@code jcmd Thread.print}, to see where it hangs); then
   * stops it. The kept log's path.
   */
  public Path keepFailedBoot() throws IOException, InterruptedException {
    String kept = name + "-failed-boot-" + System.currentTimeMillis();
    if (process.isAlive()) {
      Path threads = WORK.resolve(kept + "-threads.txt");
      Process dump = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
          String.valueOf(pid()), "Thread.print").redirectErrorStream(true).redirectOutput(threads.toFile()).start();
      dump.waitFor(30, TimeUnit.SECONDS);
    }
    close();
    Path copy = WORK.resolve(kept + ".log");
    Files.copy(log, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return copy;
  }

  /** A normal stop (SIGTERM), then SIGKILL if it takes more than 20 s. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          kill();
        }
      } catch (InterruptedException e) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    forget();
  }

  /** Forgets the process once it has ended, and deletes its runtime folder (Payara Micro's: about 100 MB). */
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
