/**
 * The clients that carry an appointment to a back office. Each speaks its partner's protocol behind
 * {@link org.planbridge.backoffice.BackOfficeClient}, our own interface: nothing of a partner's API
 * leaves its sub-package, and nothing here knows JPA or the outbox's tables.
 *
 * <p>{@link org.planbridge.backoffice.BackOfficeClients} picks the client by the connector's system and type:
 * {@code webhook/}, {@code nav/} for NAV and BC on premises over SOAP (and SOAP on BC online with a Bearer
 * token, the deprecated fallback), and {@code bconline/} for the REST API page of BC online (OAuth2) and on
 * premises. A client gets a {@link org.planbridge.backoffice.Target} (the
 * connector as it is now, keyed by id and version, so that what a client builds for it is rebuilt when it
 * changes) and a
 * {@link org.planbridge.backoffice.Delivery} (the change as JSON, readable as data). It reports its own
 * longest delivery, so the drain keeps that much of a lease in hand. And it can check the way to its back
 * office without sending anything ({@link org.planbridge.backoffice.CheckList}).
 */
package org.planbridge.backoffice;
