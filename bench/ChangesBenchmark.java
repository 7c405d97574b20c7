package bench;

import static bench.Bench.API_KEY;
import static bench.Bench.DB_URL;
import static bench.Bench.connect;
import static bench.Bench.databaseVersion;
import static bench.Bench.intSetting;
import static bench.Bench.loadAverage;
import static bench.Bench.machine;
import static bench.Bench.out;
import static bench.Bench.setting;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Change feed benchmark: 1,000,000 changed jobs (written in transactions of 10,000, so the feed crosses many
 * transaction ids) read twice per round, once through {@code GET /api/changes?types=job} page after page from the
 * start, each page's cursor passed back, as a poller reads them, and once as a plain JDBC keyset scan of the same
 * rows in the same order ({@code WHERE (change_xid, row_version) > (?, ?) ORDER BY change_xid, row_version LIMIT n},
 * every column read), the least a reader of these rows can do. Both must count every row (the feed's answers by
 * their bytes, as cheaply as the scan touches its columns). Target: the feed's rate at least 0.5 of the scan's.
 *
 * <p>Run through {@code bench/changes-benchmark.sh}.
 */
public class ChangesBenchmark {

  static final int CHANGES = intSetting("BENCH_CHANGES", 1_000_000);
  static final int PAGE = intSetting("BENCH_PAGE", 10_000);
  static final int ROUNDS = intSetting("BENCH_ROUNDS", 3);
  static final int WARMUP_ROUNDS = intSetting("BENCH_WARMUP_ROUNDS", 1);
  static final double TARGET_RATIO = 0.5;
  static final Pattern CURSOR = Pattern.compile("\"cursor\":\"([0-9-]+)\",\"more\":(true|false)");
  static final byte[] UPSERT = "\"change\":\"upsert\"".getBytes(StandardCharsets.UTF_8);

  record Phase(String name, int round, double seconds, long changes, long bytes) {
    double rate() {
      return changes / seconds;
    }
  }

  /** {@code --profile}: the server records method samples, written to bench/work/changes.jfr after the last round. */
  public static void main(String[] args) throws Exception {
    Server.PROFILE = java.util.Arrays.asList(args).contains("--profile");
    Server.exitWith(ChangesBenchmark::run);
  }

  static int run() throws Exception {
    out("PlanBridge change feed benchmark, %s", OffsetDateTime.now(ZoneOffset.UTC).withNano(0));
    out("machine: %s (driver and server)", machine());
    out("commit: %s; database %s (%s); load average %s", setting("BENCH_COMMIT", "unknown"), DB_URL,
        databaseVersion(), loadAverage());
    List<Phase> phases = new ArrayList<>();
    try (Server server = Server.start("changes", 1024, Map.of())) {
      out("server: Payara Micro, -Xmx1024m, ready in %.1f s", server.bootSeconds);
      long written = System.nanoTime();
      write();
      out("data: %,d jobs written in transactions of 10,000 in %.1f s; pages of %,d", CHANGES,
          (System.nanoTime() - written) / 1e9, PAGE);
      for (int round = 1 - WARMUP_ROUNDS; round <= ROUNDS; round++) {
        Phase feed = feed(server, round);
        Phase scan = scan(round);
        if (feed.changes() != CHANGES || scan.changes() != CHANGES) {
          throw new IllegalStateException("round " + round + ": the feed handed out " + feed.changes()
              + " changes, the scan read " + scan.changes() + ", of " + CHANGES);
        }
        if (round >= 1) {
          phases.add(feed);
          phases.add(scan);
        }
        out("round %s: feed %.2f s (%.0f MiB of JSON), scan %.2f s, ratio %.2f; load average %s",
            round < 1 ? "warm-up" : round, feed.seconds(), feed.bytes() / 1048576.0, scan.seconds(),
            scan.seconds() / feed.seconds(), loadAverage());
      }
      if (Server.PROFILE) {
        server.jcmd("JFR.dump", "name=bench", "filename=" + Bench.WORK.resolve("changes.jfr"));
        out("profile: bench/work/changes.jfr");
      }
    }
    return report(phases);
  }

  /** The jobs, 10,000 to a transaction, each stamped by the database with its transaction's id. */
  static void write() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("TRUNCATE job CASCADE");
      for (int from = 0; from < CHANGES; from += 10_000) {
        statement.execute("INSERT INTO job (source_app, source_type, job_no, short_description, description, customer_no,"
            + " customer_name) SELECT 'CRM', 'CUSTOMER', 'CUST-' || i, 'Customer ' || i, 'Changed job ' || i,"
            + " CAST(100000 + i AS VARCHAR), 'Customer ' || i FROM generate_series(" + from + ", "
            + (Math.min(CHANGES, from + 10_000) - 1) + ") AS i");
      }
      statement.execute("VACUUM ANALYZE job");
    }
  }

  static Phase feed(Server server, int round) throws Exception {
    long started = System.nanoTime();
    String cursor = null;
    long changes = 0;
    long bytes = 0;
    boolean more = true;
    while (more) {
      HttpResponse<byte[]> response = server.http.send(HttpRequest.newBuilder(server.uri("/api/changes?types=job&limit="
          + PAGE + (cursor == null ? "" : "&after=" + cursor))).timeout(Duration.ofSeconds(120))
          .header("X-API-KEY", API_KEY).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      byte[] body = response.body();
      if (response.statusCode() != 200) {
        throw new IllegalStateException("the feed answered " + response.statusCode() + ": "
            + new String(body, StandardCharsets.UTF_8));
      }
      bytes += body.length;
      changes += occurrences(body, UPSERT); // a count of the changes, as cheap as reading a column is to the scan
      String tail = new String(body, Math.max(0, body.length - 300), Math.min(300, body.length), StandardCharsets.UTF_8);
      Matcher end = CURSOR.matcher(tail);
      if (!end.find()) {
        throw new IllegalStateException("no cursor at the end of a page: " + tail);
      }
      cursor = end.group(1);
      more = end.group(2).equals("true");
    }
    return new Phase("feed", round, (System.nanoTime() - started) / 1e9, changes, bytes);
  }

  static Phase scan(int round) throws Exception {
    long started = System.nanoTime();
    long changes = 0;
    try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement("SELECT *,"
        + " CAST(change_xid AS VARCHAR) AS stamp FROM job WHERE (change_xid, row_version) > (CAST(? AS xid8), ?)"
        + " ORDER BY change_xid, row_version LIMIT ?")) {
      String transaction = "0";
      long version = 0;
      int columns = 0;
      while (true) {
        query.setString(1, transaction);
        query.setLong(2, version);
        query.setInt(3, PAGE);
        int read = 0;
        try (ResultSet rows = query.executeQuery()) {
          columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int c = 1; c <= columns; c++) {
              rows.getObject(c);
            }
            transaction = rows.getString("stamp");
            version = rows.getLong("row_version");
            read++;
          }
        }
        changes += read;
        if (read < PAGE) {
          break;
        }
      }
    }
    return new Phase("scan", round, (System.nanoTime() - started) / 1e9, changes, 0);
  }

  static long occurrences(byte[] text, byte[] pattern) {
    long found = 0;
    outer:
    for (int i = 0; i <= text.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (text[i + j] != pattern[j]) {
          continue outer;
        }
      }
      found++;
      i += pattern.length - 1;
    }
    return found;
  }

  static int report(List<Phase> phases) {
    out("");
    out("%-5s %5s %9s %12s", "phase", "round", "seconds", "changes/s");
    for (Phase phase : phases) {
      out("%-5s %5d %9.2f %12.0f", phase.name(), phase.round(), phase.seconds(), phase.rate());
    }
    double bestFeed = phases.stream().filter(p -> p.name().equals("feed")).mapToDouble(Phase::rate).max().orElse(0);
    double bestScan = phases.stream().filter(p -> p.name().equals("scan")).mapToDouble(Phase::rate).max().orElse(1);
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i + 1 < phases.size(); i += 2) {
      ratios.add(phases.get(i).rate() / phases.get(i + 1).rate());
    }
    double median = ratios.stream().sorted().toList().get(ratios.size() / 2);
    double ratio = bestFeed / bestScan;
    out("");
    out("best feed %.0f changes/s, best scan %.0f changes/s: ratio %.2f (target >= %.1f): %s", bestFeed, bestScan,
        ratio, TARGET_RATIO, ratio >= TARGET_RATIO ? "met" : "MISSED");
    out("per round ratios %s, median %.2f", ratios.stream().map(r -> String.format(java.util.Locale.ROOT, "%.2f", r))
        .toList(), median);
    out("both read all %,d changes every round", CHANGES);
    return ratio >= TARGET_RATIO ? 0 : 3;
  }
}
