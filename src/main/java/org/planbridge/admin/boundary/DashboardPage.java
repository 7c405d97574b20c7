package org.planbridge.admin.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.planbridge.outbox.control.Backlog;
import org.planbridge.outbox.control.TransactionLedger;
import org.planbridge.outbox.control.TransactionQueries;
import org.planbridge.platform.control.Failures;

/**
 * The start page: what waits to be delivered, per Source App (the drain's own ledger), and what needs attention per
 * Source App, each a link into error tracking filtered on it.
 */
@Named
@RequestScoped
public class DashboardPage {

  /** One Source App's backlog as the page shows it. */
  public record Row(String sourceApp, long pending, String oldestWait, OffsetDateTime pausedUntil) {}

  @Inject TransactionLedger ledger;
  @Inject TransactionQueries queries;

  private final List<Row> rows = new ArrayList<>();
  private final List<Map.Entry<String, Long>> attention = new ArrayList<>();
  private long pending;
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
        rows.add(new Row(sourceApp, waiting.count(),
            waiting.oldestDue() == null ? "" : wait(waiting.ageSeconds(now)),
            backlog.pausedUntil(sourceApp).orElse(null)));
      }
      attention.addAll(queries.needingAttention().entrySet());
    } catch (SQLException | RuntimeException e) {
      problem = "The backlog cannot be read: " + Failures.rootMessage(e);
    }
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
