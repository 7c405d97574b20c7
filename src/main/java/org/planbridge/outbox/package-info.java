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
 */
package org.planbridge.outbox;
