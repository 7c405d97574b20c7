/**
 * What every component stands on: the database schema (Flyway, run once at start-up before anything
 * else touches the database), configuration, the API keys and their scopes, readiness and the
 * start-up report, and the change-tracking columns ({@code entity.Tracked}) that the planning tables
 * and the connector table share.
 *
 * <p>The datasource is the server's, created from the environment by the server's own set-up
 * ({@code server-config/}), so the same WAR runs on H2 or PostgreSQL without a rebuild. The code names
 * it as the WAR's resource reference ({@code java:comp/env/jdbc/planbridge}, {@code control.Database.RESOURCE},
 * declared in {@code WEB-INF/web.xml}); each server binds that reference in its own descriptor, which the others
 * ignore ({@code glassfish-web.xml}: Payara's {@code jdbc/planbridge}; {@code jboss-web.xml}: WildFly's
 * {@code java:/jdbc/planbridge}, WildFly binding datasources only under {@code java:/} and {@code java:jboss/}).
 * The persistence unit is the one place a server's own name remains, because Payara reads no
 * {@code java:comp/env} name there: {@code jdbc/planbridge}, which Payara takes as it is and WildFly as
 * {@code java:/jdbc/planbridge}. Nothing here names a server product: only Jakarta EE and MicroProfile APIs.
 * Whatever a MicroProfile Health check needs of the database it asks {@code boundary.Startup} for, an EJB: WildFly
 * calls checks on its management thread, where there is no {@code java:comp} to look a reference up in.
 *
 * <p>API keys are modelled once, for every route and for what comes later. A key is an identity
 * ({@code control.KeyIdentity}: a name, scopes, the Source Apps it is limited to), not only a yes or
 * no, so that a route which needs more than its scope (the pull delivery will read the Source Apps)
 * gets it from the request ({@code boundary.ApiKeyFilter.IDENTITY}) instead of asking the database
 * again. The scope a route needs follows from its path alone ({@code control.Scope.neededFor}), in one
 * place, so the filter refuses a call before any resource runs, in the route's shape, and a new route
 * under {@code /api/admin} cannot forget its check. Three coarse scopes, because they match the three
 * kinds of client (a back office importing, an administrator, a metrics scraper); finer rights can be
 * added as scopes without changing the model. Keys are stored as SHA-256 only and shown once, at their
 * creation: a key is 256 random bits, so an unsalted fast hash is enough (there is nothing to guess),
 * and it lets the filter find a key with one indexed query by its hash. Revoking keeps the row, so the
 * list says what happened and a client with a revoked key is told so rather than that it is unknown.
 * The configured key ({@code PLANBRIDGE_API_KEY}) has every scope: it is how the first stored key gets
 * made, and how an installation without stored keys keeps working as before. A key comes as {@code X-API-KEY} (what the
 * SDKs send) or as {@code Authorization: Bearer} (what Prometheus and most tools send), the same key either way.
 *
 * <p>Input is read in one way everywhere, because each server ships its own JSON-P parser and its own
 * faults: {@code control.JsonBody} drives the parser event by event and never calls its
 * {@code skipArray}/{@code skipObject}/{@code getValue}, which on Payara's Parsson loop forever on a
 * body cut short inside a skipped structure and recurse into a stack overflow on a deep one. It
 * decodes UTF-8 itself, strictly, because a parser's own reader replaces a bad byte with U+FFFD and the
 * value would be stored other than sent; it refuses a key twice in an object because every route
 * matches keys without case and the last one would win in silence. {@code control.BodyLimit} bounds a
 * body's size and the time it may take to arrive (a grace time plus a minimum rate, so a byte-a-second
 * client is cut off and a large body on a slow line is not). {@code control.StorableText} is the one
 * rule for text (UTF-16 lengths, no NUL, no unpaired surrogate), so H2 and PostgreSQL give one answer;
 * {@code control.QueryParameters} applies it to query strings, decoded strictly as well. Refusals take
 * the route's shape in one place ({@code boundary.Answers}); {@code boundary.ApiExceptionMapper} turns
 * what no resource answered (no route, no method, a fault) into that shape instead of the server's page.
 */
package org.planbridge.platform;
