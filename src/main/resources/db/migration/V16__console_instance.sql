-- Every PlanBridge instance on this database says every few seconds that it is alive and how its timers are
-- (admin.boundary.InstanceBeacon), so that the console's Status page, served by any one of them, shows them all.
-- An instance not seen for a week is forgotten.
CREATE TABLE console_instance (
  instance        VARCHAR(100) NOT NULL PRIMARY KEY,
  started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  seen_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  -- the drain timer's last tick, and the retry CRON's next run (null: automatic retry is off)
  drain_ticked_at TIMESTAMP WITH TIME ZONE,
  next_retry_at   TIMESTAMP WITH TIME ZONE,
  -- why its timers count as stopped (outbox.control.Heartbeats), null while they tick
  timers_stopped  VARCHAR(400)
);
