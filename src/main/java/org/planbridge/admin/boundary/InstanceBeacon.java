package org.planbridge.admin.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.planbridge.admin.control.InstanceState;
import org.planbridge.admin.control.Instances;
import org.planbridge.outbox.control.Heartbeats;
import org.planbridge.outbox.control.Instance;

/**
 * Says every {@link #EVERY} in the database that this instance is alive, with its timers' state (the outbox's
 * {@link Heartbeats}), so that the Status page of any instance shows every instance; forgets instances not seen for
 * {@link #FORGET}. Only a row per instance: no instance reads another's memory.
 */
@Startup
@Singleton
@DependsOn("Startup")
@TransactionManagement(TransactionManagementType.BEAN)
public class InstanceBeacon {

  public static final Duration EVERY = Duration.ofSeconds(10);
  static final Duration FORGET = Duration.ofDays(7);

  @Resource TimerService timers;
  @Inject Instances instances;
  @Inject Instance instance;
  @Inject Heartbeats heartbeats;

  private final OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
  private Instant lastForget = Instant.EPOCH;

  @PostConstruct
  void start() {
    timers.createIntervalTimer(0, EVERY.toMillis(), new TimerConfig("instance beacon", false));
  }

  @Timeout
  void report() {
    Instant now = Instant.now();
    try {
      instances.report(new InstanceState(instance.id(), started, OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
          heartbeats.lastDrainTick().map(at -> OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).orElse(null),
          heartbeats.nextRetry().map(at -> OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).orElse(null),
          heartbeats.stopped(now).orElse(null)));
      if (lastForget.plus(Duration.ofHours(1)).isBefore(now)) {
        instances.forgetSeenBefore(OffsetDateTime.ofInstant(now.minus(FORGET), ZoneOffset.UTC));
        lastForget = now;
      }
    } catch (SQLException | RuntimeException e) {
      // the database is away: the drain says so in the log; this row is written again on the next beacon
    }
  }
}
