-- The console counts the last 24 hours' delivery attempts per hour and status (the dashboard's chart), and finds
-- each connector's last success and last failure (the Connectors page): without an index on the attempts' start,
-- both read every attempt ever made. (started_at, status, connector_id) answers both from the index alone, newest
-- first. Attempts are written in the order they start, so each insert lands at the index's right edge; the drain
-- benchmark measures what it costs.
CREATE INDEX transaction_attempt_started ON transaction_attempt (started_at, status, connector_id);
