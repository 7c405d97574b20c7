package org.planbridge.admin.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.planbridge.outbox.control.Backlog;
import org.planbridge.outbox.control.Status;
import org.planbridge.outbox.control.TransactionLedger;
import org.planbridge.outbox.control.TransactionQueries;
import org.planbridge.platform.control.Failures;
import org.planbridge.platform.control.Jsons;

/**
 * The start page: the last 24 hours' deliveries per hour and status (a stacked bar chart, Chart.js through
 * PrimeFaces' {@code p:chart}, with the day's totals beside it), what waits to be delivered and for how long, per
 * Source App (the drain's own ledger), and what needs attention per Source App, each a link into error tracking
 * filtered on it.
 */
@Named
@RequestScoped
public class DashboardPage {

  /** One Source App's backlog as the page shows it. */
  public record Row(String sourceApp, long pending, String oldestWait, OffsetDateTime pausedUntil) {}

  static final int HOURS = 24;
  /** The chart's colour per status: success green, failure red, a connector missing or wrong orange. */
  static final Map<Status, String> COLOURS = Map.of(Status.SUCCESS, "#2e7d32", Status.FAILED, "#c62828",
      Status.NOT_PROVIDED, "#ef6c00", Status.INVALID_SYSTEM, "#f57c00", Status.INVALID_TYPE, "#fb8c00",
      Status.INVALID_URI, "#ffa726", Status.PUBLISH_DISABLED, "#9e9e9e");
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:00").withZone(ZoneOffset.UTC);

  @Inject TransactionLedger ledger;
  @Inject TransactionQueries queries;

  private final List<Row> rows = new ArrayList<>();
  private final List<Map.Entry<String, Long>> attention = new ArrayList<>();
  private long pending;
  private double oldestSeconds = -1;
  private String chart = "";
  private long delivered;
  private long failed;
  private String problem;

  @PostConstruct
  void read() {
    try {
      Backlog backlog = ledger.backlog();
      Set<String> sourceApps = new TreeSet<>(backlog.waiting().keySet());
      sourceApps.addAll(backlog.pausedUntil().keySet());
      Instant now = Instant.now();
      for (String sourceApp : sourceApps) {
        Backlog.Waiting waiting = backlog.of(sourceApp);
        pending += waiting.count();
        oldestSeconds = waiting.oldestDue() == null ? oldestSeconds : Math.max(oldestSeconds, waiting.ageSeconds(now));
        rows.add(new Row(sourceApp, waiting.count(),
            waiting.oldestDue() == null ? "" : wait(waiting.ageSeconds(now)),
            backlog.pausedUntil(sourceApp).orElse(null)));
      }
      attention.addAll(queries.needingAttention().entrySet());
      Instant from = now.truncatedTo(ChronoUnit.HOURS).minus(HOURS - 1, ChronoUnit.HOURS);
      Map<Status, long[]> hours = queries.attemptsPerHour(from, HOURS);
      chart = chart(from, hours);
      delivered = total(hours.get(Status.SUCCESS));
      failed = total(hours.get(Status.FAILED));
    } catch (SQLException | RuntimeException e) {
      problem = "The backlog cannot be read: " + Failures.rootMessage(e);
    }
  }

  /** The chart's Chart.js configuration: one stacked bar per hour (UTC), a dataset per status that occurred. */
  static String chart(Instant from, Map<Status, long[]> hours) {
    JsonArrayBuilder labels = Jsons.JSON.createArrayBuilder();
    for (int hour = 0; hour < HOURS; hour++) {
      labels.add(HOUR.format(from.plus(hour, ChronoUnit.HOURS)));
    }
    JsonArrayBuilder datasets = Jsons.JSON.createArrayBuilder();
    hours.forEach((status, counts) -> {
      JsonArrayBuilder data = Jsons.JSON.createArrayBuilder();
      Arrays.stream(counts).forEach(data::add);
      datasets.add(Jsons.JSON.createObjectBuilder().add("label", status.label()).add("data", data)
          .add("backgroundColor", COLOURS.getOrDefault(status, "#bdbdbd")));
    });
    JsonObject stacked = Jsons.JSON.createObjectBuilder().add("stacked", true).build();
    return Jsons.JSON.createObjectBuilder().add("type", "bar")
        .add("data", Jsons.JSON.createObjectBuilder().add("labels", labels).add("datasets", datasets))
        .add("options", Jsons.JSON.createObjectBuilder().add("responsive", true).add("maintainAspectRatio", false)
            .add("animation", false)
            .add("scales", Jsons.JSON.createObjectBuilder().add("x", stacked).add("y", Jsons.JSON.createObjectBuilder()
                .add("stacked", true).add("beginAtZero", true).add("ticks", Jsons.JSON.createObjectBuilder()
                    .add("precision", 0))))
            .add("plugins", Jsons.JSON.createObjectBuilder().add("legend", Jsons.JSON.createObjectBuilder()
                .add("position", "bottom"))))
        .build().toString();
  }

  private static long total(long[] counts) {
    return counts == null ? 0 : Arrays.stream(counts).sum();
  }

  public String getChart() {
    return chart;
  }

  /** Successful deliveries in the chart's 24 hours. */
  public long getDelivered() {
    return delivered;
  }

  /** Failed delivery attempts in the chart's 24 hours. */
  public long getFailed() {
    return failed;
  }

  /** How long the longest-waiting Pending transaction has waited; "" when none waits. */
  public String getOldestWait() {
    return oldestSeconds < 0 ? "" : wait(oldestSeconds);
  }

  /** Source Apps with transactions that need attention, and how many (counted up to 100,000). */
  public List<Map.Entry<String, Long>> getAttention() {
    return attention;
  }

  public List<Row> getRows() {
    return rows;
  }

  public long getPending() {
    return pending;
  }

  public String getProblem() {
    return problem;
  }

  static String wait(double seconds) {
    Duration age = Duration.ofMillis((long) (seconds * 1000));
    if (age.toMinutes() < 1) {
      return age.toSeconds() + " s";
    }
    if (age.toHours() < 1) {
      return age.toMinutes() + " min";
    }
    if (age.toDays() < 1) {
      return age.toHours() + " h " + age.toMinutesPart() + " min";
    }
    return age.toDays() + " d " + age.toHoursPart() + " h";
  }
}
