/**
 * Delivery of appointment changes to the back offices: the transaction table (an outbox), drained by
 * timers, with a status and the history of attempts for every transaction.
 *
 * <p>A change is written to {@code appointment_transaction} in the same database transaction as the
 * change itself, so no appointment change can be lost or sent without having happened. The drain
 * claims due transactions with a lease ({@code claimed_by}, {@code lease_until}) under {@code SELECT
 * ... FOR UPDATE SKIP LOCKED}, so several PlanBridge instances share one database safely and the rows
 * of a crashed instance are taken over when its lease ends. Per appointment only the newest change
 * is sent, never two at once: older waiting ones are Skipped. The remote call happens outside any
 * database transaction; its result is recorded in a short transaction of its own.
 *
 * <p>The drain is a pipeline ({@code control.DrainSession}): one thread claims and records, a few at a
 * time and in few statements, while the workers deliver. Per-transaction database work costs more than
 * a webhook call to a fast back office, so it is batched and kept off the workers' path. Failed ones
 * are sent again by the retry CRON, by an administrator, or by themselves with back-off
 * ({@code control.Backoff}: {@code retry_at}, made due by the drain timer, not by every claim).
 *
 * <p>How hard a back office is pressed is decided when claiming, under the claim lock, for all instances
 * together ({@code control.Lanes}): a connector's concurrency limit (Business Central online: 5) counts its
 * claimed transactions in {@code delivery_slot}, and a connector whose back office asked to wait
 * ({@code connector.paused_until}, from a 429 or 503 with Retry-After) gets nothing claimed until then. Not a
 * semaphore in the workers: a worker waiting for a slot would hold a lease it cannot use and starve the other
 * connectors, and another instance's workers would not see it. Claimed transactions of a connector that paused
 * meanwhile are given back at once, without an attempt. Connectors without a limit or a pause pay one read of
 * a few connector rows per claim.
 *
 * <p>The outbox measures itself ({@code control.DeliveryMeters}, {@code control.BacklogMeters}): every outcome is
 * counted where the dispatcher makes it, on the worker, with meters built once per connector, so the drain's own
 * thread and the ledger's statements stay as they were. The backlog is not counted as transactions come and go (every
 * instance would count only its own part, and a restart would lose it) but read from the table when scraped, at most
 * once a second, through the index on status. Readiness watches the timers ({@code control.Heartbeats}): a drain timer
 * that stopped leaves an instance that answers but delivers nothing. A connector whose back office is down does not
 * make the instance unready ({@code boundary.ConnectorReadiness} only reports it): another instance could not deliver
 * either.
 */
package org.planbridge.outbox;
