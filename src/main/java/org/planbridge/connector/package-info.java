/**
 * Connectors: the multi back-office settings ("MBOC") that say, per Source App, whether its
 * appointments go back to a back office, to which system (NAV, BC, BC online, a webhook), by which
 * protocol, where and with which credentials. Delivery (the outbox) reads them; the admin API and
 * the Dime-compatible import write them.
 *
 * <p>One {@code Connectors} control holds the rules for every way in (admin API, {@code
 * mboc_upsertConnector}/{@code mboc_deleteConnector}, the typed route {@code connector}), so a
 * connector means the same whichever client wrote it. It uses JPA: connectors are few, and the
 * entity is what delivery will read. In an import it joins the request's transaction.
 *
 * <p>Secrets: the password is encrypted before it reaches the entity (AES-GCM, a fresh IV per value,
 * key {@code PLANBRIDGE_SECRET_KEY}), never returned by any API (answers say {@code passwordSet}),
 * never logged and never quoted in an error. The key is checked when a password is first stored or
 * read, so PlanBridge starts without one. The back-office type is free text and the URI is not
 * checked on the way in: a value delivery cannot use is kept, and delivery reports it as a status
 * an administrator can act on, instead of the import refusing the back office's request.
 */
package org.planbridge.connector;
