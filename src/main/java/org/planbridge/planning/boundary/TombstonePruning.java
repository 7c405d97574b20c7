package org.planbridge.planning.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.planbridge.planning.control.ChangeFeed;

/**
 * Keeps the change feed's tombstones for {@code PLANBRIDGE_CHANGES_RETENTION_DAYS} (30; 1 to 3650) and prunes the
 * older ones every {@code PLANBRIDGE_CHANGES_PRUNE_INTERVAL_SECONDS} (an hour). A retention outside its range stops
 * the start. Every instance prunes; pruning twice prunes nothing more.
 */
@Startup
@Singleton
@DependsOn("Startup")
public class TombstonePruning {

  private static final Logger LOG = Logger.getLogger(TombstonePruning.class.getName());

  @Resource TimerService timers;
  @Inject ChangeFeed feed;

  @Inject
  @ConfigProperty(name = "planbridge.changes.retention.days", defaultValue = "30")
  int retentionDays;

  @Inject
  @ConfigProperty(name = "planbridge.changes.prune.interval.seconds", defaultValue = "3600")
  long intervalSeconds;

  @PostConstruct
  void schedule() {
    if (retentionDays < 1 || retentionDays > 3650) {
      String message = "PlanBridge cannot start: PLANBRIDGE_CHANGES_RETENTION_DAYS must be from 1 to 3650 days, not "
          + retentionDays;
      LOG.severe(message);
      throw new IllegalArgumentException(message);
    }
    long interval = Math.max(1, intervalSeconds) * 1000;
    timers.createIntervalTimer(interval, interval, new TimerConfig("tombstone pruning", false));
  }

  @Timeout
  void prune() {
    try {
      int pruned = feed.prune(OffsetDateTime.now(ZoneOffset.UTC).minusDays(retentionDays));
      if (pruned > 0) {
        LOG.info("The change feed pruned " + pruned + " tombstones older than " + retentionDays + " days");
      }
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "the change feed's tombstones could not be pruned; next try in " + intervalSeconds + " s", e);
    }
  }
}
