package org.planbridge.outbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the outbox's timers still tick: the drain timer's last tick, and when the retry CRON is due next. A timer
 * the server stopped (an exception it gave up on, a timer service that hung) would otherwise leave nothing to see but
 * a backlog that grows. The drain timer counts as stopped when it missed {@link #MISSED_TICKS} ticks (and at least
 * {@link #GRACE}: a long GC pause is no stop); the retry timer when its next run is overdue by that grace.
 */
@ApplicationScoped
public class Heartbeats {

  static final int MISSED_TICKS = 5;
  static final Duration GRACE = Duration.ofSeconds(30);

  private volatile Duration drainInterval;
  private volatile Instant lastDrainTick;
  private volatile Instant nextRetry;

  public void drainScheduled(Duration interval, Instant now) {
    drainInterval = interval;
    lastDrainTick = now;
  }

  public void drainTicked(Instant now) {
    lastDrainTick = now;
  }

  /**
   * The retry CRON's next run, as its timer says at {@code now} (null: it has none). A time not after {@code now} (a
   * timer service that still answers the run in progress) is not kept: the check would then find it overdue.
   */
  public void retryScheduled(Instant next, Instant now) {
    nextRetry = next != null && next.isAfter(now) ? next : null;
  }

  public Optional<Instant> lastDrainTick() {
    return Optional.ofNullable(lastDrainTick);
  }

  public Optional<Instant> nextRetry() {
    return Optional.ofNullable(nextRetry);
  }

  /** What stopped at {@code now}, empty when both timers tick (or the retry timer is off). */
  public Optional<String> stopped(Instant now) {
    Instant tick = lastDrainTick;
    if (tick == null) {
      return Optional.of("the drain timer was never scheduled");
    }
    Duration allowed = max(drainInterval.multipliedBy(MISSED_TICKS), GRACE);
    if (Duration.between(tick, now).compareTo(allowed) > 0) {
      return Optional.of("the drain timer has not ticked since " + tick + " (it ticks every "
          + drainInterval.toMillis() + " ms)");
    }
    Instant retry = nextRetry;
    if (retry != null && Duration.between(retry, now).compareTo(GRACE) > 0) {
      return Optional.of("the retry timer was due at " + retry + " and has not run");
    }
    return Optional.empty();
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
