package bench;

import static bench.Bench.DB_PASSWORD;
import static bench.Bench.DB_URL;
import static bench.Bench.DB_USER;
import static bench.Bench.WORK;
import static bench.Bench.databaseVersion;
import static bench.Bench.intSetting;
import static bench.Bench.loadAverage;
import static bench.Bench.machine;
import static bench.Bench.out;
import static bench.Bench.setting;
import static bench.DrainBenchmark.APPOINTMENTS;
import static bench.DrainBenchmark.best;
import static bench.DrainBenchmark.databaseCpu;
import static bench.DrainBenchmark.median;
import static bench.DrainBenchmark.perRound;
import static bench.DrainBenchmark.ratios;

import bench.DrainBenchmark.API;
import bench.DrainBenchmark.Body;
import bench.DrainBenchmark.Phase;
import bench.DrainBenchmark.Receiver;
import bench.DrainBenchmark.Recording;
import bench.DrainBenchmark.Stub;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * NAV benchmark: the outbox drained to Microsoft Dynamics NAV/BC over SOAP (the page contract, NTLM and Basic, to
 * the test tree's NAV simulator in a JVM of its own), against a plain loop of the same CXF client calls (the SOAP
 * ceiling, {@code NavSoapLoop}) and the least outbox feeding that loop (the SOAP floor, {@link OutboxFloor}); the
 * drain against a simulator answering in 50 ms, against parallelism / latency; and PlanBridge's webhook drain
 * against db-scheduler ({@code DbSchedulerPeer}) delivering the same bodies to the same stub with the same client.
 * Reuses the drain benchmark's setup, phases and report ({@link DrainBenchmark}); see bench/README.md.
 *
 * <p>Run through {@code bench/nav-benchmark.sh}, which builds the test classes and the classpaths the children
 * need ({@code BENCH_NAV_CLASSPATH}: PlanBridge's classes, the test classes and their dependencies;
 * {@code BENCH_PEER_CLASSPATH}: db-scheduler, HikariCP, slf4j).
 */
public class NavDrainBenchmark {

  static final int ROUNDS = intSetting("BENCH_ROUNDS", 3);
  static final int WARMUP_ROUNDS = intSetting("BENCH_WARMUP_ROUNDS", 1);
  static final int SLOW = intSetting("BENCH_SLOW_APPOINTMENTS", 4_000);
  static final int SLOW_MS = intSetting("BENCH_SLOW_MS", 50);
  static final String NTLM_APP = "NAVNTLM";
  static final String BASIC_APP = "NAVBASIC";
  static final String FLOOR = "floor";
  /** The simulators' login ({@code NavSimulators}, in the NAV classes this JVM does not load). */
  static final String NAV_USER = "navuser";
  static final String NAV_DOMAIN = "CRONUS";
  static final String NAV_PASSWORD = "Nav-Pa55word!";

  static final double TARGET_OF_FLOOR = 0.9;
  static final double TARGET_OF_BOUND = 0.9;
  static final double TARGET_OF_PEER = 1.0;

  /** One SOAP login: its Source App and connector, its simulator, its loop's JVM and the phases' names. */
  record Soap(String name, String sourceApp, String url, String login, List<Body> bodies, CeilingLoop.Child loop) {
    String ceiling() { return "ceil/" + name; }
    String floor() { return "floor/" + name; }
    String drain() { return "drain/" + name; }
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("sun.net.httpserver.maxIdleConnections", "100000"); // as DrainBenchmark.main: before the stub
    DrainBenchmark.runWithStub(NavDrainBenchmark::run);
  }

  static int run(Stub stub) throws Exception {
    out("PlanBridge NAV drain benchmark, %s", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).withNano(0));
    out("machine: %s (driver, stub, simulator, loops, peer and server)", machine());
    out("commit: %s; database %s (%s); load average %s", setting("BENCH_COMMIT", "unknown"), DB_URL,
        databaseVersion(), loadAverage());
    String navClasspath = WORK.resolve("classes") + java.io.File.pathSeparator + requiredSetting("BENCH_NAV_CLASSPATH");
    String peerClasspath = WORK.resolve("classes") + java.io.File.pathSeparator + requiredSetting("BENCH_PEER_CLASSPATH");
    int ntlmPort = Server.freePort();
    int basicPort = Server.freePort();
    Map<String, String> environment = DrainBenchmark.serverEnvironment();
    int concurrency = DrainBenchmark.engineConcurrency(environment);
    try (CeilingLoop.Child simulatorJvm = new CeilingLoop.Child("nav-simulator", navClasspath,
            "bench.NavSimulators", List.of(), DrainBenchmark.SERVER_XMX_MIB, WORK, String.valueOf(ntlmPort),
            String.valueOf(basicPort));
        Server server = DrainBenchmark.startServer("nav-server", environment)) {
      NavReceiver simulator = new NavReceiver(simulatorJvm);
      String page = "/BC/WS/CRONUS%20International%20Ltd./Page/Appointment";
      out("NAV simulator: NavSimulator (test tree) in a JVM of its own, counts only, NTLM at port %d, Basic at port"
          + " %d, page %s; webhook stub %s in the driver JVM", ntlmPort, basicPort, page, stub.uri());
      API api = new API(server);
      long begin = System.nanoTime();
      for (String app : List.of(DrainBenchmark.SOURCE_APP, NTLM_APP, BASIC_APP)) {
        DrainBenchmark.importPlanning(api, app);
        Map<String, Long> statuses = DrainBenchmark.awaitResolved(app, java.time.Duration.ofMinutes(5));
        if (!statuses.equals(Map.of("MBOC Not Provided", (long) APPOINTMENTS))) {
          throw new IllegalStateException(app + ": expected " + APPOINTMENTS + " MBOC Not Provided: " + statuses);
        }
      }
      out("setup: %,d appointments each for Source Apps %s (webhook), %s (NAV, NTLM) and %s (NAV, Basic) in %.1f s",
          APPOINTMENTS, DrainBenchmark.SOURCE_APP, NTLM_APP, BASIC_APP, (System.nanoTime() - begin) / 1e9);
      api.createConnector(stub.uri(), DrainBenchmark.SOURCE_APP);
      String ntlmUrl = "http://127.0.0.1:" + ntlmPort + page;
      String basicUrl = "http://127.0.0.1:" + basicPort + page;
      String ntlmLogin = NAV_DOMAIN + "\\" + NAV_USER;
      String basicLogin = "basic=" + NAV_USER;
      api.createConnector(NTLM_APP, "NAV", "SOAP_PAGE", ntlmUrl, ntlmLogin, NAV_PASSWORD);
      api.createConnector(BASIC_APP, "NAV", "SOAP_PAGE", basicUrl, basicLogin, NAV_PASSWORD);
      OutboxFloor.prepare(NTLM_APP);
      List<Body> hookBodies = DrainBenchmark.bodies(DrainBenchmark.SOURCE_APP);
      List<Body> ntlmBodies = DrainBenchmark.bodies(NTLM_APP);
      List<Body> basicBodies = DrainBenchmark.bodies(BASIC_APP);
      List<Phase> phases = new ArrayList<>();
      try (CeilingLoop.Child ntlmLoop = soapLoop("soap-loop-ntlm", navClasspath, ntlmUrl, ntlmLogin, ntlmBodies,
              concurrency);
          CeilingLoop.Child basicLoop = soapLoop("soap-loop-basic", navClasspath, basicUrl, basicLogin, basicBodies,
              concurrency);
          CeilingLoop.Child peer = new CeilingLoop.Child("db-scheduler", peerClasspath,
              "bench.DbSchedulerPeer", loopBodies(hookBodies), DrainBenchmark.SERVER_XMX_MIB, WORK,
              stub.uri().toString(), "%BODIES%", String.valueOf(concurrency), DB_URL, DB_USER, DB_PASSWORD)) {
        List<Soap> soaps = List.of(
            new Soap("ntlm", NTLM_APP, ntlmUrl, ntlmLogin, ntlmBodies, ntlmLoop),
            new Soap("basic", BASIC_APP, basicUrl, basicLogin, basicBodies, basicLoop));
        out("setup: connectors created (WEBHOOK to the stub; NAV SOAP_PAGE as %s and as Basic %s); %d threads in"
            + " every loop and in db-scheduler (the engine's planbridge.drain.parallelism)", ntlmLogin,
            NAV_USER, concurrency);
        List<Long> slowIds = soaps.get(0).bodies().subList(0, Math.min(SLOW, APPOINTMENTS)).stream()
            .map(Body::id).toList();
        for (int round = 1 - WARMUP_ROUNDS; round <= ROUNDS; round++) {
          int counted = Math.max(0, round);
          List<Phase> these = new ArrayList<>();
          DrainBenchmark.vacuum();
          for (Soap soap : soaps) {
            these.add(loopPhase(soap.ceiling(), counted, simulator, soap.loop(), "go", null));
            these.add(loopPhase(soap.floor(), counted, simulator, soap.loop(), FLOOR, FLOOR));
            these.add(DrainBenchmark.drainPhase(soap.drain(), counted, server, api, simulator, soap.sourceApp(),
                soap.bodies().stream().map(Body::id).toList(), false));
          }
          these.add(DrainBenchmark.drainPhase("drain/hook", counted, server, api, stub, DrainBenchmark.SOURCE_APP,
              hookBodies.stream().map(Body::id).toList(), false));
          these.add(loopPhase("db-sched", counted, stub, peer, "go", null));
          simulatorJvm.command("delay " + SLOW_MS);
          these.add(DrainBenchmark.drainPhase("drain/" + SLOW_MS + "ms", counted, server, api, simulator, NTLM_APP,
              slowIds, false));
          simulatorJvm.command("delay 0");
          if (round > 0) {
            phases.addAll(these);
          } else {
            out("warm-up %d: %s", round + WARMUP_ROUNDS, String.join(", ", these.stream().map(p -> String.format(
                Locale.ROOT, "%s %,.0f/s", p.name(), p.rate())).toList()));
          }
        }
        return report(phases, soaps, concurrency, server);
      }
    }
  }

  static String requiredSetting(String name) {
    String value = setting(name, null);
    if (value == null) {
      throw new IllegalStateException(name + " is not set: run bench/nav-benchmark.sh");
    }
    return value;
  }

  static List<CeilingLoop.Body> loopBodies(List<Body> bodies) {
    return bodies.stream().map(b -> new CeilingLoop.Body(b.id(), b.body())).toList();
  }

  /** {@code NavSoapLoop} in a JVM of its own, with these bodies. */
  static CeilingLoop.Child soapLoop(String name, String classpath, String url, String login, List<Body> bodies,
      int concurrency) throws Exception {
    return new CeilingLoop.Child(name, classpath, "bench.NavSoapLoop", loopBodies(bodies), DrainBenchmark.SERVER_XMX_MIB, WORK, url, login,
        NAV_PASSWORD, "%BODIES%", String.valueOf(concurrency));
  }

  /**
   * A loop in its own JVM ({@code child}: the SOAP loop, or db-scheduler) doing {@code command} for all
   * transactions, timed from the first to the last arrival at {@code receiver}; with {@code floorTables}, OutboxFloor
   * on those tables (reset before, checked after).
   */
  static Phase loopPhase(String name, int round, Receiver receiver, CeilingLoop.Child child, String command,
      String floorTables) throws Exception {
    Recording recording = receiver.record(APPOINTMENTS);
    if (floorTables != null) {
      OutboxFloor.reset(floorTables);
    }
    double senderCpu = child.cpu();
    double receiverCpu = receiver.cpu();
    double databaseCpu = databaseCpu();
    child.command(command + " " + APPOINTMENTS);
    recording.await(APPOINTMENTS, name);
    Phase phase = recording.phase(name, round, child.cpu() - senderCpu, receiver.cpu() - receiverCpu,
        Math.max(0, databaseCpu() - databaseCpu), "");
    String wrong = floorTables != null ? OutboxFloor.check(floorTables, APPOINTMENTS) : null;
    if (wrong != null || phase.duplicates() > phase.count() / 1000) {
      throw new IllegalStateException(name + " round " + round + ": " + (wrong != null ? wrong
          : phase.duplicates() + " duplicates"));
    }
    if (round > 0) {
      out("  round %d %s: %,d in %.2f s = %,.0f/s (sender CPU %.1f s, receiver CPU %.1f s, database %.1f s)", round,
          name, phase.count(), phase.seconds(), phase.rate(), phase.serverCpu(), phase.driverCpu(),
          phase.databaseCpu());
    }
    return phase;
  }

  /** The simulators' JVM as a {@link Receiver}: its {@link NavSimulators} notes the arrivals. */
  record NavReceiver(CeilingLoop.Child jvm) implements Receiver {

    @Override
    public Recording record(int expected) throws Exception {
      jvm.command("record " + expected);
      return new Recording() {
        long[] seen;

        @Override
        public void await(int count, String what) throws Exception {
          seen = Arrays.stream(jvm.ask("await " + count)).mapToLong(Long::parseLong).toArray();
        }

        @Override
        public Phase phase(String name, int round, double serverCpu, double driverCpu, double databaseCpu,
            String statuses) {
          return new Phase(name, round, (int) seen[0], seen[1], seen[2], (int) seen[3], (int) seen[4], serverCpu,
              driverCpu, databaseCpu, loadAverage(), statuses, (int) seen[5], seen[6]);
        }
      };
    }

    @Override
    public double cpu() {
      return jvm.cpu();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Report.

  record Result(String what, double measured, String unit, double target) {}

  static int report(List<Phase> phases, List<Soap> soaps, int concurrency, Server server) throws IOException {
    DrainBenchmark.table(phases);
    out("");
    out("columns: connections = NTLM handshakes the simulator completed (one per connection; 0 for Basic, whose"
        + " connections the simulator does not count) for NAV phases, client ports seen by the stub for webhook"
        + " phases; sender CPU = the server (drain) or the loop's / db-scheduler's JVM; driver CPU = the receiver's"
        + " JVM (the NAV simulators' JVM, or the driver JVM with the stub)");
    List<Result> results = new ArrayList<>();
    for (Soap soap : soaps) {
      Phase drain = best(phases, soap.drain());
      Phase floor = best(phases, soap.floor());
      Phase ceiling = best(phases, soap.ceiling());
      out("%s: drain / SOAP floor per round %s (median %.2f); drain / SOAP ceiling per round %s (median %.2f);"
          + " floor / ceiling per round %s (median %.2f)", soap.name(),
          ratios(perRound(phases, soap.drain(), soap.floor())), median(perRound(phases, soap.drain(), soap.floor())),
          ratios(perRound(phases, soap.drain(), soap.ceiling())),
          median(perRound(phases, soap.drain(), soap.ceiling())),
          ratios(perRound(phases, soap.floor(), soap.ceiling())),
          median(perRound(phases, soap.floor(), soap.ceiling())));
      results.add(new Result(soap.drain() + " (best of " + ROUNDS + ")", drain.rate(), "/s", 0));
      results.add(new Result(soap.floor() + ": SOAP floor (best)", floor.rate(), "/s", 0));
      results.add(new Result(soap.ceiling() + ": SOAP ceiling (best)", ceiling.rate(), "/s", 0));
      results.add(new Result(soap.drain() + " / SOAP floor (best/best)", drain.rate() / floor.rate(), "",
          TARGET_OF_FLOOR));
      results.add(new Result(soap.drain() + " / SOAP ceiling (best/best)", drain.rate() / ceiling.rate(), "", 0));
    }
    String slowName = "drain/" + SLOW_MS + "ms";
    Phase slow = best(phases, slowName);
    double bound = concurrency / (SLOW_MS / 1000.0);
    out("%s: %,d transactions of %s per round, the simulator answering each call %d ms late; bound = %d in flight"
        + " / %d ms = %,.0f/s; per round %s", slowName, SLOW, NTLM_APP, SLOW_MS, concurrency, SLOW_MS, bound,
        ratios(phases.stream().filter(p -> p.name().equals(slowName)).map(p -> p.rate() / bound).toList()));
    results.add(new Result(slowName + " (best)", slow.rate(), "/s", 0));
    results.add(new Result(slowName + " / bound " + String.format(Locale.ROOT, "%,.0f/s", bound), slow.rate() / bound,
        "", TARGET_OF_BOUND));
    Phase hook = best(phases, "drain/hook");
    Phase peer = best(phases, "db-sched");
    List<Double> hookOverPeer = perRound(phases, "drain/hook", "db-sched");
    out("drain/hook / db-scheduler per round %s (median %.2f)", ratios(hookOverPeer), median(hookOverPeer));
    results.add(new Result("drain/hook: webhook drain (best)", hook.rate(), "/s", 0));
    results.add(new Result("db-sched: db-scheduler 16.7.1 (best)", peer.rate(), "/s", 0));
    results.add(new Result("drain/hook / db-scheduler (best/best)", hook.rate() / peer.rate(), "", TARGET_OF_PEER));
    out("");
    out("%-48s %-14s %-10s %s", "result", "measured", "target", "met");
    boolean allMet = true;
    for (Result result : results) {
      boolean met = result.measured() >= result.target();
      allMet &= met;
      out("%-48s %-14s %-10s %s", result.what(), result.unit().isEmpty()
          ? String.format(Locale.ROOT, "%.2f", result.measured())
          : String.format(Locale.ROOT, "%,.0f%s", result.measured(), result.unit()),
          result.target() > 0 ? String.format(Locale.ROOT, ">= %.2f", result.target()) : "",
          result.target() > 0 ? (met ? "yes" : "NO") : "");
    }
    out("");
    out("load average at the end %s; server log %s", loadAverage(), server.log);
    return allMet ? 0 : 3;
  }
}
