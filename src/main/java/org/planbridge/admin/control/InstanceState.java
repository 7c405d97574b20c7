package org.planbridge.admin.control;

import java.time.OffsetDateTime;

/**
 * One PlanBridge instance as it last said it was: when it started, when it was last seen, its drain timer's last tick,
 * its retry CRON's next run (null: off), and why its timers count as stopped (null while they tick).
 */
public record InstanceState(String instance, OffsetDateTime startedAt, OffsetDateTime seenAt,
    OffsetDateTime drainTickedAt, OffsetDateTime nextRetryAt, String timersStopped) {

  /** Not seen for longer than three beacons: stopped, or cut off from the database. */
  public boolean missing(OffsetDateTime now, java.time.Duration beacon) {
    return seenAt.plus(beacon.multipliedBy(3)).isBefore(now);
  }
}
