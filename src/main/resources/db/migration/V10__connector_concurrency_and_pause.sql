-- How hard the drain may press a connector's back office, on every instance together.
-- concurrency: how many of the connector's transactions may be in flight at once (claimed and not recorded), on all
--   instances together; NULL: the system's default (5 for BC_ONLINE, which processes about 5 requests of one
--   principal at once and queues the rest; no limit of its own for the others, only the drain's parallelism).
-- paused_until: the back office answered 429 or 503 with Retry-After; no transaction of the connector's Source App
--   is claimed before then, on any instance. Written by the drain, never by the admin API.
ALTER TABLE connector ADD COLUMN concurrency INTEGER;
ALTER TABLE connector ADD CONSTRAINT connector_concurrency CHECK (concurrency BETWEEN 1 AND 1000);
ALTER TABLE connector ADD COLUMN paused_until TIMESTAMP WITH TIME ZONE;

-- The transactions in flight for connectors with a concurrency limit: a row per claimed transaction, written by the
-- claim (under the drain lock, so the count it reads is exact) and removed when its outcome is recorded. A lease that
-- ended (an instance that stopped) no longer counts. Only limited connectors' transactions get a row: the others'
-- claims and records pay nothing for it.
CREATE TABLE delivery_slot (
    transaction_id BIGINT PRIMARY KEY,
    source_app VARCHAR(30) NOT NULL,
    lease_until TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX delivery_slot_source_app ON delivery_slot (source_app);
