/**
 * The administration console at {@code /console}: Jakarta Faces pages with PrimeFaces, for IT staff who must see
 * what happened to every appointment and fix what went wrong without a database client. A face on the other
 * components' control classes (the dashboard reads the outbox's own {@code TransactionLedger}), never a second copy
 * of their logic; switched off with PLANBRIDGE_CONSOLE_ENABLED=false, when {@code /console} answers 404 and nothing
 * else changes.
 *
 * <p>The pages reuse what the admin API does, so that there is one set of rules: the transaction lists, retries and
 * archives are {@code outbox.control.TransactionQueries} (its JSON items are the table rows), a connector is saved
 * as the admin API's JSON ({@code connector.boundary.ConnectorJson}), an API key is asked for as the API asks for
 * it ({@code platform.control.NewKey}), the status page calls the MicroProfile Health checks. The Notifications
 * page reads the notifications and messages the import stored ({@code control.Notices}, newest first with the
 * console's text filters, the labels from the import's catalog): no other component lists them that way. Every action that
 * changes something runs through {@code boundary.ConsoleActions}: the role, then the audit trail
 * ({@code control.Audit}), then the message the page shows.
 *
 * <p>Security is Jakarta Security, so that it is the same on every server: a mechanism of PlanBridge's own
 * ({@code boundary.ConsoleAuthentication}, a form on a login page of ours, the identity kept in the session) and an
 * identity store over the local accounts ({@code boundary.ConsoleIdentityStore}, {@code control.Accounts}), with
 * passwords hashed by the API's {@code Pbkdf2PasswordHash} (PBKDF2WithHmacSHA512, 210,000 iterations). Accounts are
 * in the database, not in a server realm, so that an administrator manages them in the console on any server and
 * every instance behind a load balancer knows them. Three roles ({@code control.Role}): admin, operator, viewer;
 * which page needs which is declared once, in {@code web.xml}'s security constraints, and every action checks the
 * role again, so that a post made by hand is refused as well as a button not shown. Refused logins get one message
 * whatever the reason, and an unknown user costs the same hashing time as a known one, so that the login page does
 * not tell which accounts exist; repeated failures lock the account for a while (PLANBRIDGE_CONSOLE_*).
 *
 * <p>Pages send their security headers from {@code boundary.ConsoleFilter}; their Content-Security-Policy is
 * PrimeFaces' CSP mode (a nonce per response on every script, no {@code 'unsafe-inline'} or {@code 'unsafe-eval'}
 * for scripts), with the rest of the policy in {@code web.xml}. Every change is a Faces post, which carries the
 * view state and PrimeFaces' nonce: a form posted from elsewhere has neither and changes nothing, and one with a
 * view state the server no longer holds is answered with the page afresh ({@code boundary.ExpiredViews}). The
 * session cookie is SameSite=Strict on top. A post that presses a button the page did not show its caller is refused
 * with 403 before anything in it is applied ({@code boundary.UnofferedActions}): what a page shows a role is what it
 * accepts. A session stands only while its account is as it was at the login ({@code boundary.ConsoleSessions}).
 *
 * <p>The Logs page reads the messages PlanBridge logged from a table of ours ({@code console_log},
 * {@code control.LogBook}), not the server's log file, whose place and format differ from server to server and from
 * instance to instance. A {@code java.util.logging} handler ({@code control.LogCapture}) only puts each message in a
 * bounded queue, dropping and counting it when the queue is full, so that logging never waits for the database; a
 * timer ({@code boundary.LogKeeper}) writes the queue out and deletes what is past its retention.
 */
package org.planbridge.admin;
