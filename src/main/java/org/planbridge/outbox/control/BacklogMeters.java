package org.planbridge.outbox.control;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.planbridge.platform.control.Failures;

/**
 * The backlog as gauges per connector ({@code planbridge_backlog_transactions}, {@code
 * planbridge_backlog_oldest_age_seconds}), read from the database when scraped, at most once a second whatever the
 * number of scrapers or gauges: each gauge asks {@link #current()}, which reads again only when its last reading is
 * older. A connector gets its gauges when a reading first sees it (it has a connector row or Pending transactions)
 * and keeps them, at 0 when nothing waits; at most {@link DeliveryMeters#MAX_CONNECTORS}. A failed reading makes the
 * gauges NaN, not 0: a backlog that cannot be read is not empty.
 */
@ApplicationScoped
public class BacklogMeters {

  static final long FRESH_NANOS = 1_000_000_000L;

  /** A reading: the backlog, or why there is none; {@code at} in {@link System#nanoTime()}. */
  public record Reading(long at, Instant when, Backlog backlog, String failure) {}

  @Inject TransactionLedger ledger;
  @Inject MeterRegistry registry;

  LongSupplier clock = System::nanoTime;
  private final Set<String> gauged = ConcurrentHashMap.newKeySet();
  private Reading last;
  /** The reading whose Source Apps have gauges: each reading is looked through once, not by every gauge. */
  private volatile Reading gaugedFrom;

  /** The backlog as last read, read again when that was more than a second ago. */
  public Reading current() {
    Reading reading = read();
    if (reading.backlog() != null && reading != gaugedFrom) {
      gaugedFrom = reading;
      Stream.concat(reading.backlog().waiting().keySet().stream(), reading.backlog().pausedUntil().keySet().stream())
          .filter(sourceApp -> gauged.size() < DeliveryMeters.MAX_CONNECTORS && gauged.add(sourceApp))
          .forEach(this::gauges);
    }
    return reading;
  }

  private synchronized Reading read() {
    long now = clock.getAsLong();
    if (last != null && now - last.at() < FRESH_NANOS) {
      return last;
    }
    try {
      last = new Reading(now, Instant.now(), ledger.backlog(), null);
    } catch (SQLException | RuntimeException e) {
      last = new Reading(now, Instant.now(), null, Failures.rootMessage(e));
    }
    return last;
  }

  private void gauges(String sourceApp) {
    Gauge.builder("planbridge.backlog.transactions", this, meters -> meters.pending(sourceApp))
        .tag("connector", sourceApp).description("Pending transactions (waiting or being sent)")
        .strongReference(true).register(registry);
    Gauge.builder("planbridge.backlog.oldest.age", this, meters -> meters.oldestAge(sourceApp))
        .tag("connector", sourceApp).baseUnit("seconds")
        .description("How long the longest-waiting Pending transaction has been due").strongReference(true)
        .register(registry);
  }

  private double pending(String sourceApp) {
    Reading reading = current();
    return reading.backlog() == null ? Double.NaN : reading.backlog().of(sourceApp).count();
  }

  private double oldestAge(String sourceApp) {
    Reading reading = current();
    if (reading.backlog() == null) {
      return Double.NaN;
    }
    Backlog.Waiting waiting = reading.backlog().of(sourceApp);
    return waiting.count() == 0 ? 0 : waiting.ageSeconds(reading.when());
  }
}
