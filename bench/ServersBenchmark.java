package bench;

import static bench.Bench.API_KEY;
import static bench.Bench.DB_URL;
import static bench.Bench.databaseVersion;
import static bench.Bench.intSetting;
import static bench.Bench.loadAverage;
import static bench.Bench.machine;
import static bench.Bench.out;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import bench.Server.Kind;

/**
 * The same WAR on each server it ships for, side by side in one run, against the same PostgreSQL database:
 *
 * <ul>
 *   <li><b>start-up</b>: process start to PlanBridge's readiness UP, against the same server with nothing deployed
 *       started the same way (process start to its HTTP port answering), as a ratio; and against the start-up
 *       floor, the least WARs on PlanBridge's stack ({@code bench/floor}: an empty web module, then JAX-RS with CDI
 *       and a readiness check, an EJB timer, a JPA entity, Flyway), each booted the same way, so that the report
 *       shows how much of the ratio any application with those features pays on that server;
 *   <li><b>import</b>: {@code POST /api/import} of {@link #JOBS} jobs with {@link #TASKS_PER_JOB} tasks each, in
 *       requests of {@link #BATCH} items (JDBC batches on every server: the import does not use JPA);
 *   <li><b>reads</b>: every one of those tasks read back through {@code GET /api/tasks} in pages of 1,000 (the JPA
 *       read path: EclipseLink on Payara, Hibernate on WildFly), twice: the first pass, then a warm one.
 * </ul>
 *
 * Rounds alternate the servers' order so that noise from other work on the machine hits both. Each round's
 * import uses a Source App of its own (inserts, not updates); the first boot of each server migrates its schema
 * and is reported apart. Run through {@code bench/servers-benchmark.sh}.
 */
public class ServersBenchmark {

  static final int ROUNDS = intSetting("BENCH_ROUNDS", 3);
  static final int JOBS = intSetting("BENCH_JOBS", 100);
  static final int TASKS_PER_JOB = intSetting("BENCH_TASKS_PER_JOB", 100);
  static final int BATCH = intSetting("BENCH_BATCH", 1000);
  static final int PAGE = 1000;
  static final long XMX_MIB = intSetting("BENCH_SERVER_XMX_MIB", 768);
  static final double TARGET_BOOT_RATIO = 2.0;

  /** The start-up floor's stages, each a WAR built by servers-benchmark.sh (bench/work/floor-<stage>.war). */
  static final List<String> FLOOR = List.of("web", "rest", "ejb", "jpa", "flyway");

  record Round(double emptyBoot, List<Double> floorBoots, double boot, double importPerSecond, double readPerSecond,
      double warmReadPerSecond) {}

  public static void main(String[] args) throws Exception {
    Runtime.getRuntime().addShutdownHook(new Thread(Server::stopAll));
    out("Servers benchmark: %s; %s; %s", machine(), databaseVersion(), DB_URL);
    out("%d rounds; import %d jobs x %d tasks in requests of %d; reads in pages of %d; server heap %d MiB",
        ROUNDS, JOBS, TASKS_PER_JOB, BATCH, PAGE, XMX_MIB);
    Map<Kind, Double> firstBoot = new EnumMap<>(Kind.class);
    try (java.sql.Connection connection = Bench.connect(); java.sql.Statement statement = connection.createStatement()) {
      for (String schema : List.of("payara_micro", "wildfly", FLOOR_SCHEMA)) {
        statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        statement.execute("CREATE SCHEMA " + schema);
      }
    }
    for (Kind kind : Kind.values()) {
      try (Server server = Server.start(kind, Server.WAR, kind + "-migrate", XMX_MIB,
          Map.of("PLANBRIDGE_DB_URL", schema(kind)))) {
        firstBoot.put(kind, server.bootSeconds);
      }
    }
    Map<Kind, List<Round>> rounds = new EnumMap<>(Kind.class);
    for (int round = 1; round <= ROUNDS; round++) {
      List<Kind> order = round % 2 == 1 ? List.of(Kind.values()) : List.of(Kind.WILDFLY, Kind.PAYARA_MICRO);
      for (Kind kind : order) {
        Round measured = round(kind, round);
        rounds.computeIfAbsent(kind, k -> new ArrayList<>()).add(measured);
        out("round %d %-12s empty %5.1f s, floor %s s, PlanBridge %5.1f s (%.2fx); import %7.0f records/s; reads "
                + "%7.0f/s, warm %7.0f/s; load %s", round, kind, measured.emptyBoot, seconds(measured.floorBoots),
            measured.boot, measured.boot / measured.emptyBoot, measured.importPerSecond, measured.readPerSecond,
            measured.warmReadPerSecond, loadAverage());
      }
    }
    out("");
    out("Medians of %d rounds:", ROUNDS);
    out("%-12s %8s %8s %6s %10s %12s %12s %12s", "server", "empty s", "boot s", "ratio", "1st boot s",
        "import rec/s", "reads rec/s", "warm reads/s");
    boolean met = true;
    for (Kind kind : Kind.values()) {
      List<Round> list = rounds.get(kind);
      double ratio = median(list, r -> r.boot / r.emptyBoot);
      met &= ratio < TARGET_BOOT_RATIO;
      out("%-12s %8.1f %8.1f %5.2fx %10.1f %12.0f %12.0f %12.0f", kind,
          median(list, Round::emptyBoot), median(list, Round::boot), ratio, firstBoot.get(kind),
          median(list, Round::importPerSecond), median(list, Round::readPerSecond),
          median(list, Round::warmReadPerSecond));
    }
    out("");
    out("Start-up floor (medians, seconds to ready, and as a multiple of the empty server):");
    out("%-12s %12s%s %12s", "server", "nothing", FLOOR.stream().map(stage -> String.format("%14s", stage))
        .reduce("", String::concat), "PlanBridge");
    for (Kind kind : Kind.values()) {
      List<Round> list = rounds.get(kind);
      double empty = median(list, Round::emptyBoot);
      StringBuilder line = new StringBuilder(String.format("%-12s %12s", kind, String.format("%.1f", empty)));
      for (int stage = 0; stage < FLOOR.size(); stage++) {
        int index = stage;
        double boot = median(list, r -> r.floorBoots.get(index));
        line.append(String.format("%14s", String.format("%.1f (%.2fx)", boot, boot / empty)));
      }
      double boot = median(list, Round::boot);
      line.append(String.format("%14s", String.format("%.1f (%.2fx)", boot, boot / empty)));
      out("%s", line);
    }
    out("");
    out("WildFly / Payara Micro (medians): import %.2f, reads %.2f, warm reads %.2f",
        ratio(rounds, Round::importPerSecond), ratio(rounds, Round::readPerSecond),
        ratio(rounds, Round::warmReadPerSecond));
    out("Start-up target: PlanBridge's boot under %.1fx the empty server's on every server: %s", TARGET_BOOT_RATIO,
        met ? "met" : "NOT met");
    System.exit(met ? 0 : 3);
  }

  static Round round(Kind kind, int round) throws Exception {
    double empty;
    try (Server server = Server.start(kind, null, kind + "-empty-" + round, XMX_MIB, Map.of())) {
      empty = server.bootSeconds;
    }
    List<Double> floor = new ArrayList<>();
    for (String stage : FLOOR) {
      try (Server server = Server.start(kind, Bench.WORK.resolve("floor-" + stage + ".war"),
          kind + "-floor-" + stage + "-" + round, XMX_MIB, Map.of("PLANBRIDGE_DB_URL", schema(FLOOR_SCHEMA)))) {
        floor.add(server.bootSeconds);
      }
    }
    try (Server server = Server.start(kind, Server.WAR, kind + "-" + round, XMX_MIB, Map.of("PLANBRIDGE_DB_URL",
        schema(kind)))) {
      String app = "B" + round;
      long begin = System.nanoTime();
      importTasks(server, app);
      double importSeconds = (System.nanoTime() - begin) / 1e9;
      int records = JOBS + JOBS * TASKS_PER_JOB;
      double read = readTasks(server, app);
      double warm = readTasks(server, app);
      return new Round(empty, floor, server.bootSeconds, records / importSeconds, JOBS * TASKS_PER_JOB / read,
          JOBS * TASKS_PER_JOB / warm);
    }
  }

  /** The jobs, then their tasks, in requests of {@link #BATCH} procedure calls. */
  static void importTasks(Server server, String app) throws Exception {
    List<String> calls = new ArrayList<>();
    for (int job = 0; job < JOBS; job++) {
      calls.add(call("mboc_upsertJob", app, "\"JobNo\",\"ShortDescription\"", "\"J-" + job + "\",\"Job " + job + "\""));
    }
    for (int job = 0; job < JOBS; job++) {
      for (int task = 0; task < TASKS_PER_JOB; task++) {
        calls.add(call("mboc_upsertTask", app, "\"JobNo\",\"TaskNo\",\"ShortDescription\"",
            "\"J-" + job + "\",\"T-" + task + "\",\"Task " + task + " of job " + job + "\""));
      }
    }
    for (int from = 0; from < calls.size(); from += BATCH) {
      String body = "[" + String.join(",", calls.subList(from, Math.min(calls.size(), from + BATCH))) + "]";
      server.importRequest(body.getBytes(StandardCharsets.UTF_8));
    }
  }

  static String call(String procedure, String app, String names, String values) {
    return "{\"StoredProcedureName\":\"" + procedure + "\",\"ParameterNames\":[\"SourceApp\",\"SourceType\"," + names
        + "],\"ParameterValues\":[\"" + app + "\",\"SO\"," + values + "]}";
  }

  /** Seconds to read all the Source App's tasks, page by page; fails unless each arrives once. */
  static double readTasks(Server server, String app) throws Exception {
    int expected = JOBS * TASKS_PER_JOB;
    int seen = 0;
    long begin = System.nanoTime();
    for (int offset = 0; offset < expected; offset += PAGE) {
      HttpResponse<String> page = server.http.send(HttpRequest.newBuilder(server.uri("/api/tasks?sourceApp=" + app
          + "&limit=" + PAGE + "&offset=" + offset)).header("X-API-KEY", API_KEY).header("Accept", "application/json")
          .timeout(Duration.ofSeconds(120)).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (page.statusCode() != 200) {
        throw new IllegalStateException("GET /api/tasks: HTTP " + page.statusCode() + " " + page.body());
      }
      Map<?, ?> json = (Map<?, ?>) Json.parse(page.body());
      seen += ((List<?>) json.get("items")).size();
    }
    if (seen != expected) {
      throw new IllegalStateException("read " + seen + " tasks of " + expected);
    }
    return (System.nanoTime() - begin) / 1e9;
  }

  static String seconds(List<Double> boots) {
    return String.join("/", boots.stream().map(boot -> String.format("%.1f", boot)).toList());
  }

  static String schema(Kind kind) {
    return schema(kind.name().toLowerCase());
  }

  /** The floor WARs' schema, shared by both servers: the first flyway-stage boot migrates it, the rest validate. */
  static final String FLOOR_SCHEMA = "floor";

  static String schema(String name) {
    return DB_URL + (DB_URL.contains("?") ? "&" : "?") + "currentSchema=" + name;
  }

  static double ratio(Map<Kind, List<Round>> rounds, ToDoubleFunction<Round> measure) {
    return median(rounds.get(Kind.WILDFLY), measure) / median(rounds.get(Kind.PAYARA_MICRO), measure);
  }

  static double median(List<Round> rounds, ToDoubleFunction<Round> measure) {
    return DrainBenchmark.median(rounds.stream().map(measure::applyAsDouble).toList());
  }
}
