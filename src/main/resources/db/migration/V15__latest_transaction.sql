-- The console's appointments list shows each appointment with its newest transaction. Found at read time (no newer
-- transaction of the same appointment exists), a page deep in the list walked most of the table: 2.5 s for page 1
-- and 3.9 s for page 1,000 with 1,000,000 transactions (bench/results/console-20261201T192755Z.txt). latest marks
-- the newest transaction of each appointment: set by the outbox when it writes one (outbox.control.Outbox, in the
-- same database transaction, which first clears it on the one before), so the list is an index range.
ALTER TABLE appointment_transaction ADD COLUMN latest BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE appointment_transaction SET latest = TRUE WHERE NOT EXISTS (SELECT 1 FROM appointment_transaction newer
  WHERE newer.appointment_id = appointment_transaction.appointment_id
    AND newer.sequence > appointment_transaction.sequence);
-- Newest first and counted from the index alone. Neither lease column is in it: a claim's lease stays a write
-- without index maintenance.
CREATE INDEX appointment_transaction_latest ON appointment_transaction (latest, id);
