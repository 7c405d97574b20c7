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
import java.util.Set;
import java.util.TreeSet;
import org.planbridge.outbox.control.Backlog;
import org.planbridge.outbox.control.TransactionLedger;
import org.planbridge.platform.control.Failures;

/** The start page: what waits to be delivered, per Source App, from the drain's own ledger. */
@Named
@RequestScoped
public class DashboardPage {

  /** One Source App's backlog as the page shows it. */
  public record Row(String sourceApp, long pending, String oldestWait, OffsetDateTime pausedUntil) {}

  @Inject TransactionLedger ledger;

  private final List<Row> rows = new ArrayList<>();
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
    } catch (SQLException | RuntimeException e) {
      problem = "The backlog cannot be read: " + Failures.rootMessage(e);
    }
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
