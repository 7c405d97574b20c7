package bench;

import static bench.Bench.API_KEY;
import static bench.Bench.DB_URL;
import static bench.Bench.WORK;
import static bench.Bench.connect;
import static bench.Bench.databaseVersion;
import static bench.Bench.intSetting;
import static bench.Bench.loadAverage;
import static bench.Bench.machine;
import static bench.Bench.out;
import static bench.Bench.quote;
import static bench.Bench.setting;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Drain benchmark: how fast PlanBridge's outbox drains from PostgreSQL to a webhook, against the ceiling of
 * the same HTTP work done by a plain loop, and how long one appointment change takes from its commit to the
 * webhook at 50 changes/s.
 *
 * <p>The webhook is a stub in this JVM ({@code com.sun.net.httpserver} on 127.0.0.1, a cached thread pool,
 * answers 200 with no body as soon as it has read the request). It notes the {@code Idempotency-Key} (the
 * transaction id), the arrival time ({@code System.nanoTime()}, after the body was read) and the client's
 * TCP port (each connection the client opens is one more request it had in flight at once).
 *
 * <p>Setup, through the public API only: 20,000 appointments (distinct, one transaction each) are imported for
 * a Source App without a connector, so the drain resolves every transaction at once to MBOC Not Provided and
 * nothing is sent. Then a WEBHOOK connector (login and password: Basic auth and a signature, as in the README)
 * is created for that Source App, pointing at the stub. A drain round is an administrator's retry by filter
 * ({@code POST /api/admin/transactions/retry {"filter":{"sourceApp":...}}}), which makes all 20,000 Pending
 * again at once; the engine then claims, sends and records them as it would fresh ones. The time is from the
 * first to the last arrival at the stub; afterwards the database must say Success for all 20,000.
 *
 * <p>The ceiling: the very same bodies (read from the transaction table, built as the engine builds them),
 * headers (Idempotency-Key, signature, Basic auth) and client ({@code java.net.http.HttpClient} built as
 * WebhookClient builds it), posted by a loop with the engine's concurrency to the same stub, timed the same
 * way. Rounds alternate ceiling and drain.
 *
 * <p>Run through {@code bench/drain-benchmark.sh}. Options: {@code --stacks} (thread dumps of the server every
 * second during the last drain round, in bench/work).
 */
public class DrainBenchmark {

  static final int APPOINTMENTS = intSetting("BENCH_APPOINTMENTS", 20_000);
  static final int ROUNDS = intSetting("BENCH_ROUNDS", 5);
  static final int WARMUP = intSetting("BENCH_WARMUP", 20_000);
  static final int WARMUP_ROUNDS = intSetting("BENCH_WARMUP_ROUNDS", 4);
  static final int LATENCY_CHANGES = intSetting("BENCH_LATENCY_CHANGES", 1_500);
  static final int LATENCY_RATE = intSetting("BENCH_LATENCY_RATE", 50);
  static final int LATENCY_WARMUP = intSetting("BENCH_LATENCY_WARMUP", 100);
  static final long SERVER_XMX_MIB = intSetting("BENCH_SERVER_XMX_MIB", 1024);
  static final int JOBS = 100;
  static final int TASKS_PER_JOB = 10;
  static final int REQUEST_ITEMS = 1_000;

  static final double TARGET_RATIO = 0.8;
  static final double TARGET_RATE = 2_000;
  static final double TARGET_P99_MS = 250;

  static final String SOURCE_APP = "DRAINBENCH";
  static final String HOOK_LOGIN = CeilingLoop.LOGIN;
  static final String HOOK_PASSWORD = CeilingLoop.PASSWORD;
  static final String SECRET_KEY = Base64.getEncoder().encodeToString(
      "bench-secret-key-0123456789abcde".getBytes(StandardCharsets.UTF_8));
  /** A pause between two arrivals at the stub longer than this counts as the stub waiting (e.g. between batches). */
  static final int GAP_MS = 5;
  static final Duration STALL = Duration.ofSeconds(intSetting("BENCH_STALL_SECONDS", 60));

  record Phase(String name, int round, int count, long firstNanos, long lastNanos, int connections, int duplicates,
      double serverCpu, double driverCpu, double databaseCpu, String load, String statuses, int gaps, long gapNanos) {
    double seconds() { return (lastNanos - firstNanos) / 1e9; }
    double rate() { return count / seconds(); }
  }

  public static void main(String[] args) throws Exception {
    // com.sun.net.httpserver closes a connection that goes idle while 200 others are idle (its default); the
    // engine's and the ceiling loop's connections together are more, and a client reusing a connection the stub
    // closed gets a reset. Set before the stub's server classes load.
    System.setProperty("sun.net.httpserver.maxIdleConnections", "100000");
    boolean stacks = Arrays.asList(args).contains("--stacks");
    Server.PROFILE = Arrays.asList(args).contains("--profile");
    runWithStub(stub -> run(stub, stacks));
  }

  /** A benchmark run with the webhook stub. */
  interface Run {
    /** Answers the exit code: 0 targets met, 3 a target missed. */
    int run(Stub stub) throws Exception;
  }

  /** Runs {@code benchmark} with a stub and exits with its code (1 when it failed); every server stopped at the end. */
  static void runWithStub(Run benchmark) throws IOException {
    Server.exitWith(() -> {
      try (Stub stub = new Stub()) {
        return benchmark.run(stub);
      }
    });
  }

  static int run(Stub stub, boolean stacks) throws Exception {
    out("PlanBridge drain benchmark, %s", OffsetDateTime.now(ZoneOffset.UTC).withNano(0));
    out("machine: %s (driver, stub and server)", machine());
    out("commit: %s; database %s (%s); load average %s", setting("BENCH_COMMIT", "unknown"), DB_URL,
        databaseVersion(), loadAverage());
    out("stub: %s, com.sun.net.httpserver in the driver JVM, cached thread pool, answers 200 with no body after"
        + " reading the request", stub.uri());

    Map<String, String> environment = serverEnvironment();
    try (Server server = startServer("drain-server", environment)) {
      API api = new API(server);

      // Setup: the appointments, their transactions resolved without a connector, then the connector.
      long begin = System.nanoTime();
      importPlanning(api, SOURCE_APP);
      Map<String, Long> statuses = awaitResolved(Duration.ofMinutes(5));
      out("setup: %,d appointments imported for Source App %s (no connector yet) in %.1f s; their transactions: %s",
          APPOINTMENTS, SOURCE_APP, (System.nanoTime() - begin) / 1e9, statuses);
      if (!statuses.equals(Map.of("MBOC Not Provided", (long) APPOINTMENTS))) {
        throw new IllegalStateException("expected " + APPOINTMENTS + " transactions, all MBOC Not Provided: " + statuses);
      }
      api.createConnector(stub.uri());
      List<Phase> phases = new ArrayList<>();
      List<Body> bodies = bodies(SOURCE_APP);
      OutboxFloor.prepare(SOURCE_APP);
      out("setup: WEBHOOK connector created (login and password: Basic auth and X-PlanBridge-Signature); %,d"
          + " bodies, %,d bytes on average", bodies.size(), bodies.stream().mapToLong(b -> b.body().length()).sum()
          / bodies.size());

      // Warm-up: the transactions through the engine (which also shows its concurrency), then both loops, a few
      // times: the JIT compilers of all JVMs keep making each side cheaper for several rounds.
      List<Long> warmIds = bodies.subList(0, Math.min(WARMUP, bodies.size())).stream().map(Body::id).toList();
      int concurrency = intSetting("BENCH_CEILING_CONCURRENCY", engineConcurrency(environment));
      List<CeilingLoop.Body> loopBodies = bodies.stream().map(b -> new CeilingLoop.Body(b.id(), b.body())).toList();
      try (CeilingLoop.Child child = new CeilingLoop.Child(stub.uri(), loopBodies, concurrency, SERVER_XMX_MIB, WORK)) {
        Loops loops = new Loops(child, new CeilingLoop(stub.uri()), server,
            CeilingAgent.jar(Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0]), WORK),
            child.bodiesFile());
        for (int warm = 1; warm <= WARMUP_ROUNDS; warm++) {
          vacuum();
          Phase warmDrain = drainPhase("drain", 0, server, api, stub, SOURCE_APP, warmIds, false);
          List<Body> warmBodies = bodies.subList(0, warmIds.size());
          List<String> rates = new ArrayList<>();
          for (Loop where : Loop.values()) {
            rates.add(String.format(Locale.ROOT, "%,.0f/s (%s)", ceilingPhase(0, stub, warmBodies, concurrency, where,
                loops).rate(), where.phase));
          }
          out("warm-up %d: drain %,.0f/s (the engine's client opened %d connections); ceilings %s; %,d each, %d"
              + " threads", warm, warmDrain.rate(), warmDrain.connections(), String.join(", ", rates),
              warmDrain.count(), concurrency);
        }
        out("ceiling concurrency: %d threads, each posting one request at a time (%s)", concurrency,
            System.getenv("BENCH_CEILING_CONCURRENCY") == null
                ? "the engine's: planbridge.drain.parallelism deliveries at once"
                : "BENCH_CEILING_CONCURRENCY");

        List<Long> allIds = bodies.stream().map(Body::id).toList();
        for (int round = 1; round <= ROUNDS; round++) {
          vacuum();
          for (Loop where : Loop.values()) {
            phases.add(ceilingPhase(round, stub, bodies, concurrency, where, loops));
          }
          phases.add(drainPhase("drain", round, server, api, stub, SOURCE_APP, allIds, stacks && round == ROUNDS));
        }
      }

      Latency latency = latencyPhase(server, api, stub);
      return report(phases, concurrency, latency, server);
    }
  }

  /** PLANBRIDGE_* variables of this run (e.g. PLANBRIDGE_DRAIN_BATCH_SIZE) reach the server: engine settings to try. */
  static Map<String, String> serverEnvironment() {
    Map<String, String> environment = new java.util.TreeMap<>();
    System.getenv().forEach((name, value) -> {
      if (name.startsWith("PLANBRIDGE_")) {
        environment.put(name, value);
      }
    });
    environment.put("PLANBRIDGE_SECRET_KEY", SECRET_KEY);
    return environment;
  }

  /** PlanBridge on Payara Micro with {@code environment}, its settings reported. */
  static Server startServer(String name, Map<String, String> environment) throws Exception {
    Server server = Server.start(name, SERVER_XMX_MIB, environment);
    out("server: %s with -Xmx%dm, ready in %.1f s (port %d); drain settings: %s", server.version(), SERVER_XMX_MIB,
        server.bootSeconds, server.port, environment.keySet().stream().anyMatch(n -> n.startsWith("PLANBRIDGE_DRAIN"))
            ? environment.entrySet().stream().filter(e -> e.getKey().startsWith("PLANBRIDGE_DRAIN"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ")) + ", the rest default"
            : "the defaults");
    return server;
  }

  /**
   * The engine's concurrency: deliveries at once (PLANBRIDGE_DRAIN_PARALLELISM, else its default, read from
   * Dispatcher's source).
   */
  static int engineConcurrency(Map<String, String> environment) throws IOException {
    return engineSetting(environment, "parallelism", "control/Dispatcher.java");
  }

  static int engineSetting(Map<String, String> environment, String name, String source) throws IOException {
    String configured = environment.get("PLANBRIDGE_DRAIN_" + name.toUpperCase(Locale.ROOT));
    if (configured != null) {
      return Integer.parseInt(configured);
    }
    String code = Files.readString(Bench.ROOT.resolve("src/main/java/org/planbridge/outbox/" + source));
    java.util.regex.Matcher matcher = java.util.regex.Pattern
        .compile("\"planbridge\\.drain\\." + name + "\", defaultValue = \"(\\d+)\"").matcher(code);
    if (!matcher.find()) {
      throw new IllegalStateException("cannot find the default of planbridge.drain." + name + " in " + source);
    }
    return Integer.parseInt(matcher.group(1));
  }

  // ---------------------------------------------------------------------------------------------
  // Setup.

  /** 100 jobs × 10 tasks × 20 appointments, each with one resource; requests of 1,000 items. */
  static void importPlanning(API api, String sourceApp) throws Exception {
    List<String> items = new ArrayList<>();
    for (int r = 1; r <= 100; r++) {
      items.add(call("mboc_upsertResource", "ResourceNo", resourceNo(r), "ResourceName", "Technician " + r));
    }
    for (int j = 1; j <= JOBS; j++) {
      items.add(call("mboc_upsertJob", "SourceApp", sourceApp, "SourceType", "SO", "JobNo", jobNo(j),
          "ShortDescription", "Service order " + j, "CustomerName", "Customer " + j));
    }
    for (int j = 1; j <= JOBS; j++) {
      for (int t = 1; t <= TASKS_PER_JOB; t++) {
        items.add(call("mboc_upsertTask", "SourceApp", sourceApp, "SourceType", "SO", "JobNo", jobNo(j),
            "TaskNo", taskNo(j, t), "ShortDescription", "Boiler maintenance " + t));
      }
    }
    api.importItems(items);
    int perTask = (APPOINTMENTS + JOBS * TASKS_PER_JOB - 1) / (JOBS * TASKS_PER_JOB);
    items.clear();
    for (int a = 0; a < APPOINTMENTS; a++) {
      int task = a / perTask;
      int j = 1 + task / TASKS_PER_JOB;
      int t = 1 + task % TASKS_PER_JOB;
      int day = a % 200;
      int hour = 7 + a % 9;
      String start = String.format("2026-%02d-%02dT%02d:00:00Z", 1 + (day / 28) % 12, 1 + day % 28, hour);
      String end = String.format("2026-%02d-%02dT%02d:30:00Z", 1 + (day / 28) % 12, 1 + day % 28, hour);
      items.add(call("mboc_upsertAppointment", "SourceApp", sourceApp, "SourceType", "SO", "JobNo", jobNo(j),
          "TaskNo", taskNo(j, t), "Subject", "Visit " + (a + 1) + ": boiler maintenance",
          "Body", "Customer asks to call 30 minutes before arrival. Parking behind the building.",
          "Start", start, "End", end, "ResourceNo", resourceNo(1 + a % 100)));
      if (items.size() == REQUEST_ITEMS) {
        api.importItems(items);
        items.clear();
      }
    }
    if (!items.isEmpty()) {
      api.importItems(items);
    }
  }

  static String jobNo(int j) {
    return String.format("SO%05d", j);
  }

  static String taskNo(int j, int t) {
    return String.format("SO%05d-%02d", j, t);
  }

  static String resourceNo(int r) {
    return String.format("TECH%03d", r);
  }

  static String call(String procedure, String... namesAndValues) {
    StringBuilder names = new StringBuilder();
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      names.append(i > 0 ? "," : "").append(quote(namesAndValues[i]));
      values.append(i > 0 ? "," : "").append(quote(namesAndValues[i + 1]));
    }
    return "{\"StoredProcedureName\":" + quote(procedure) + ",\"ParameterNames\":[" + names
        + "],\"ParameterValues\":[" + values + "]}";
  }

  /** Waits until none of the Source App's transactions is Pending; answers the count per status. */
  static Map<String, Long> awaitResolved(Duration timeout) throws Exception {
    return awaitResolved(SOURCE_APP, timeout);
  }

  static Map<String, Long> awaitResolved(String sourceApp, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Map<String, Long> statuses = statuses(sourceApp);
      if (!statuses.containsKey("Pending") || System.nanoTime() > deadline) {
        return statuses;
      }
      Thread.sleep(200);
    }
  }

  static Map<String, Long> statuses(String sourceApp) throws SQLException {
    Map<String, Long> statuses = new LinkedHashMap<>();
    try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
        "SELECT status, COUNT(*) FROM appointment_transaction WHERE source_app = ? GROUP BY status ORDER BY status")) {
      query.setString(1, sourceApp);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          statuses.put(rows.getString(1), rows.getLong(2));
        }
      }
    }
    return statuses;
  }

  record Body(long id, long appointmentId, String body) {}

  /** What the engine sends for each transaction: Claimed.body(), the transaction id in front of the payload. */
  static List<Body> bodies(String sourceApp) throws SQLException {
    List<Body> bodies = new ArrayList<>(APPOINTMENTS);
    try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
        "SELECT id, appointment_id, payload FROM appointment_transaction WHERE source_app = ? ORDER BY id")) {
      query.setString(1, sourceApp);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          long id = rows.getLong(1);
          bodies.add(new Body(id, rows.getLong(2), CeilingLoop.body(id, rows.getString(3))));
        }
      }
    }
    return bodies;
  }

  /**
   * Between phases: VACUUM ANALYZE of the outbox tables, so that every round starts with the same table state
   * (each retry round leaves 20,000 dead row versions) and autovacuum does not start in the middle of a phase.
   */
  static void vacuum() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("VACUUM ANALYZE appointment_transaction, transaction_attempt");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Phases.

  /**
   * The engine: a retry by hand makes {@code ids} (of {@code sourceApp}) Pending; time from the first to the last
   * arrival at {@code receiver}, the phase called {@code name}.
   */
  static Phase drainPhase(String name, int round, Server server, API api, Receiver receiver, String sourceApp,
      List<Long> ids, boolean sampleStacks) throws Exception {
    Recording recorder = receiver.record(ids.size());
    Thread sampler = sampleStacks ? server.startStackSampler("drain-round" + round) : null;
    boolean profile = Server.PROFILE && round == ROUNDS;
    java.time.Instant profileFrom = java.time.Instant.now();
    double serverCpu = server.cpu().toMillis() / 1000.0;
    double driverCpu = receiver.cpu();
    double databaseCpu = databaseCpu();
    ThreadCpu serverThreads = ThreadCpu.of(server.process.pid());
    Statements.reset();
    try {
      long affected = ids.size() == APPOINTMENTS ? api.retryAll(sourceApp) : api.retry(ids);
      if (affected != ids.size()) {
        throw new IllegalStateException("the retry made " + affected + " transactions Pending, not " + ids.size());
      }
      recorder.await(ids.size(), "the drain");
    } finally {
      if (sampler != null) {
        sampler.interrupt();
        sampler.join();
      }
    }
    serverCpu = server.cpu().toMillis() / 1000.0 - serverCpu;
    if (profile) {
      server.jcmd("JFR.dump", "name=bench", "filename=" + WORK.resolve("drain.jfr"));
      out("    profile: bench/work/drain.jfr, the drain from %s to %s", profileFrom, java.time.Instant.now());
    }
    driverCpu = receiver.cpu() - driverCpu;
    databaseCpu = Math.max(0, databaseCpu() - databaseCpu); // a backend that ended takes its CPU time along
    List<String> serverByThread = ThreadCpu.of(server.process.pid()).since(serverThreads, 8);
    List<String> statements = Statements.top(8);
    // The last batch's outcomes are recorded just after its last delivery.
    Map<String, Long> statuses = awaitResolved(sourceApp, Duration.ofSeconds(60));
    Phase phase = recorder.phase(name, round, serverCpu, driverCpu, databaseCpu, statuses.toString());
    long success = statuses.getOrDefault("Success", 0L);
    // A duplicate is the client's one retry on a kept-alive connection that the stub closed after reading the
    // request (the stub's server, not the engine): counted and reported; more than a handful is a fault.
    if (phase.duplicates() > phase.count() / 1000 || success != APPOINTMENTS && round > 0
        || statuses.containsKey("Pending")) {
      throw new IllegalStateException(name + " round " + round + ": " + phase.duplicates() + " duplicates at the stub;"
          + " statuses " + statuses);
    }
    if (round > 0) {
      out("  round %d %s:   %,d transactions in %.2f s = %,.0f/s (%d connections); database: %s; the receiver"
          + " waited %.2f s in %d pauses of more than %d ms between arrivals; %d arrived twice", round, name,
          phase.count(), phase.seconds(), phase.rate(), phase.connections(), statuses, phase.gapNanos() / 1e9,
          phase.gaps(), GAP_MS, phase.duplicates());
      out("    server CPU by thread: %s", String.join(", ", serverByThread));
      if (!statements.isEmpty()) {
        out("    PostgreSQL statements (pg_stat_statements, execution time per transaction drained):");
        statements.forEach(statement -> out("      %s", statement));
      }
    }
    return phase;
  }

  /**
   * Where the ceiling loop runs: in a JVM of its own, as the engine runs apart from the stub; in the stub's JVM; or
   * inside the server's JVM (an attached agent, {@link CeilingAgent}), next to the idle engine.
   */
  enum Loop {
    OWN_JVM("ceiling", "ceiling, loop in its own JVM", "loop JVM"),
    STUB_JVM("ceil/stub", "ceiling, loop in the stub's JVM", "driver (stub and loop)"),
    SERVER_JVM("ceil/srv", "ceiling, loop in the server's JVM", "server (loop)"),
    FLOOR("floor", "the least outbox (OutboxFloor), the engine's indexes, loop in its own JVM", "loop JVM", "floor"),
    FLOOR_PK("floor/pk", "the least outbox (OutboxFloor), a primary key only, loop in its own JVM", "loop JVM",
        "floorpk");

    final String phase;
    final String title;
    final String cpuOf;
    /** The floor's tables (OutboxFloor), null for a ceiling. */
    final String floorTables;

    Loop(String phase, String title, String cpuOf) {
      this(phase, title, cpuOf, null);
    }

    Loop(String phase, String title, String cpuOf, String floorTables) {
      this.phase = phase;
      this.title = title;
      this.cpuOf = cpuOf;
      this.floorTables = floorTables;
    }
  }

  /** The three places the ceiling loop runs, set up once for all rounds. */
  record Loops(CeilingLoop.Child child, CeilingLoop inStub, Server server, Path agentJar, Path bodiesFile) {}

  /**
   * The ceiling: the same bodies, headers and client as the engine ({@link CeilingLoop}), {@code concurrency}
   * threads each posting one at a time, in the JVM {@code where} says; or, for a floor, the same loop in its own
   * JVM fed by {@link OutboxFloor} from a copy of the outbox (reset before the timing, checked after it).
   */
  static Phase ceilingPhase(int round, Stub stub, List<Body> bodies, int concurrency, Loop where, Loops loops)
      throws Exception {
    Recorder recorder = stub.record(bodies.size());
    if (where.floorTables != null) {
      OutboxFloor.reset(where.floorTables);
      Statements.reset();
    }
    long pid = switch (where) {
      case OWN_JVM, FLOOR, FLOOR_PK -> loops.child().pid();
      case STUB_JVM -> ProcessHandle.current().pid();
      case SERVER_JVM -> loops.server().process.pid();
    };
    boolean child = where == Loop.OWN_JVM || where.floorTables != null;
    double senderCpu = child ? loops.child().cpu()
        : where == Loop.SERVER_JVM ? loops.server().cpu().toMillis() / 1000.0 : 0;
    double driverCpu = driverCpu();
    double databaseCpu = databaseCpu();
    ThreadCpu before = ThreadCpu.of(pid);
    List<List<String>> byThread = new ArrayList<>(List.of(List.of()));
    switch (where) {
      case OWN_JVM -> loops.child().post(bodies.size());
      case FLOOR, FLOOR_PK -> loops.child().floor(where.floorTables, bodies.size());
      case STUB_JVM -> loops.inStub().post(bodies.stream().map(b -> new CeilingLoop.Body(b.id(), b.body())).toList(),
          concurrency, () -> byThread.set(0, ThreadCpu.of(pid).since(before, 8)));
      case SERVER_JVM -> CeilingAgent.post(pid, loops.agentJar(), stub.uri(), loops.bodiesFile(), concurrency,
          bodies.size());
    }
    if (where != Loop.STUB_JVM) {
      byThread.set(0, ThreadCpu.of(pid).since(before, 8));
    }
    recorder.await(bodies.size(), "the ceiling loop");
    senderCpu = child ? loops.child().cpu() - senderCpu
        : where == Loop.SERVER_JVM ? loops.server().cpu().toMillis() / 1000.0 - senderCpu : 0;
    Phase phase = recorder.phase(where.phase, round, senderCpu, driverCpu() - driverCpu,
        Math.max(0, databaseCpu() - databaseCpu), "");
    String wrong = where.floorTables != null ? OutboxFloor.check(where.floorTables, bodies.size()) : null;
    if (wrong != null) {
      throw new IllegalStateException("the floor's outbox after round " + round + ": " + wrong);
    }
    if (round > 0) {
      out("  round %d %s: %,d posts in %.2f s = %,.0f/s (%d connections)", round, where.title, phase.count(),
          phase.seconds(), phase.rate(), phase.connections());
      out("    %s CPU by thread: %s", where.cpuOf, String.join(", ", byThread.get(0)));
      List<String> statements = where.floorTables != null ? Statements.top(3) : List.of();
      if (!statements.isEmpty()) {
        out("    PostgreSQL statements (pg_stat_statements, execution time per transaction):");
        statements.forEach(statement -> out("      %s", statement));
      }
    }
    return phase;
  }

  record Latency(int changes, double achievedRate, long[] fromAnswer, long[] fromRequest, long[] importNanos,
      String statuses) {}

  /**
   * Commit to arrival at {@link #LATENCY_RATE} changes/s: each change is one {@code /api/import} request updating
   * the subject of one appointment (all different), sent on a fixed schedule (open loop: a slow answer does not
   * delay the next request). The commit lies between the request's start and its answer's arrival, so the time
   * from the answer to the stub's arrival is a lower bound of commit→arrival and the time from the request's
   * start an upper bound. Both clocks are this JVM's System.nanoTime().
   */
  static Latency latencyPhase(Server server, API api, Stub stub) throws Exception {
    List<Long> appointments = new ArrayList<>();
    try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
        "SELECT appointment_id FROM appointment WHERE source_app = ? ORDER BY appointment_id")) {
      query.setString(1, SOURCE_APP);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          appointments.add(rows.getLong(1));
        }
      }
    }
    int total = LATENCY_WARMUP + LATENCY_CHANGES;
    if (appointments.size() < total) {
      throw new IllegalStateException("need " + total + " appointments for the latency phase");
    }
    // Different appointments, spread over the table.
    List<Long> chosen = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      chosen.add(appointments.get((int) ((long) i * appointments.size() / total)));
    }
    List<Long> warm = chosen.subList(0, LATENCY_WARMUP);
    List<Long> measured = new ArrayList<>(chosen.subList(LATENCY_WARMUP, total));
    java.util.Collections.shuffle(measured, new java.util.Random(42));

    vacuum();
    Recorder warmRecorder = stub.record(warm.size());
    schedule(api, warm, "Latency warm-up", new long[warm.size()], new long[warm.size()]);
    warmRecorder.await(warm.size(), "the latency warm-up");
    awaitResolved(Duration.ofSeconds(30));

    long lastId = maxTransactionId();
    long[] sent = new long[measured.size()];
    long[] answered = new long[measured.size()];
    Recorder recorder = stub.record(measured.size());
    schedule(api, measured, "Latency probe", sent, answered);
    recorder.await(measured.size(), "the latency phase");
    Map<String, Long> statuses = awaitResolved(Duration.ofSeconds(30));

    Map<Long, Integer> probeOfAppointment = new HashMap<>();
    for (int i = 0; i < measured.size(); i++) {
      probeOfAppointment.put(measured.get(i), i);
    }
    Map<Long, Long> arrivals = recorder.arrivals();
    long[] fromAnswer = new long[measured.size()];
    long[] fromRequest = new long[measured.size()];
    int matched = 0;
    Map<String, Long> phaseStatuses = new LinkedHashMap<>();
    try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
        "SELECT id, appointment_id, status FROM appointment_transaction WHERE id > ? AND source_app = ?")) {
      query.setLong(1, lastId);
      query.setString(2, SOURCE_APP);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          Integer probe = probeOfAppointment.get(rows.getLong(2));
          Long arrival = arrivals.get(rows.getLong(1));
          phaseStatuses.merge(rows.getString(3), 1L, Long::sum);
          if (probe == null || arrival == null) {
            throw new IllegalStateException("transaction " + rows.getLong(1) + " is no probe's or did not arrive");
          }
          fromAnswer[probe] = arrival - answered[probe];
          fromRequest[probe] = arrival - sent[probe];
          matched++;
        }
      }
    }
    if (matched != measured.size()) {
      throw new IllegalStateException(matched + " transactions for " + measured.size() + " probes");
    }
    long[] importNanos = new long[measured.size()];
    for (int i = 0; i < measured.size(); i++) {
      importNanos[i] = answered[i] - sent[i];
    }
    double rate = (measured.size() - 1) / ((Arrays.stream(sent).max().getAsLong() - Arrays.stream(sent).min().getAsLong()) / 1e9);
    out("  latency: %,d changes at %.1f/s; their transactions: %s", measured.size(), rate, phaseStatuses);
    return new Latency(measured.size(), rate, fromAnswer, fromRequest, importNanos, phaseStatuses.toString());
  }

  /** Sends one update per appointment at LATENCY_RATE per second, open loop, from 16 threads. */
  static void schedule(API api, List<Long> appointments, String subject, long[] sent, long[] answered) throws Exception {
    ScheduledExecutorService senders = Executors.newScheduledThreadPool(16);
    try {
      long period = 1_000_000_000L / LATENCY_RATE;
      long start = System.nanoTime() + 100_000_000L;
      List<Future<?>> requests = new ArrayList<>();
      for (int i = 0; i < appointments.size(); i++) {
        int probe = i;
        long at = start + probe * period;
        byte[] body = ("[" + call("mboc_updateAppointmentContent", "AppointmentId",
            String.valueOf(appointments.get(probe)), "Subject", subject + " " + probe) + "]")
            .getBytes(StandardCharsets.UTF_8);
        requests.add(senders.schedule(() -> {
          sent[probe] = System.nanoTime();
          api.server.importRequest(body);
          answered[probe] = System.nanoTime();
          return null;
        }, at - System.nanoTime(), TimeUnit.NANOSECONDS));
      }
      for (Future<?> request : requests) {
        request.get();
      }
    } finally {
      senders.shutdownNow();
    }
  }

  static long maxTransactionId() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT COALESCE(MAX(id), 0) FROM appointment_transaction")) {
      row.next();
      return row.getLong(1);
    }
  }

  /**
   * CPU seconds used so far by the PostgreSQL backends serving the benchmark's database (from /proc: processes
   * whose title names the database; the server's pooled connections live through a phase).
   */
  static double databaseCpu() {
    String database = " " + DB_URL.replaceAll(".*/([^/?]+).*", "$1") + " ";
    double ticks = 0;
    try (var processes = Files.list(java.nio.file.Path.of("/proc"))) {
      for (java.nio.file.Path dir : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String stat = Files.readString(dir.resolve("stat"));
          String title = Files.readString(dir.resolve("cmdline")).replace('\0', ' ');
          if (ThreadCpu.name(stat).startsWith("postgres") && title.contains(database)) {
            ticks += ThreadCpu.ticks(stat);
          }
        } catch (IOException | RuntimeException e) {
          // the process ended meanwhile
        }
      }
    } catch (IOException e) {
      return Double.NaN;
    }
    return ticks / 100.0; // USER_HZ
  }

  static double driverCpu() {
    return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO).toMillis() / 1000.0;
  }

  // ---------------------------------------------------------------------------------------------
  // Report.

  static int report(List<Phase> phases, int concurrency, Latency latency, Server server) throws IOException {
    table(phases);
    Phase bestCeiling = best(phases, Loop.OWN_JVM.phase);
    Phase bestInStub = best(phases, Loop.STUB_JVM.phase);
    Phase bestInServer = best(phases, Loop.SERVER_JVM.phase);
    Phase bestDrain = best(phases, "drain");
    List<Double> perRound = perRound(phases, Loop.OWN_JVM.phase);
    List<Double> perRoundInStub = perRound(phases, Loop.STUB_JVM.phase);
    List<Double> perRoundInServer = perRound(phases, Loop.SERVER_JVM.phase);
    Phase bestFloor = best(phases, Loop.FLOOR.phase);
    Phase bestFloorPk = best(phases, Loop.FLOOR_PK.phase);
    List<Double> floorPkPerRound = perRound(phases, Loop.FLOOR_PK.phase, Loop.OWN_JVM.phase);
    List<Double> floorPerRound = perRound(phases, Loop.FLOOR.phase, Loop.OWN_JVM.phase);
    List<Double> drainOverFloor = perRound(phases, "drain", Loop.FLOOR.phase);
    double ratio = bestDrain.rate() / bestCeiling.rate();
    double ratioInStub = bestDrain.rate() / bestInStub.rate();
    double ratioInServer = bestDrain.rate() / bestInServer.rate();
    double medianRatio = median(perRound);
    long[] answerSorted = sorted(latency.fromAnswer());
    long[] requestSorted = sorted(latency.fromRequest());
    long[] importSorted = sorted(latency.importNanos());
    boolean ratioMet = ratio >= TARGET_RATIO;
    boolean rateMet = bestDrain.rate() >= TARGET_RATE;
    boolean latencyMet = percentile(requestSorted, 0.99) / 1e6 < TARGET_P99_MS;

    out("");
    out("drain: every round ended with all %,d transactions Success in the database; %d of all arrivals in the"
        + " rounds were a second one (same Idempotency-Key: the client's retry on a connection the stub closed)",
        APPOINTMENTS, phases.stream().filter(p -> p.name().equals("drain")).mapToInt(Phase::duplicates).sum());
    out("ceiling: %d threads (the engine's concurrency: planbridge.drain.parallelism deliveries at once), the same"
        + " bodies, headers and HttpClient settings as WebhookClient; \"ceiling\": the loop in a JVM of its own, as the"
        + " engine runs apart from the stub (the target is judged on it); \"ceil/stub\": the loop in the stub's JVM;"
        + " \"ceil/srv\": the loop inside the server's JVM (an attached agent), next to the idle engine", concurrency);
    out("ratio drain/ceiling per round (each drain against the ceilings of its round): %s; median %.2f",
        ratios(perRound), medianRatio);
    out("ratio drain/ceiling with the loop in the stub's JVM, per round: %s; median %.2f", ratios(perRoundInStub),
        median(perRoundInStub));
    out("ratio drain/ceiling with the loop in the server's JVM, per round: %s; median %.2f", ratios(perRoundInServer),
        median(perRoundInServer));
    out("floor (the least outbox: the loop in its own JVM with one claim and one record statement per batch, see"
        + " OutboxFloor) / ceiling, per round: %s; median %.2f", ratios(floorPerRound), median(floorPerRound));
    out("floor/pk (the same with a primary key only) / ceiling, per round: %s; median %.2f", ratios(floorPkPerRound),
        median(floorPkPerRound));
    out("drain / floor, per round: %s; median %.2f", ratios(drainOverFloor), median(drainOverFloor));
    out("latency: %,d changes at %.1f/s (target %d/s), one /api/import request per change, each a different"
        + " appointment; /api/import answered in p50 %.1f ms, p99 %.1f ms", latency.changes(), latency.achievedRate(),
        LATENCY_RATE, percentile(importSorted, 0.5) / 1e6, percentile(importSorted, 0.99) / 1e6);
    out("  commit->stub, lower bound (from the import answer's arrival): p50 %.1f ms, p99 %.1f ms, max %.1f ms",
        percentile(answerSorted, 0.5) / 1e6, percentile(answerSorted, 0.99) / 1e6,
        answerSorted[answerSorted.length - 1] / 1e6);
    out("  commit->stub, upper bound (from the import request's start): p50 %.1f ms, p99 %.1f ms, max %.1f ms",
        percentile(requestSorted, 0.5) / 1e6, percentile(requestSorted, 0.99) / 1e6,
        requestSorted[requestSorted.length - 1] / 1e6);
    out("");
    out("%-44s %-18s %-14s %s", "result", "measured", "target", "met");
    out("%-44s %-18s %-14s %s", "drain throughput (best of " + ROUNDS + ")",
        String.format(Locale.ROOT, "%,.0f tx/s", bestDrain.rate()), ">= 2,000 tx/s", rateMet ? "yes" : "NO");
    out("%-44s %-18s %-14s %s", "ceiling, loop in its own JVM (best of " + ROUNDS + ")",
        String.format(Locale.ROOT, "%,.0f tx/s", bestCeiling.rate()), "", "");
    out("%-44s %-18s %-14s %s", "ceiling, loop in the stub's JVM (best of " + ROUNDS + ")",
        String.format(Locale.ROOT, "%,.0f tx/s", bestInStub.rate()), "", "");
    out("%-44s %-18s %-14s %s", "ceiling, loop in the server's JVM (best of " + ROUNDS + ")",
        String.format(Locale.ROOT, "%,.0f tx/s", bestInServer.rate()), "", "");
    out("%-44s %-18s %-14s %s", "drain / ceiling (best / best)", String.format(Locale.ROOT, "%.2f", ratio),
        ">= 0.80", ratioMet ? "yes" : "NO");
    out("%-44s %-18s %-14s %s", "drain / ceiling (median of rounds)", String.format(Locale.ROOT, "%.2f", medianRatio),
        "", medianRatio >= TARGET_RATIO ? "(yes)" : "(no)");
    out("%-44s %-18s %-14s %s", "drain / ceiling in the stub's JVM (best/best)",
        String.format(Locale.ROOT, "%.2f", ratioInStub), "", ratioInStub >= TARGET_RATIO ? "(yes)" : "(no)");
    out("%-44s %-18s %-14s %s", "drain / ceiling in the server's JVM (best/best)",
        String.format(Locale.ROOT, "%.2f", ratioInServer), "", ratioInServer >= TARGET_RATIO ? "(yes)" : "(no)");
    out("%-44s %-18s %-14s %s", "floor / ceiling (best / best)",
        String.format(Locale.ROOT, "%.2f", bestFloor.rate() / bestCeiling.rate()), "", "");
    out("%-44s %-18s %-14s %s", "floor/pk / ceiling (best / best)",
        String.format(Locale.ROOT, "%.2f", bestFloorPk.rate() / bestCeiling.rate()), "", "");
    out("%-44s %-18s %-14s %s", "drain / floor (best / best)",
        String.format(Locale.ROOT, "%.2f", bestDrain.rate() / bestFloor.rate()), "", "");
    out("%-44s %-18s %-14s %s", "commit->stub p50 at " + LATENCY_RATE + "/s (upper bound)",
        String.format(Locale.ROOT, "%.1f ms", percentile(requestSorted, 0.5) / 1e6), "", "");
    out("%-44s %-18s %-14s %s", "commit->stub p99 at " + LATENCY_RATE + "/s (upper bound)",
        String.format(Locale.ROOT, "%.1f ms", percentile(requestSorted, 0.99) / 1e6), "< 250 ms", latencyMet ? "yes" : "NO");
    out("");
    out("load average at the end %s; server log %s", loadAverage(), server.log);
    return ratioMet && rateMet && latencyMet ? 0 : 3;
  }

  /** The phases as a table: rate, connections, the receiver's idle time, CPU of each side, load. */
  static void table(List<Phase> phases) {
    out("");
    out("%-6s %-11s %12s %9s %10s %12s %11s %11s %11s %11s  %s", "round", "phase", "transactions", "seconds",
        "per second", "connections", "stub idle", "sender CPU", "driver CPU", "database", "load avg at end");
    out("%-6s %-11s %12s %9s %10s %12s %11s %11s %11s %11s  %s", "", "", "", "", "", "(at once)",
        "s (>" + GAP_MS + " ms)", "s (server", "seconds", "CPU s", "(1/5/15 min)");
    out("%-6s %-11s %12s %9s %10s %12s %11s %11s %11s %11s  %s", "", "", "", "", "", "", "", "or loop)", "", "", "");
    for (Phase phase : phases) {
      out("%-6d %-12s%,12d %9.2f %,10.0f %12d %11.2f %11.1f %11.1f %11.1f  %s", phase.round(), phase.name(),
          phase.count(), phase.seconds(), phase.rate(), phase.connections(), phase.gapNanos() / 1e9,
          phase.serverCpu(), phase.driverCpu(), phase.databaseCpu(), phase.load());
    }
  }

  /** Per round, the drain's rate over the rate of the ceiling {@code ceiling} of the same round. */
  static List<Double> perRound(List<Phase> phases, String ceiling) {
    return perRound(phases, "drain", ceiling);
  }

  /** Per round, the rate of phase {@code measured} over the rate of phase {@code ceiling} of the same round. */
  static List<Double> perRound(List<Phase> phases, String measured, String ceiling) {
    List<Double> ratios = new ArrayList<>();
    for (Phase phase : phases) {
      if (phase.name().equals(measured)) {
        phases.stream().filter(p -> p.name().equals(ceiling) && p.round() == phase.round()).findFirst()
            .ifPresent(loop -> ratios.add(phase.rate() / loop.rate()));
      }
    }
    return ratios;
  }

  static String ratios(List<Double> ratios) {
    return ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).collect(Collectors.joining(", "));
  }

  static Phase best(List<Phase> phases, String name) {
    return phases.stream().filter(p -> p.name().equals(name)).max((a, b) -> Double.compare(a.rate(), b.rate()))
        .orElseThrow();
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  static long[] sorted(long[] values) {
    long[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }

  /** Nearest-rank percentile. */
  static long percentile(long[] sorted, double p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))];
  }

  // ---------------------------------------------------------------------------------------------
  // PlanBridge's API, as an administrator and a planning board call it.

  static final class API {
    final Server server;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();

    API(Server server) {
      this.server = server;
    }

    void importItems(List<String> items) throws Exception {
      server.importRequest(("[" + String.join(",", items) + "]").getBytes(StandardCharsets.UTF_8));
    }

    void createConnector(URI hook) throws Exception {
      createConnector(hook, SOURCE_APP);
    }

    /** The WEBHOOK connector of {@code sourceApp}, to {@code hook}. */
    void createConnector(URI hook, String sourceApp) throws Exception {
      createConnector(sourceApp, "WEBHOOK", "WEBHOOK", hook.toString(), HOOK_LOGIN, HOOK_PASSWORD);
    }

    /** A connector for {@code sourceApp}: a back office {@code system} over {@code type} at {@code uri}. */
    void createConnector(String sourceApp, String system, String type, String uri, String login, String password)
        throws Exception {
      String connector = "{\"name\":" + quote("Benchmark " + sourceApp) + ",\"sourceApp\":" + quote(sourceApp)
          + ",\"sourceType\":\"SO\",\"sendAppointmentToWebService\":true,\"backOfficeSystem\":" + quote(system)
          + ",\"backOfficeType\":" + quote(type) + ",\"uri\":" + quote(uri) + ",\"login\":" + quote(login)
          + ",\"password\":" + quote(password) + "}";
      HttpResponse<String> answer = post("/api/admin/connectors", connector);
      if (answer.statusCode() != 201) {
        throw new IllegalStateException("creating the connector: HTTP " + answer.statusCode() + " " + answer.body());
      }
    }

    long retryAll(String sourceApp) throws Exception {
      return affected(post("/api/admin/transactions/retry", "{\"filter\":{\"sourceApp\":" + quote(sourceApp) + "}}"));
    }

    long retry(List<Long> ids) throws Exception {
      return affected(post("/api/admin/transactions/retry", "{\"ids\":["
          + ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + "]}"));
    }

    static long affected(HttpResponse<String> answer) {
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("retry: HTTP " + answer.statusCode() + " " + answer.body());
      }
      return ((Number) ((Map<?, ?>) Json.parse(answer.body())).get("affected")).longValue();
    }

    HttpResponse<String> post(String path, String json) throws Exception {
      return http.send(HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(120))
          .header("X-API-KEY", API_KEY).header("Content-Type", "application/json")
          .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
          HttpResponse.BodyHandlers.ofString());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The webhook stub and what it saw.

  /** Where deliveries arrive: the webhook stub in this JVM, or a NAV simulator in a JVM of its own. */
  interface Receiver {
    /** From now on, notes up to {@code expected} arrivals. */
    Recording record(int expected) throws Exception;

    /** CPU seconds the receiver's JVM has used so far. */
    double cpu();
  }

  /** The arrivals since {@link Receiver#record}. */
  interface Recording {
    /** Until {@code expected} arrived; fails when none arrives for {@link #STALL}. */
    void await(int expected, String what) throws Exception;

    Phase phase(String name, int round, double serverCpu, double driverCpu, double databaseCpu, String statuses)
        throws Exception;
  }

  static final class Stub implements AutoCloseable, Receiver {
    final HttpServer http;
    final ExecutorService pool = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "stub");
      thread.setDaemon(true);
      return thread;
    });
    volatile Recorder recorder = new Recorder(0);

    Stub() throws IOException {
      http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
      http.setExecutor(pool);
      http.createContext("/hook", this::handle);
      http.start();
    }

    URI uri() {
      return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/hook");
    }

    @Override
    public Recorder record(int expected) {
      recorder = new Recorder(expected);
      return recorder;
    }

    @Override
    public double cpu() {
      return driverCpu();
    }

    void handle(HttpExchange exchange) throws IOException {
      try (InputStream in = exchange.getRequestBody()) {
        in.readAllBytes();
      }
      long arrived = System.nanoTime();
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      recorder.arrived(key == null ? -1 : Long.parseLong(key), arrived, exchange.getRemoteAddress().getPort());
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    }

    @Override
    public void close() {
      http.stop(0);
      pool.shutdownNow();
    }
  }

  static final class Recorder implements Recording {
    final long[] ids;
    final long[] times;
    final AtomicInteger count = new AtomicInteger();
    final AtomicInteger extra = new AtomicInteger();
    final Set<Integer> ports = ConcurrentHashMap.newKeySet();

    Recorder(int capacity) {
      ids = new long[capacity];
      times = new long[capacity];
    }

    void arrived(long id, long nanos, int port) {
      ports.add(port);
      int at = count.getAndIncrement();
      if (at < ids.length) {
        ids[at] = id;
        times[at] = nanos;
      } else {
        extra.incrementAndGet();
      }
    }

    @Override
    public void await(int expected, String what) throws InterruptedException {
      int seen = count.get();
      long lastProgress = System.nanoTime();
      while (count.get() < expected) {
        Thread.sleep(20);
        int now = count.get();
        if (now != seen) {
          seen = now;
          lastProgress = System.nanoTime();
        } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
          Server.threadDumps("stall");
          throw new IllegalStateException(what + ": " + now + " of " + expected + " arrived, then nothing for "
              + STALL.toSeconds() + " s");
        }
      }
      Thread.sleep(200); // anything beyond the expected (a duplicate) would show up now
    }

    @Override
    public Phase phase(String name, int round, double serverCpu, double driverCpu, double databaseCpu,
        String statuses) {
      int n = Math.min(count.get(), ids.length);
      long[] sortedTimes = Arrays.copyOf(times, n);
      Arrays.sort(sortedTimes);
      int gaps = 0;
      long gapNanos = 0;
      for (int i = 1; i < n; i++) {
        long gap = sortedTimes[i] - sortedTimes[i - 1];
        if (gap > GAP_MS * 1_000_000L) {
          gaps++;
          gapNanos += gap;
        }
      }
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      for (int i = 0; i < n; i++) {
        first = Math.min(first, times[i]);
        last = Math.max(last, times[i]);
      }
      long distinct = Arrays.stream(ids, 0, n).distinct().count();
      int duplicates = (int) (n - distinct) + extra.get();
      return new Phase(name, round, n, first, last, ports.size(), duplicates, serverCpu, driverCpu, databaseCpu,
          loadAverage(), statuses, gaps, gapNanos);
    }

    Map<Long, Long> arrivals() {
      Map<Long, Long> arrivals = new HashMap<>();
      for (int i = 0; i < Math.min(count.get(), ids.length); i++) {
        arrivals.put(ids[i], times[i]);
      }
      return arrivals;
    }
  }
}
