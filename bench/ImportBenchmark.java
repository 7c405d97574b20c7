package bench;

import static bench.Bench.connect;
import static bench.Bench.databaseVersion;
import static bench.Bench.intSetting;
import static bench.Bench.loadAverage;
import static bench.Bench.machine;
import static bench.Bench.mib;
import static bench.Bench.out;
import static bench.Bench.quote;
import static bench.Bench.setting;
import static bench.Bench.DB_URL;
import static bench.Bench.ROOT;
import static bench.Bench.WORK;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Import benchmark: the same 102,000 planning records (1,000 jobs, 100,000 tasks, 1,000 resources)
 * written into the same PostgreSQL database twice per round, once through PlanBridge's
 * Dime.Scheduler-compatible {@code POST /api/import} in requests of 1,000 items, once with plain JDBC
 * batched upserts ({@code INSERT ... ON CONFLICT DO UPDATE}, batches of 1,000, one commit per batch).
 * Rounds alternate API and JDBC so that noise from other work on the machine hits both.
 *
 * <p>The server runs on Payara Micro with a bounded heap: a calibration boot measures the live heap
 * of a warmed-up idle server (after a forced GC); the measured boot gets {@code -Xmx} = that idle
 * heap + 64 MiB. Requests are sent one at a time, so every 1,000-item request has to fit into the
 * 64 MiB on top of the idle server or fail with an OutOfMemoryError.
 *
 * <p>Run through {@code bench/import-benchmark.sh}, which builds the WAR, prepares the database and compiles
 * bench/*.java (package {@code bench}; the server harness and helpers are shared with the drain benchmark).
 */
public class ImportBenchmark {

  static final int JOBS = intSetting("BENCH_JOBS", 1000);
  static final int TASKS_PER_JOB = intSetting("BENCH_TASKS_PER_JOB", 100);
  static final int RESOURCES = intSetting("BENCH_RESOURCES", 1000);
  static final int BATCH = intSetting("BENCH_BATCH", 1000);
  static final int ROUNDS = intSetting("BENCH_ROUNDS", 3);
  static final int WARMUP_TASK_REQUESTS = intSetting("BENCH_WARMUP_TASK_REQUESTS", 10);
  static final long REQUEST_HEAP_BUDGET_MIB = 64;
  static final double TARGET_RATIO = 0.5;

  // ---------------------------------------------------------------------------------------------
  // The data model: which parameters are sent, the column each lands in, and its type.

  enum Kind { TEXT, SMALLINT, LONG, BOOL, DECIMAL, TIMESTAMP }

  record Field(String parameter, String column, Kind kind) {
    static Field of(String parameter, Kind kind) {
      return new Field(parameter, parameter.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT), kind);
    }
  }

  record Entity(String procedure, String table, List<String> key, List<Field> fields) {
    int index(String parameter) {
      for (int i = 0; i < fields.size(); i++) {
        if (fields.get(i).parameter().equals(parameter)) {
          return i;
        }
      }
      throw new IllegalArgumentException(parameter);
    }
  }

  static final Entity JOB = new Entity("mboc_upsertJob", "job", List.of("source_app", "source_type", "job_no"), List.of(
      Field.of("SourceApp", Kind.TEXT), Field.of("SourceType", Kind.TEXT), Field.of("JobNo", Kind.TEXT),
      Field.of("ShortDescription", Kind.TEXT), Field.of("Description", Kind.TEXT), Field.of("Name", Kind.TEXT),
      Field.of("CustomerNo", Kind.TEXT), Field.of("CustomerName", Kind.TEXT), Field.of("SiteCity", Kind.TEXT),
      Field.of("SiteCountry", Kind.TEXT), Field.of("Importance", Kind.SMALLINT),
      Field.of("CreationDateTime", Kind.TIMESTAMP), Field.of("Responsible", Kind.TEXT),
      Field.of("FreeText1", Kind.TEXT)));

  static final Entity TASK = new Entity("mboc_upsertTask", "task",
      List.of("source_app", "source_type", "job_no", "task_no"), List.of(
      Field.of("SourceApp", Kind.TEXT), Field.of("SourceType", Kind.TEXT), Field.of("JobNo", Kind.TEXT),
      Field.of("TaskNo", Kind.TEXT), Field.of("ShortDescription", Kind.TEXT), Field.of("Description", Kind.TEXT),
      Field.of("Status", Kind.TEXT), Field.of("Importance", Kind.SMALLINT),
      Field.of("RequestedStartDate", Kind.TIMESTAMP), Field.of("RequestedEndDate", Kind.TIMESTAMP),
      Field.of("DurationInSeconds", Kind.LONG), Field.of("PlanningQty", Kind.DECIMAL),
      Field.of("FreeText1", Kind.TEXT), Field.of("FreeText2", Kind.TEXT), Field.of("FreeBit1", Kind.BOOL)));

  static final Entity RESOURCE = new Entity("mboc_upsertResource", "resource", List.of("resource_no"), List.of(
      Field.of("ResourceNo", Kind.TEXT), Field.of("SourceApp", Kind.TEXT), Field.of("SourceType", Kind.TEXT),
      Field.of("ResourceName", Kind.TEXT), Field.of("DisplayName", Kind.TEXT), Field.of("Department", Kind.TEXT),
      Field.of("Email", Kind.TEXT), Field.of("Phone", Kind.TEXT), Field.of("TeamCode", Kind.TEXT),
      Field.of("HomeCity", Kind.TEXT), Field.of("InServiceFrom", Kind.TIMESTAMP), Field.of("FreeText1", Kind.TEXT)));

  /** One record: the wire strings (as the .NET SDK formats them) and the same values typed for JDBC. */
  record Row(String[] wire, Object[] typed) {}

  /** The rows of one entity in send order, cut into requests/batches of {@link #BATCH}. */
  record Slice(Entity entity, List<Row> rows) {}

  static final DateTimeFormatter NET_U = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'");
  static final String[] CITIES = {"Antwerpen", "Gent", "Brugge", "Leuven", "Mechelen", "Hasselt", "Kortrijk", "Namur",
      "Liege", "Charleroi", "Rotterdam", "Utrecht", "Eindhoven", "Lille", "Aachen", "Koeln"};
  static final String[] COUNTRIES = {"BE", "NL", "FR", "DE"};
  static final String[] STATUSES = {"Open", "Planned", "In Progress", "On Hold", "Released"};
  static final String[] WORK_TYPES = {"Boiler maintenance", "Heat pump check", "Ventilation service",
      "Installation", "Repair visit", "Safety inspection", "Filter replacement", "Commissioning"};
  static final String[] DEPARTMENTS = {"Field Service North", "Field Service South", "Installations", "Projects"};
  static final String[] FIRST = {"An", "Bram", "Chloe", "Dirk", "Els", "Filip", "Greet", "Hans", "Ines", "Jan",
      "Katrien", "Lars", "Marie", "Nico", "Olga", "Pieter"};
  static final String[] LAST = {"Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
      "Wouters", "De Smet", "Dubois", "Lambert", "Dupont", "Hermans", "Aerts", "Vermeulen"};

  /** Deterministic data: the same rows every run and for both phases. */
  static List<Slice> generate() {
    LocalDateTime base = LocalDateTime.of(2025, 1, 6, 7, 0);
    List<Row> jobs = new ArrayList<>(JOBS);
    List<Row> tasks = new ArrayList<>(JOBS * TASKS_PER_JOB);
    List<Row> resources = new ArrayList<>(RESOURCES);
    for (int j = 1; j <= JOBS; j++) {
      String jobNo = String.format("SO%06d", j);
      String customer = String.format("C%05d", 1 + (j * 7919) % 5000);
      String customerName = LAST[j % LAST.length] + " " + (j % 3 == 0 ? "NV" : "BV") + " " + customer.substring(1);
      String city = CITIES[(j * 31) % CITIES.length];
      jobs.add(row(JOB, "BENCH", "SO", jobNo,
          "Service order " + jobNo + " " + city,
          "Yearly service contract for " + customerName + ", site in " + city
              + ". Access through the back entrance; ask for the facility manager on arrival.",
          customerName + " - " + WORK_TYPES[j % WORK_TYPES.length],
          customer, customerName, city, COUNTRIES[j % COUNTRIES.length],
          String.valueOf(j % 3), NET_U.format(base.minusDays(30 + j % 60)),
          FIRST[(j * 3) % FIRST.length] + " " + LAST[(j * 5) % LAST.length],
          "Contract " + (2025 - j % 4) + "-" + (j % 97)));
      for (int t = 1; t <= TASKS_PER_JOB; t++) {
        int n = (j - 1) * TASKS_PER_JOB + t;
        String taskNo = String.format("%s-%03d", jobNo, t);
        LocalDateTime start = base.plusDays(n % 180).plusHours(n % 9);
        long seconds = 1800L * (1 + n % 8);
        tasks.add(row(TASK, "BENCH", "SO", jobNo, taskNo,
            WORK_TYPES[n % WORK_TYPES.length] + " " + taskNo,
            "Line " + t + ": " + WORK_TYPES[(n + 3) % WORK_TYPES.length],
            STATUSES[n % STATUSES.length], String.valueOf(n % 3),
            NET_U.format(start), NET_U.format(start.plusSeconds(seconds).plusDays(n % 5)),
            String.valueOf(seconds), new BigDecimal(seconds).divide(new BigDecimal(3600)).toPlainString(),
            "Serial " + String.format("SN-%08d", n * 13L) + ", model HX-" + (100 + n % 50),
            "Bring spare parts kit " + (char) ('A' + n % 6) + "; customer prefers mornings",
            n % 4 == 0 ? "True" : "False"));
      }
    }
    for (int r = 1; r <= RESOURCES; r++) {
      String resourceNo = String.format("R%05d", r);
      String first = FIRST[r % FIRST.length];
      String last = LAST[(r * 7) % LAST.length];
      resources.add(row(RESOURCE, resourceNo, "BENCH", "SO",
          first + " " + last + " " + resourceNo, first + " " + last.charAt(0) + ". (" + resourceNo + ")",
          DEPARTMENTS[r % DEPARTMENTS.length],
          (first + "." + last).toLowerCase(Locale.ROOT).replace(' ', '-') + "." + r + "@example.com",
          String.format("+32 470 %02d %02d %02d", r % 100, (r / 100) % 100, (r * 7) % 100),
          "TEAM" + (1 + r % 40), CITIES[(r * 11) % CITIES.length], NET_U.format(base.minusDays(r % 2000)),
          "Skills: " + WORK_TYPES[r % WORK_TYPES.length] + ", " + WORK_TYPES[(r + 5) % WORK_TYPES.length]));
    }
    // Jobs and resources first, then tasks (their jobs must exist).
    return List.of(new Slice(JOB, jobs), new Slice(RESOURCE, resources), new Slice(TASK, tasks));
  }

  static Row row(Entity entity, String... wire) {
    if (wire.length != entity.fields().size()) {
      throw new IllegalStateException(entity.table() + ": " + wire.length + " values for " + entity.fields().size() + " fields");
    }
    Object[] typed = new Object[wire.length];
    for (int i = 0; i < wire.length; i++) {
      String value = wire[i];
      typed[i] = switch (entity.fields().get(i).kind()) {
        case TEXT -> value;
        case SMALLINT -> Short.valueOf(value);
        case LONG -> Long.valueOf(value);
        case BOOL -> Boolean.valueOf(value);
        case DECIMAL -> new BigDecimal(value);
        case TIMESTAMP -> LocalDateTime.parse(value, NET_U).atOffset(ZoneOffset.UTC);
      };
    }
    return new Row(wire, typed);
  }

  static long recordCount(List<Slice> data) {
    return data.stream().mapToLong(slice -> slice.rows().size()).sum();
  }

  // ---------------------------------------------------------------------------------------------
  // Main flow.

  record Phase(String name, int round, long records, long nanos, List<Long> requestNanos, String load, double serverCpu) {
    double seconds() { return nanos / 1e9; }
    double rate() { return records / seconds(); }
  }

  public static void main(String[] args) throws Exception {
    boolean jdbcOnly = Arrays.asList(args).contains("--jdbc-only");
    boolean stacks = Arrays.asList(args).contains("--stacks");
    boolean bootOnly = Arrays.asList(args).contains("--boot-only");
    Server.exitWith(() -> bootOnly ? bootOnly() : run(jdbcOnly, stacks));
  }

  /** --boot-only: checks the harness without the import API (boot, readiness, heap reading, stop). */
  static int bootOnly() throws Exception {
    try (Server server = Server.start(0, 1024)) {
      out("boot-only: ready in %.1f s (port %d, pid %d)", server.bootSeconds, server.port, server.process.pid());
      Server.Heap heap = server.heapAfterGc();
      out("boot-only: used heap after GC %d MiB, committed %d MiB, max %d MiB (%s)", heap.usedMiB(),
          mib(heap.committedBytes()), mib(heap.maxBytes()), heap.source());
    }
    return 0;
  }

  static int run(boolean jdbcOnly, boolean stacks) throws Exception {
    out("PlanBridge import benchmark, %s", OffsetDateTime.now(ZoneOffset.UTC).withNano(0));
    out("machine: %s (driver and server)", machine());
    out("commit: %s; database %s (%s); load average %s", setting("BENCH_COMMIT", "unknown"), DB_URL,
        databaseVersion(), loadAverage());

    List<Slice> data = generate();
    long records = recordCount(data);
    out("data: %,d jobs, %,d tasks (%d per job), %,d resources = %,d records; %d/%d/%d parameters per job/task/resource;"
        + " requests and JDBC batches of %,d items, sent one at a time",
        JOBS, JOBS * TASKS_PER_JOB, TASKS_PER_JOB, RESOURCES, records,
        JOB.fields().size(), TASK.fields().size(), RESOURCE.fields().size(), BATCH);
    List<byte[]> requests = jdbcOnly ? List.of() : requestBodies(data);
    if (!jdbcOnly) {
      long bytes = requests.stream().mapToLong(body -> body.length).sum();
      out("API requests: %d, %.1f MiB of JSON in all, largest %.2f MiB", requests.size(), bytes / 1048576.0,
          requests.stream().mapToLong(body -> body.length).max().orElse(0) / 1048576.0);
    }

    List<Phase> phases = new ArrayList<>();
    Map<String, String> checksums = new LinkedHashMap<>();
    if (jdbcOnly) {
      ensureSchema();
      out("");
      out("JDBC only (--jdbc-only): no server, schema applied from V1__planning_model.sql if missing");
      for (int round = 1; round <= ROUNDS; round++) {
        truncate();
        phases.add(jdbcPhase(round, data));
        checksums.put("JDBC round " + round, checksum(data));
      }
      printResults(phases, checksums, 0, false, null, null, null, new ArrayList<>());
      return 0;
    }

    // Calibration boot: the live heap of a warmed-up, idle server. BENCH_SERVER_XMX_MIB skips it (rates with a
    // roomier heap; the 64 MiB claim is then not tested).
    String fixedXmx = setting("BENCH_SERVER_XMX_MIB", "");
    boolean bounded = fixedXmx.isEmpty();
    long xmx;
    out("");
    if (bounded) {
      out("heap method: bounded server heap. Boot 1 (-Xmx1024m) is warmed up (jobs, resources, %d task requests), then"
          + " forced to a full GC (jcmd GC.run) and its used heap read: the idle live heap. Boot 2 runs with"
          + " -Xmx = idle live heap + %d MiB, and every request is sent alone: a request that needed more than %d MiB"
          + " on top of the idle server would fail with OutOfMemoryError.", WARMUP_TASK_REQUESTS,
          REQUEST_HEAP_BUDGET_MIB, REQUEST_HEAP_BUDGET_MIB);
      Server.Heap idleCalibration;
      try (Server server = Server.start(1, 1024)) {
        out("boot 1: %s ready in %.1f s (port %d)", server.version(), server.bootSeconds, server.port);
        warmUp(server, requests);
        idleCalibration = server.heapAfterGc();
        out("boot 1: idle live heap after warm-up and GC: %d MiB (%s)", idleCalibration.usedMiB(), idleCalibration.source());
      }
      xmx = idleCalibration.usedMiB() + REQUEST_HEAP_BUDGET_MIB;
    } else {
      xmx = Long.parseLong(fixedXmx);
      out("heap method: none. BENCH_SERVER_XMX_MIB=%d fixes the server heap; the %d MiB per request claim is NOT tested"
          + " in this run.", xmx, REQUEST_HEAP_BUDGET_MIB);
    }

    Server.Heap idle;
    Server.Heap after;
    Server.GcSummary gc;
    List<String> notes = new ArrayList<>();
    try (Server server = Server.start(2, xmx)) {
      out("boot 2: %s with -Xmx%dm, ready in %.1f s (port %d)", server.version(), xmx, server.bootSeconds, server.port);
      warmUp(server, requests);
      idle = server.heapAfterGc();
      out("boot 2: idle live heap after warm-up and GC: %d MiB, so %d MiB of the %d MiB heap are left for a request",
          idle.usedMiB(), xmx - idle.usedMiB(), xmx);
      long gcMarkStart = server.gcLogLines();
      for (int round = 1; round <= ROUNDS; round++) {
        truncate();
        boolean sample = stacks && round == ROUNDS;
        phases.add(apiPhase(round, server, requests, records, sample));
        checksums.put("API round " + round, checksum(data));
        truncate();
        phases.add(jdbcPhase(round, data));
        checksums.put("JDBC round " + round, checksum(data));
      }
      gc = server.gcSummary(gcMarkStart);
      after = server.heapAfterGc();
      if (server.logContains("OutOfMemoryError")) {
        notes.add("the server log contains OutOfMemoryError: " + server.log);
      }
    }
    return printResults(phases, checksums, xmx, bounded, idle, after, gc, notes);
  }

  static void warmUp(Server server, List<byte[]> requests) throws Exception {
    truncate();
    int count = Math.min(requests.size(), 2 + WARMUP_TASK_REQUESTS);
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      server.importRequest(requests.get(i));
    }
    out("  warm-up: %d requests in %.1f s", count, (System.nanoTime() - start) / 1e9);
    truncate();
  }

  static int printResults(List<Phase> phases, Map<String, String> checksums, long xmx, boolean bounded, Server.Heap idle, Server.Heap after,
      Server.GcSummary gc, List<String> notes) {
    out("");
    out("%-6s %-5s %10s %9s %10s  %-22s %-11s %s", "round", "phase", "records", "seconds", "records/s",
        "ms per request/batch", "server CPU", "load avg at end");
    out("%-6s %-5s %10s %9s %10s  %-22s %-11s %s", "", "", "", "", "", "median / p95 / max", "seconds", "(1/5/15 min)");
    for (Phase phase : phases) {
      out("%-6d %-5s %,10d %9.2f %,10.0f  %-22s %-11s %s", phase.round(), phase.name(), phase.records(), phase.seconds(),
          phase.rate(), latencies(phase.requestNanos()),
          Double.isNaN(phase.serverCpu()) ? "-" : String.format(Locale.ROOT, "%.1f", phase.serverCpu()), phase.load());
    }
    Optional<Phase> bestApi = phases.stream().filter(p -> p.name().equals("API")).max((a, b) -> Double.compare(a.rate(), b.rate()));
    Optional<Phase> bestJdbc = phases.stream().filter(p -> p.name().equals("JDBC")).max((a, b) -> Double.compare(a.rate(), b.rate()));
    out("");
    long distinct = checksums.values().stream().distinct().count();
    out("rows written: %s", distinct == 1
        ? "identical in every phase (count and md5 of all sent columns per table: " + checksums.values().iterator().next() + ")"
        : "DIFFERENT between phases: " + checksums);
    if (distinct != 1) {
      notes.add("the API and JDBC phases did not leave the same rows: the comparison is not like for like");
    }
    bestJdbc.ifPresent(p -> out("best JDBC: %,.0f records/s", p.rate()));
    boolean rateMet = true;
    boolean heapMet = true;
    if (bestApi.isPresent() && bestJdbc.isPresent()) {
      double ratio = bestApi.get().rate() / bestJdbc.get().rate();
      rateMet = ratio >= TARGET_RATIO;
      out("best API:  %,.0f records/s", bestApi.get().rate());
      out("ratio API/JDBC (best of %d each): %.2f; target >= %.2f met: %s", ROUNDS, ratio, TARGET_RATIO, rateMet ? "yes" : "NO");
      List<Double> perRound = new ArrayList<>();
      for (int i = 0; i + 1 < phases.size(); i += 2) {
        perRound.add(phases.get(i).rate() / phases.get(i + 1).rate());
      }
      List<Double> sorted = perRound.stream().sorted().toList();
      double median = sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2)
          : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
      out("ratio API/JDBC per round (each API phase against the JDBC phase right after it): %s; median %.2f (>= %.2f: %s)",
          perRound.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).collect(Collectors.joining(", ")),
          median, TARGET_RATIO, median >= TARGET_RATIO ? "yes" : "no");
    }
    if (idle != null) {
      heapMet = notes.stream().noneMatch(note -> note.contains("OutOfMemoryError"));
      out("server heap: -Xmx%d MiB%s; idle live heap (boot 2, after warm-up and GC) %d MiB;"
          + " after the run and a GC: used %d MiB, committed %d MiB, max %d MiB (%s)",
          xmx, bounded ? " = idle live heap + " + REQUEST_HEAP_BUDGET_MIB + " MiB" : " (fixed)", idle.usedMiB(), after.usedMiB(), mib(after.committedBytes()),
          mib(after.maxBytes()), after.source());
      out("server GC during the rounds: %s", gc);
      if (!bounded) {
        heapMet = true;
        out("1,000-item request within %d MiB of heap: not tested (fixed heap)", REQUEST_HEAP_BUDGET_MIB);
      } else {
        out("1,000-item request within %d MiB of heap: %s (every request answered Success with at most %d MiB free"
            + " above the idle server, one request at a time%s)", REQUEST_HEAP_BUDGET_MIB, heapMet ? "yes" : "NO",
            xmx - idle.usedMiB(), heapMet ? ", no OutOfMemoryError" : "");
      }
    }
    for (String note : notes) {
      out("NOTE: %s", note);
    }
    return rateMet && heapMet && notes.isEmpty() ? 0 : 3;
  }

  static String latencies(List<Long> nanos) {
    if (nanos.isEmpty()) {
      return "";
    }
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    return String.format("%.0f / %.0f / %.0f", sorted[sorted.length / 2] / 1e6,
        sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] / 1e6, sorted[sorted.length - 1] / 1e6);
  }

  // ---------------------------------------------------------------------------------------------
  // API phase.

  static List<byte[]> requestBodies(List<Slice> data) {
    List<byte[]> bodies = new ArrayList<>();
    for (Slice slice : data) {
      for (int from = 0; from < slice.rows().size(); from += BATCH) {
        List<Row> rows = slice.rows().subList(from, Math.min(slice.rows().size(), from + BATCH));
        StringBuilder json = new StringBuilder(rows.size() * 700);
        String names = slice.entity().fields().stream().map(f -> quote(f.parameter())).collect(Collectors.joining(","));
        json.append('[');
        for (int i = 0; i < rows.size(); i++) {
          if (i > 0) {
            json.append(',');
          }
          json.append("{\"StoredProcedureName\":").append(quote(slice.entity().procedure()))
              .append(",\"ParameterNames\":[").append(names).append("],\"ParameterValues\":[");
          String[] values = rows.get(i).wire();
          for (int v = 0; v < values.length; v++) {
            json.append(v > 0 ? "," : "").append(quote(values[v]));
          }
          json.append("]}");
        }
        json.append(']');
        bodies.add(json.toString().getBytes(StandardCharsets.UTF_8));
      }
    }
    return bodies;
  }

  static Phase apiPhase(int round, Server server, List<byte[]> requests, long records, boolean sampleStacks) throws Exception {
    List<Long> latencies = new ArrayList<>(requests.size());
    Thread sampler = sampleStacks ? server.startStackSampler("round" + round) : null;
    long cpuStart = server.cpu().toMillis();
    long start = System.nanoTime();
    try {
      for (byte[] body : requests) {
        long t0 = System.nanoTime();
        server.importRequest(body);
        latencies.add(System.nanoTime() - t0);
      }
    } finally {
      if (sampler != null) {
        sampler.interrupt();
        sampler.join();
      }
    }
    Phase phase = new Phase("API", round, records, System.nanoTime() - start, latencies, loadAverage(),
        (server.cpu().toMillis() - cpuStart) / 1000.0);
    out("  round %d API:  %,d records in %.2f s = %,.0f records/s", round, records, phase.seconds(), phase.rate());
    return phase;
  }

  // ---------------------------------------------------------------------------------------------
  // JDBC phase.

  static String upsertSql(Entity entity) {
    List<String> columns = entity.fields().stream().map(Field::column).toList();
    String updates = columns.stream().filter(c -> !entity.key().contains(c)).map(c -> c + " = EXCLUDED." + c)
        .collect(Collectors.joining(", "));
    return "INSERT INTO " + entity.table() + " (" + String.join(", ", columns) + ") VALUES ("
        + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ") ON CONFLICT ("
        + String.join(", ", entity.key()) + ") DO UPDATE SET " + updates
        + ", row_version = nextval('row_version_seq'), updated_at = CURRENT_TIMESTAMP";
  }

  static Phase jdbcPhase(int round, List<Slice> data) throws SQLException {
    List<Long> latencies = new ArrayList<>();
    long records = 0;
    long start = System.nanoTime();
    try (Connection connection = connect()) {
      connection.setAutoCommit(false);
      for (Slice slice : data) {
        try (PreparedStatement upsert = connection.prepareStatement(upsertSql(slice.entity()))) {
          for (int from = 0; from < slice.rows().size(); from += BATCH) {
            long t0 = System.nanoTime();
            int to = Math.min(slice.rows().size(), from + BATCH);
            for (Row row : slice.rows().subList(from, to)) {
              Object[] values = row.typed();
              for (int i = 0; i < values.length; i++) {
                upsert.setObject(i + 1, values[i]);
              }
              upsert.addBatch();
            }
            upsert.executeBatch();
            connection.commit();
            records += to - from;
            latencies.add(System.nanoTime() - t0);
          }
        }
      }
    }
    Phase phase = new Phase("JDBC", round, records, System.nanoTime() - start, latencies, loadAverage(), Double.NaN);
    out("  round %d JDBC: %,d records in %.2f s = %,.0f records/s", round, records, phase.seconds(), phase.rate());
    return phase;
  }

  // ---------------------------------------------------------------------------------------------
  // Database helpers.

  static void truncate() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("TRUNCATE task, job, resource CASCADE");
    }
  }

  /** Row count and md5 over all columns the benchmark sends, per table, in key order. */
  static String checksum(List<Slice> data) throws SQLException {
    List<String> parts = new ArrayList<>();
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("SET TIME ZONE 'UTC'");
      for (Slice slice : data) {
        Entity entity = slice.entity();
        String columns = entity.fields().stream().map(f -> "coalesce(" + f.column() + "::text, '<null>')")
            .collect(Collectors.joining(", "));
        try (ResultSet result = statement.executeQuery("SELECT count(*), md5(string_agg(concat_ws('|', " + columns
            + "), E'\\n' ORDER BY " + String.join(", ", entity.key()) + ")) FROM " + entity.table())) {
          result.next();
          long count = result.getLong(1);
          if (count != slice.rows().size()) {
            throw new IllegalStateException(entity.table() + ": " + count + " rows, expected " + slice.rows().size());
          }
          parts.add(entity.table() + " " + count + " " + String.valueOf(result.getString(2)).substring(0, 8));
        }
      }
    }
    return String.join(", ", parts);
  }

  /** For --jdbc-only: the server's Flyway migration is not run, so apply V1 directly if needed. */
  static void ensureSchema() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      try (ResultSet tables = connection.getMetaData().getTables(null, null, "job", null)) {
        if (tables.next()) {
          return;
        }
      }
      String sql = Files.readString(ROOT.resolve("src/main/resources/db/migration/V1__planning_model.sql"));
      sql = sql.lines().filter(line -> !line.trim().startsWith("--")).collect(Collectors.joining("\n"));
      for (String command : sql.split(";")) {
        if (!command.isBlank()) {
          statement.execute(command);
        }
      }
    }
  }
}
