package bench;

import static bench.Bench.API_KEY;
import static bench.Bench.DB_URL;
import static bench.Bench.connect;
import static bench.Bench.databaseVersion;
import static bench.Bench.intSetting;
import static bench.Bench.loadAverage;
import static bench.Bench.machine;
import static bench.Bench.out;
import static bench.Bench.quote;
import static bench.Bench.setting;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Template import benchmark: the same 10,000 customers written as jobs twice per round, once as one
 * {@code POST /api/integration/customer-import} of 10,000 elements in the CRM's own field names (the ready-made
 * template: 6 JSONata expressions and 5 fields by name per element), once as one {@code POST /api/import} of the
 * 10,000 {@code mboc_upsertJob} calls the template makes of them, values already in PlanBridge's terms. Rounds
 * alternate template and import on emptied tables; after every phase the job table's checksum must be the same,
 * so both wrote the same rows. Target: the template's rate at least 0.7 of the import's.
 *
 * <p>Run through {@code bench/template-benchmark.sh}.
 */
public class TemplateBenchmark {

  static final int ELEMENTS = intSetting("BENCH_ELEMENTS", 10_000);
  static final int ROUNDS = intSetting("BENCH_ROUNDS", 5);
  static final int WARMUP_ROUNDS = intSetting("BENCH_WARMUP_ROUNDS", 2);
  static final double TARGET_RATIO = 0.7;

  record Customer(int number, String name, String street, String postCode, String city, String phone, String email,
      String contactNumber, String firstName, String lastName, String contactPhone, String contactEmail) {

    static Customer of(int i) {
      return new Customer(100_000 + i, "Customer " + i, "Main Street " + (i % 300 + 1), String.valueOf(1000 + i % 9000),
          "City " + (i % 50), "+32 9 " + (1_000_000 + i), "c" + i + "@example.com", "C" + i, "Ann" + (i % 7),
          "Lee" + (i % 11), "+32 470 " + (100_000 + i), "ann" + i + "@example.com");
    }

    String element() {
      return "{\"CustomerNumber\":" + number + ",\"Name\":" + quote(name) + ",\"Street\":" + quote(street)
          + ",\"PostCode\":" + quote(postCode) + ",\"City\":" + quote(city) + ",\"Phone\":" + quote(phone)
          + ",\"Email\":" + quote(email) + ",\"Contact\":{\"Number\":" + quote(contactNumber) + ",\"FirstName\":"
          + quote(firstName) + ",\"LastName\":" + quote(lastName) + ",\"Phone\":" + quote(contactPhone)
          + ",\"Email\":" + quote(contactEmail) + "}}";
    }

    /** The call the template makes of this customer, as a client of /api/import would send it. */
    String call() {
      String[][] parameters = {{"SourceApp", "CRM"}, {"SourceType", "CUSTOMER"}, {"JobNo", "CUST-" + number},
          {"ShortDescription", name}, {"CustomerNo", String.valueOf(number)}, {"CustomerName", name},
          {"CustomerAddress", street + ", " + postCode + " " + city}, {"CustomerPhone", phone},
          {"CustomerEmail", email}, {"ContactNo", contactNumber}, {"ContactName", firstName + " " + lastName},
          {"ContactPhone", contactPhone}, {"ContactEmail", contactEmail}};
      StringBuilder names = new StringBuilder();
      StringBuilder values = new StringBuilder();
      for (String[] parameter : parameters) {
        names.append(names.length() == 0 ? "" : ",").append(quote(parameter[0]));
        values.append(values.length() == 0 ? "" : ",").append(quote(parameter[1]));
      }
      return "{\"StoredProcedureName\":\"mboc_upsertJob\",\"ParameterNames\":[" + names + "],\"ParameterValues\":["
          + values + "]}";
    }
  }

  record Phase(String name, int round, double seconds, String checksum) {
    double rate() {
      return ELEMENTS / seconds;
    }
  }

  public static void main(String[] args) throws Exception {
    Server.exitWith(TemplateBenchmark::run);
  }

  static int run() throws Exception {
    out("PlanBridge template import benchmark, %s", OffsetDateTime.now(ZoneOffset.UTC).withNano(0));
    out("machine: %s (driver and server)", machine());
    out("commit: %s; database %s (%s); load average %s", setting("BENCH_COMMIT", "unknown"), DB_URL,
        databaseVersion(), loadAverage());
    List<Customer> customers = new ArrayList<>(ELEMENTS);
    for (int i = 0; i < ELEMENTS; i++) {
      customers.add(Customer.of(i));
    }
    StringBuilder model = new StringBuilder("{\"model\":[");
    StringBuilder calls = new StringBuilder("[");
    for (int i = 0; i < ELEMENTS; i++) {
      model.append(i == 0 ? "" : ",").append(customers.get(i).element());
      calls.append(i == 0 ? "" : ",").append(customers.get(i).call());
    }
    byte[] templateBody = model.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    byte[] importBody = calls.append("]").toString().getBytes(StandardCharsets.UTF_8);
    out("data: %,d customers; one request each way: the template's %.2f MiB of elements, the import's %.2f MiB of"
        + " mboc_upsertJob calls (13 parameters)", ELEMENTS, templateBody.length / 1048576.0,
        importBody.length / 1048576.0);
    List<Phase> phases = new ArrayList<>();
    try (Server server = Server.start("template", 1024, Map.of())) {
      out("server: Payara Micro, -Xmx1024m, ready in %.1f s", server.bootSeconds);
      for (int round = 1 - WARMUP_ROUNDS; round <= ROUNDS; round++) {
        Phase template = phase(server, "template", round, "/api/integration/customer-import", templateBody);
        Phase plain = phase(server, "import", round, "/api/import", importBody);
        if (!template.checksum().equals(plain.checksum())) {
          throw new IllegalStateException("round " + round + ": the template and the import wrote different jobs ("
              + template.checksum() + " vs " + plain.checksum() + ")");
        }
        if (round >= 1) {
          phases.add(template);
          phases.add(plain);
        }
        out("round %s: template %.2f s, import %.2f s, ratio %.2f; load average %s", round < 1 ? "warm-up" : round,
            template.seconds(), plain.seconds(), plain.seconds() / template.seconds(), loadAverage());
      }
    }
    return report(phases);
  }

  static Phase phase(Server server, String name, int round, String path, byte[] body) throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("TRUNCATE job CASCADE");
    }
    long started = System.nanoTime();
    HttpResponse<String> response = server.http.send(HttpRequest.newBuilder(server.uri(path))
        .timeout(Duration.ofSeconds(600)).header("X-API-KEY", API_KEY).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    double seconds = (System.nanoTime() - started) / 1e9;
    String answer = response.body();
    boolean ok = response.statusCode() == 200 && (name.equals("template")
        ? answer.contains("\"failed\":0") && answer.contains("\"inserted\":" + ELEMENTS)
        : answer.contains("\\\"Success\\\":true"));
    if (!ok) {
      throw new IllegalStateException(name + " failed: HTTP " + response.statusCode() + ": "
          + (answer.length() > 600 ? answer.substring(0, 600) + "..." : answer));
    }
    return new Phase(name, round, seconds, checksum());
  }

  static String checksum() throws Exception {
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT COUNT(*) || ':' || md5(string_agg(concat_ws('|', source_app, "
            + "source_type, job_no, short_description, customer_no, customer_name, customer_address, customer_phone, "
            + "customer_email, contact_no, contact_name, contact_phone, contact_email), ',' ORDER BY job_no)) FROM job")) {
      row.next();
      return row.getString(1);
    }
  }

  static int report(List<Phase> phases) {
    out("");
    out("%-9s %5s %9s %12s", "phase", "round", "seconds", "customers/s");
    for (Phase phase : phases) {
      out("%-9s %5d %9.2f %12.0f", phase.name(), phase.round(), phase.seconds(), phase.rate());
    }
    double bestTemplate = phases.stream().filter(p -> p.name().equals("template")).mapToDouble(Phase::rate).max()
        .orElse(0);
    double bestImport = phases.stream().filter(p -> p.name().equals("import")).mapToDouble(Phase::rate).max()
        .orElse(1);
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i + 1 < phases.size(); i += 2) {
      ratios.add(phases.get(i).rate() / phases.get(i + 1).rate());
    }
    List<Double> sorted = ratios.stream().sorted().toList();
    double median = sorted.get(sorted.size() / 2);
    double ratio = bestTemplate / bestImport;
    out("");
    out("best template %.0f customers/s, best import %.0f customers/s: ratio %.2f (target >= %.1f): %s",
        bestTemplate, bestImport, ratio, TARGET_RATIO, ratio >= TARGET_RATIO ? "met" : "MISSED");
    out("per round ratios %s, median %.2f", ratios.stream().map(r -> String.format(java.util.Locale.ROOT, "%.2f", r))
        .toList(), median);
    out("every phase wrote the same %s jobs (count:md5 of the sent columns)", phases.get(0).checksum());
    return ratio >= TARGET_RATIO ? 0 : 3;
  }
}
