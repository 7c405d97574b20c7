-- Automatic retries with back-off (PLANBRIDGE_RETRY_MAX_ATTEMPTS): a Failed transaction keeps its status and
-- message, and retry_at says when it goes out again by itself; the drain timer turns the ones whose time has come
-- back into Pending. NULL: no automatic retry is planned (that was the last attempt, back-off is off, or it
-- succeeded). No index: the timer finds them among the Failed ones (the index on status), and every index on this
-- table costs each status change of each transaction.
ALTER TABLE appointment_transaction ADD COLUMN retry_at TIMESTAMP WITH TIME ZONE;

-- The attempts are a log written by one statement of the drain (TransactionLedger.record), only for transactions
-- it has just claimed, and no transaction is ever deleted: the foreign key checked what cannot happen, and on
-- PostgreSQL its check locked the transaction's row once more for every attempt (a sixth of the drain's database
-- time). The index on transaction_id stays, for a transaction's history.
ALTER TABLE transaction_attempt DROP CONSTRAINT transaction_attempt_transaction;
