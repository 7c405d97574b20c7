package org.planbridge.outbox.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbridge.outbox.control.Backoff;
import org.planbridge.outbox.control.Dispatcher;
import org.planbridge.outbox.control.Heartbeats;
import org.planbridge.outbox.control.TransactionLedger;

/**
 * Ticks every {@code planbridge.drain.interval.ms} (1 s by default) to start a drain, after making the Failed
 * transactions whose automatic retry is due Pending again (when back-off is on). Not persistent: the database,
 * not the timer service, coordinates instances.
 *
 * <p>It also defines the executor the drain and its deliveries run on: PlanBridge's own, not the server's default,
 * whose size differs from server to server (Payara's and WildFly's defaults are not the same). It runs up to
 * {@link Dispatcher#MAX_PARALLELISM} deliveries and the drain loop that feeds them.
 */
@Startup
@Singleton
@DependsOn("Startup")
@ManagedExecutorDefinition(name = Dispatcher.EXECUTOR, maxAsync = Dispatcher.MAX_PARALLELISM + 1)
public class DrainTimer {

  @Resource TimerService timers;
  @Inject DrainTrigger trigger;
  @Inject Backoff backoff;
  @Inject TransactionLedger ledger;
  @Inject Heartbeats heartbeats;

  @Inject
  @ConfigProperty(name = "planbridge.drain.interval.ms", defaultValue = "1000")
  long intervalMs;

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(intervalMs, intervalMs, new TimerConfig("drain", false));
    heartbeats.drainScheduled(Duration.ofMillis(intervalMs), Instant.now());
  }

  @Timeout
  void tick() {
    heartbeats.drainTicked(Instant.now()); // for the readiness check (DrainReadiness)
    if (backoff.enabled()) {
      try {
        ledger.requeueDueRetries();
      } catch (SQLException | RuntimeException e) {
        // the database is away (the pool throws runtime exceptions too): the drain this wakes meets the same
        // database and says so, once; a stack trace every tick would say nothing more
      }
    }
    trigger.wake();
  }
}
