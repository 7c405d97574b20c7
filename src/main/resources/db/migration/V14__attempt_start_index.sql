-- The console's dashboard counts the last 24 hours' delivery attempts per hour and status: without an index on their
-- start it read every attempt ever made. (started_at, status) answers it from the index alone. Attempts are written
-- in the order they start, so each insert lands at the index's right edge; the drain benchmark measures what it costs.
CREATE INDEX transaction_attempt_started ON transaction_attempt (started_at, status);
