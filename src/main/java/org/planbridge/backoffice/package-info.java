/**
 * The clients that carry an appointment to a back office. Each speaks its partner's protocol behind
 * {@link org.planbridge.backoffice.BackOfficeClient}, our own interface: nothing of a partner's API
 * leaves its sub-package, and nothing here knows JPA or the outbox's tables.
 *
 * <p>The webhook client comes first; the NAV/BC SOAP (CXF) and BC online (OAuth2) clients follow in
 * their own sub-packages, chosen by {@link org.planbridge.backoffice.BackOfficeSystem}.
 */
package org.planbridge.backoffice;
