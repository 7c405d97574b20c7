package bench;

import static bench.Bench.out;

import java.io.InputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The console with a large outbox: {@link #TRANSACTIONS} transactions for {@link #APPOINTMENTS} appointments in
 * PostgreSQL, written with SQL as the outbox writes them (10 per appointment, the last one its latest; 10 Source Apps,
 * one in ten Failed, one in a hundred without a connector, one attempt each, spread over 30 days), then VACUUM ANALYZE, as autovacuum leaves a table that size. A
 * logged-in admin asks for each page as a browser would (the page, then PrimeFaces' own paging request for page
 * 1,000), time to first byte and to the whole answer, each {@code BENCH_ROUNDS} times; each answer is checked to hold
 * the rows it should. Last, "Retry all" over the 100,000 Failed ones, once. Targets: every page under 1 s (the median
 * of its rounds), Retry all under 10 s.
 */
public final class ConsoleBenchmark {

  static final int APPOINTMENTS = Bench.intSetting("BENCH_APPOINTMENTS", 100_000);
  static final int PER_APPOINTMENT = 10;
  static final int TRANSACTIONS = APPOINTMENTS * PER_APPOINTMENT;
  static final int ROUNDS = Bench.intSetting("BENCH_ROUNDS", 5);
  static final String PASSWORD = "bench-admin-password-0123";
  static final double PAGE_TARGET_MS = 1000;
  static final double RETRY_TARGET_MS = 10_000;

  record Timing(double firstByteMs, double completeMs) {}

  record Answer(int status, String body, Timing timing) {}

  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
  private final Server server;

  ConsoleBenchmark(Server server) {
    this.server = server;
  }

  public static void main(String[] args) throws Exception {
    out("PlanBridge console benchmark: %,d transactions for %,d appointments, %d rounds per page", TRANSACTIONS,
        APPOINTMENTS, ROUNDS);
    out("machine: %s", Bench.machine());
    out("database: %s", Bench.databaseVersion());
    out("commit: %s", Bench.setting("BENCH_COMMIT", "unknown"));
    // The server must not outlive the run: left running, it would drain the next run's database.
    Runtime.getRuntime().addShutdownHook(new Thread(Server::stopAll));
    int exit;
    try (Server server = Server.start("console", 1024, Map.of("PLANBRIDGE_ADMIN_PASSWORD", PASSWORD))) {
      double loadSeconds = load();
      out("data: written and VACUUM ANALYZEd in %.1f s; load average %s", loadSeconds, Bench.loadAverage());
      exit = new ConsoleBenchmark(server).run() ? 0 : 3;
    } finally {
      Server.stopAll();
    }
    System.exit(exit);
  }

  /** The transactions and their attempts, in SQL (the API would take an hour to make a million). */
  static double load() throws Exception {
    long begin = System.nanoTime();
    try (Connection connection = Bench.connect(); Statement sql = connection.createStatement()) {
      sql.execute("INSERT INTO appointment_transaction (appointment_id, appointment_guid, source_app, source_type, "
          + "job_no, task_no, action, sequence, payload, changed_at, status, source, attempts, message, "
          + "last_attempt_at, created_at, next_attempt_at, latest) "
          + "SELECT a, md5(a::text)::uuid, 'SA' || ((a / 10) % 10), 'BENCH', 'J-' || (a / 100), 'T-' || (a % 100), "
          + "'U', s, '{\"appointment\":{\"appointmentId\":' || a || ',\"subject\":\"Visit ' || a || ' (' || s "
          + "|| ')\",\"start\":\"2026-12-02T08:00:00Z\",\"end\":\"2026-12-02T09:00:00Z\",\"resources\":[\"R-' "
          + "|| (a % 1000) || '\"]}}', at, status, 'Service', 1, "
          + "CASE WHEN status = 'Success' THEN NULL ELSE 'the back office said no (' || g || ')' END, at, at, at, "
          + "s = " + PER_APPOINTMENT + " "
          + "FROM (SELECT g, g % " + APPOINTMENTS + " + 1 AS a, g / " + APPOINTMENTS + " + 1 AS s, "
          + "now() - (" + TRANSACTIONS + " - g) * interval '2.592 seconds' AS at, "
          + "CASE WHEN g % 10 = 3 THEN 'Failed' WHEN g % 100 = 7 THEN 'MBOC Not Provided' ELSE 'Success' END AS status "
          + "FROM generate_series(0, " + (TRANSACTIONS - 1) + ") g) rows ORDER BY g");
      sql.execute("INSERT INTO transaction_attempt (transaction_id, started_at, duration_ms, status, message, "
          + "instance) SELECT id, last_attempt_at, 20, status, message, 'bench' FROM appointment_transaction");
      sql.execute("VACUUM ANALYZE appointment_transaction");
      sql.execute("VACUUM ANALYZE transaction_attempt");
    }
    return (System.nanoTime() - begin) / 1e9;
  }

  boolean run() throws Exception {
    long maxId = scalar("SELECT MAX(id) FROM appointment_transaction");
    long failedSa3 = scalar("SELECT COUNT(*) FROM appointment_transaction WHERE status = 'Failed' AND source_app = "
        + "'SA3'");
    long newestFailedSa3 = scalar("SELECT MAX(id) FROM appointment_transaction WHERE status = 'Failed' AND "
        + "source_app = 'SA3'");
    logIn();

    Map<String, List<Answer>> pages = new LinkedHashMap<>();
    for (int round = 0; round < ROUNDS; round++) {
      Answer first = get("/console/transactions.xhtml");
      expect(first, ">" + maxId + "<", "the newest transaction on the first page");
      add(pages, "transactions, page 1", first);

      Answer deep = page(first, "list", "list:table", 999 * 25, 25);
      expect(deep, ">" + (maxId - 999 * 25) + "<", "transaction " + (maxId - 999 * 25) + " first on page 1,000");
      add(pages, "transactions, page 1,000 (paging request)", deep);

      Answer filtered = submit(first, "filter", Map.of("filter:status_input", "Failed", "filter:sourceApp", "SA3",
          "filter:jobNo", "", "filter:taskNo", "", "filter:apply", ""));
      expect(filtered, ">" + newestFailedSa3 + "<", "the newest Failed transaction of SA3");
      add(pages, "transactions, status Failed and Source App SA3", filtered);

      Answer errors = get("/console/errors.xhtml");
      expect(errors, "Retry all ", "the error tracking page with its count");
      add(pages, "error tracking, page 1", errors);

      Answer appointments = get("/console/appointments.xhtml");
      expect(appointments, ">" + APPOINTMENTS + "<", "the newest appointment");
      add(pages, "appointments, page 1", appointments);

      Answer deepAppointments = page(appointments, "appointments", "appointments:table", 999 * 25, 25);
      long deepAppointment = (TRANSACTIONS - 1L - 999 * 25) % APPOINTMENTS + 1;
      expect(deepAppointments, ">" + deepAppointment + "<", "appointment " + deepAppointment
          + " first on page 1,000 of the appointments");
      add(pages, "appointments, page 1,000 (paging request)", deepAppointments);

      Answer dashboard = get("/console/");
      expect(dashboard, "Deliveries per hour", "the dashboard");
      add(pages, "dashboard", dashboard);
    }

    out("");
    out("%-48s %14s %14s %14s", "page (" + ROUNDS + " rounds)", "first byte ms", "complete ms", "slowest ms");
    boolean met = true;
    for (Map.Entry<String, List<Answer>> page : pages.entrySet()) {
      double firstByte = median(page.getValue(), answer -> answer.timing().firstByteMs());
      double complete = median(page.getValue(), answer -> answer.timing().completeMs());
      double slowest = page.getValue().stream().mapToDouble(answer -> answer.timing().completeMs()).max().orElse(0);
      boolean ok = complete < PAGE_TARGET_MS;
      met &= ok;
      out("%-48s %14.0f %14.0f %14.0f  %s", page.getKey(), firstByte, complete, slowest, ok ? "ok" : "OVER 1 s");
    }

    long failed = scalar("SELECT COUNT(*) FROM appointment_transaction WHERE status = 'Failed' AND archived = FALSE");
    Answer errors = get("/console/errors.xhtml");
    Answer onlyFailed = submit(errors, "filter", Map.of("filter:status_input", "Failed", "filter:sourceApp", "",
        "filter:jobNo", "", "filter:taskNo", "", "filter:apply", ""));
    expect(onlyFailed, "Retry all " + failed + " matching", "the count the button confirms");
    Answer retried = submit(onlyFailed, "list", Map.of("list:retry-all", ""));
    expect(retried, "Sent " + failed + " transactions again", "every Failed one sent again");
    long pendingAfter = scalar("SELECT COUNT(*) FROM appointment_transaction WHERE status = 'Pending' "
        + "OR (status <> 'Failed' AND source = 'Website')");
    boolean retryOk = retried.timing().completeMs() < RETRY_TARGET_MS;
    met &= retryOk;
    out("%-48s %14.0f %14.0f %14s  %s", "Retry all over " + failed + " Failed (once)", retried.timing().firstByteMs(),
        retried.timing().completeMs(), "", retryOk ? "ok" : "OVER 10 s");
    out("after the retry: %,d transactions Pending or already sent again by the drain (of %,d)", pendingAfter, failed);
    out("the filtered page's Source App SA3 has %,d Failed transactions", failedSa3);
    out("load average at the end: %s", Bench.loadAverage());
    out(met ? "targets met: every page under 1 s, Retry all under 10 s" : "a target was missed");
    return met;
  }

  private static void add(Map<String, List<Answer>> pages, String name, Answer answer) {
    pages.computeIfAbsent(name, unused -> new ArrayList<>()).add(answer);
  }

  private static double median(List<Answer> answers, java.util.function.ToDoubleFunction<Answer> value) {
    double[] values = answers.stream().mapToDouble(value).sorted().toArray();
    return values.length % 2 == 1 ? values[values.length / 2]
        : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
  }

  private static void expect(Answer answer, String text, String what) {
    if (answer.status() != 200 || !answer.body().contains(text)) {
      try {
        java.nio.file.Files.writeString(Bench.WORK.resolve("console-unexpected.html"), answer.body());
      } catch (java.io.IOException e) {
        // the message below says enough
      }
      throw new IllegalStateException(what + ": HTTP " + answer.status() + ", no '" + text + "' in "
          + answer.body().substring(0, Math.min(3000, answer.body().length())));
    }
  }

  private void logIn() throws Exception {
    Answer form = get("/console/login.xhtml");
    Answer login = submit(form, "login", Map.of("login:username", "admin", "login:password", PASSWORD,
        "login:next", "", "login:submit", ""));
    if (login.status() != 302) {
      throw new IllegalStateException("the admin's login was refused: HTTP " + login.status());
    }
  }

  Answer get(String path) throws Exception {
    return send(HttpRequest.newBuilder(server.uri(path)).GET());
  }

  /** Posts form {@code form} of {@code page} with {@code fields}, its view state and nonce, as a browser would. */
  Answer submit(Answer page, String form, Map<String, String> fields) throws Exception {
    Map<String, String> all = new LinkedHashMap<>();
    all.put(form, form);
    all.putAll(fields);
    all.put("jakarta.faces.ViewState", find(page, "name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\""));
    all.put("primefaces.nonce", find(page, "nonce=\"([^\"]+)\""));
    return post(page, form, all, false);
  }

  /** PrimeFaces' own request for another page of a lazy table, as its paginator sends it. */
  Answer page(Answer page, String form, String table, int first, int rows) throws Exception {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("jakarta.faces.partial.ajax", "true");
    all.put("jakarta.faces.source", table);
    all.put("jakarta.faces.partial.execute", table);
    all.put("jakarta.faces.partial.render", table);
    all.put(table + "_pagination", "true");
    all.put(table + "_first", String.valueOf(first));
    all.put(table + "_rows", String.valueOf(rows));
    all.put(table + "_skipChildren", "true");
    all.put(table + "_encodeFeature", "true");
    all.put(form, form);
    all.put("jakarta.faces.ViewState", find(page, "name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\""));
    all.put("primefaces.nonce", find(page, "nonce=\"([^\"]+)\""));
    return post(page, form, all, true);
  }

  private Answer post(Answer page, String form, Map<String, String> fields, boolean ajax) throws Exception {
    String body = fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
        + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    String action = find(page, "<form id=\"" + Pattern.quote(form) + "\"[^>]*action=\"([^\"]+)\"")
        .replace("&amp;", "&");
    HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(action))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (ajax) {
      request.header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest");
    }
    return send(request);
  }

  private Answer send(HttpRequest.Builder request) throws Exception {
    long begin = System.nanoTime();
    HttpResponse<InputStream> response = http.send(request.timeout(Duration.ofSeconds(120)).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    long firstByte = System.nanoTime();
    byte[] bytes;
    try (InputStream in = response.body()) {
      bytes = in.readAllBytes();
    }
    long complete = System.nanoTime();
    return new Answer(response.statusCode(), new String(bytes, StandardCharsets.UTF_8),
        new Timing((firstByte - begin) / 1e6, (complete - begin) / 1e6));
  }

  private static String find(Answer page, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(page.body());
    if (!matcher.find()) {
      throw new IllegalStateException("no " + regex + " in the page: "
          + page.body().substring(0, Math.min(2000, page.body().length())));
    }
    return matcher.group(1);
  }

  private static long scalar(String query) throws Exception {
    try (Connection connection = Bench.connect(); Statement sql = connection.createStatement();
        ResultSet row = sql.executeQuery(query)) {
      row.next();
      return row.getLong(1);
    }
  }
}
