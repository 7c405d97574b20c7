package org.planbridge.outbox.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.NoMoreTimeoutsException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbridge.outbox.control.Backoff;
import org.planbridge.outbox.control.CronSchedule;
import org.planbridge.outbox.control.Heartbeats;
import org.planbridge.outbox.control.TransactionLedger;

/**
 * Automatic retry, off unless {@code PLANBRIDGE_RETRY_CRON} holds a 5-field CRON expression: each
 * run makes every Failed transaction due again (source Timer). An invalid expression stops the start, and so do
 * invalid back-off settings ({@link Backoff}, the other, per-transaction way of retrying by itself).
 */
@Startup
@Singleton
@DependsOn("Startup")
public class RetryTimer {

  private static final Logger LOG = Logger.getLogger(RetryTimer.class.getName());

  @Resource TimerService timers;
  @Inject TransactionLedger ledger;
  @Inject DrainTrigger trigger;
  @Inject Backoff backoff;
  @Inject Heartbeats heartbeats;

  @Inject
  @ConfigProperty(name = "planbridge.retry.cron")
  Optional<String> cron;

  @PostConstruct
  void schedule() {
    try {
      backoff.validate();
    } catch (IllegalArgumentException e) {
      LOG.severe("PlanBridge cannot start: " + e.getMessage());
      throw e;
    }
    if (backoff.enabled()) {
      LOG.info("Failed transactions go out again by themselves, with back-off, up to " + backoff.maxAttempts()
          + " attempts in all");
    }
    cron.filter(expression -> !expression.isBlank()).ifPresent(expression -> {
      try {
        heartbeats.retryScheduled(next(timers.createCalendarTimer(CronSchedule.parse(expression),
            new TimerConfig("retry", false))), Instant.now());
      } catch (IllegalArgumentException e) {
        LOG.severe("PlanBridge cannot start: " + e.getMessage());
        throw e;
      }
      LOG.info("Failed transactions are retried on the schedule " + expression);
    });
  }

  @Timeout
  void retry(Timer timer) throws SQLException {
    heartbeats.retryScheduled(next(timer), Instant.now()); // for the readiness check (DrainReadiness)
    if (ledger.requeueFailed("Timer") > 0) {
      trigger.wake();
    }
  }

  private static Instant next(Timer timer) {
    try {
      return timer.getNextTimeout().toInstant();
    } catch (NoMoreTimeoutsException e) {
      return null;
    }
  }
}
