package bench;

import static bench.Bench.DB_URL;
import static bench.Bench.intSetting;
import static bench.Bench.machine;
import static bench.Bench.out;

import bench.Server.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read path before and after the reads left JPA: the same pages of tasks ({@code GET /api/tasks}, 1,000 rows of
 * the widest table) read from the WAR of a baseline commit (JPA entities: EclipseLink on Payara Micro, Hibernate on
 * WildFly) and from the current WAR (JDBC from the schema's metadata), side by side in one run, on both servers,
 * against one PostgreSQL database (a schema per WAR and server, each imported once).
 *
 * <p>Each round boots every server with every WAR (the order alternating between rounds, so that noise on the
 * machine hits both) and reads all the tasks {@link #PASSES} times: the first pass after boot (cold), then the
 * rest (warm, the median reported). Run through {@code bench/reads-benchmark.sh}.
 */
public class ReadsBenchmark {

  static final int ROUNDS = intSetting("BENCH_ROUNDS", 3);
  static final int PASSES = intSetting("BENCH_PASSES", 5);
  static final long XMX_MIB = intSetting("BENCH_SERVER_XMX_MIB", 768);
  static final Path BASELINE = Bench.WORK.resolve("reads-baseline.war");
  static final String APP = "RB";

  record Measure(double cold, double warm) {}

  public static void main(String[] args) throws Exception {
    Runtime.getRuntime().addShutdownHook(new Thread(Server::stopAll));
    if (args.length > 0 && args[0].equals("--profile")) {
      profile();
      return;
    }
    Map<String, Path> wars = new LinkedHashMap<>();
    wars.put("baseline", BASELINE);
    wars.put("current", Server.WAR);
    out("Reads benchmark: %s; %s", machine(), DB_URL);
    out("baseline %s (JPA reads), current %s; %d rounds of %d passes over %d tasks in pages of %d; heap %d MiB",
        System.getenv().getOrDefault("BENCH_BASELINE", "?"), System.getenv().getOrDefault("BENCH_COMMIT", "?"), ROUNDS,
        PASSES, ServersBenchmark.JOBS * ServersBenchmark.TASKS_PER_JOB, ServersBenchmark.PAGE, XMX_MIB);
    try (java.sql.Connection connection = Bench.connect(); java.sql.Statement statement = connection.createStatement()) {
      for (Kind kind : Kind.values()) {
        for (String war : wars.keySet()) {
          statement.execute("DROP SCHEMA IF EXISTS " + schema(war, kind) + " CASCADE");
          statement.execute("CREATE SCHEMA " + schema(war, kind));
        }
      }
    }
    Map<Kind, Map<String, List<Measure>>> measured = new EnumMap<>(Kind.class);
    for (int round = 1; round <= ROUNDS; round++) {
      List<String> order = new ArrayList<>(wars.keySet());
      if (round % 2 == 0) {
        java.util.Collections.reverse(order);
      }
      for (Kind kind : Kind.values()) {
        for (String war : order) {
          try (Server server = Server.start(kind, wars.get(war), "reads-" + war + "-" + kind + "-" + round, XMX_MIB,
              Map.of("PLANBRIDGE_DB_URL", ServersBenchmark.schema(schema(war, kind))))) {
            if (round == 1) {
              ServersBenchmark.importTasks(server, APP);
            }
            Measure measure = passes(server);
            measured.computeIfAbsent(kind, k -> new LinkedHashMap<>()).computeIfAbsent(war, w -> new ArrayList<>())
                .add(measure);
            out("round %d %-12s %-8s cold %7.0f tasks/s, warm %7.0f tasks/s; load %s", round, kind, war,
                measure.cold, measure.warm, Bench.loadAverage());
          }
        }
      }
    }
    out("");
    out("Medians of %d rounds (tasks read per second):", ROUNDS);
    out("%-12s %14s %14s %14s %14s %10s %10s", "server", "baseline cold", "current cold", "baseline warm",
        "current warm", "cold x", "warm x");
    for (Kind kind : Kind.values()) {
      Map<String, List<Measure>> byWar = measured.get(kind);
      double baseCold = median(byWar.get("baseline"), true);
      double currentCold = median(byWar.get("current"), true);
      double baseWarm = median(byWar.get("baseline"), false);
      double currentWarm = median(byWar.get("current"), false);
      out("%-12s %14.0f %14.0f %14.0f %14.0f %9.2fx %9.2fx", kind, baseCold, currentCold, baseWarm, currentWarm,
          currentCold / baseCold, currentWarm / baseWarm);
    }
  }

  /**
   * A method-sample recording of the current WAR's reads on Payara Micro (bench/work/reads.jfr), against the schema
   * a full run imported: where the read path's time goes.
   */
  static void profile() throws Exception {
    Server.PROFILE = true;
    try (Server server = Server.start(Kind.PAYARA_MICRO, Server.WAR, "reads-profile", XMX_MIB,
        Map.of("PLANBRIDGE_DB_URL", ServersBenchmark.schema(schema("current", Kind.PAYARA_MICRO))))) {
      for (int pass = 0; pass < 3 * PASSES; pass++) {
        out("pass %d: %.0f tasks/s", pass, ServersBenchmark.JOBS * ServersBenchmark.TASKS_PER_JOB
            / ServersBenchmark.readTasks(server, APP));
      }
      server.jcmd("JFR.dump", "name=bench", "filename=" + Bench.WORK.resolve("reads.jfr"));
      out("profile: bench/work/reads.jfr");
    }
  }

  /** The first pass after boot, and the median of the others, in tasks per second. */
  static Measure passes(Server server) throws Exception {
    int tasks = ServersBenchmark.JOBS * ServersBenchmark.TASKS_PER_JOB;
    double cold = tasks / ServersBenchmark.readTasks(server, APP);
    List<Double> warm = new ArrayList<>();
    for (int pass = 1; pass < PASSES; pass++) {
      warm.add(tasks / ServersBenchmark.readTasks(server, APP));
    }
    return new Measure(cold, DrainBenchmark.median(warm));
  }

  static double median(List<Measure> measures, boolean cold) {
    return DrainBenchmark.median(measures.stream().map(m -> cold ? m.cold : m.warm).toList());
  }

  static String schema(String war, Kind kind) {
    return "reads_" + war + "_" + kind.name().toLowerCase();
  }
}
