/**
 * The client of Business Central online (and on premises with OAuth) over the Dime.Scheduler API page:
 * {@code REST_API_PAGE}, {@link org.planbridge.backoffice.bconline.BcOnlineClient}; and the Entra ID tokens
 * ({@link org.planbridge.backoffice.bconline.EntraTokens}) that it and SOAP on BC online (the fallback, in
 * {@code nav/}) sign in with.
 *
 * <p><b>Why REST over SOAP.</b> Microsoft has deprecated SOAP web services on Business Central online and is
 * removing them; the API pages (OData v4 with JSON) are what stays. The Dime.Scheduler extension's API page
 * ({@code api/dimeSoftware/dimeScheduler/v1.0}, entity set {@code appointments}) takes one record per change,
 * like its SOAP page, and the resources as a contained collection in the same POST (a deep insert). The JSON
 * names are the camelCase of the page's fields, as data in {@code rest-mapping.json} and overridable per
 * connector with the SOAP page's own {@link org.planbridge.backoffice.nav.PageMapping}. The API's
 * {@code $metadata} stands in for the page's WSDL: read once per connector version, it gives each property's
 * type (values are written as the SOAP page writes them and sent as JSON numbers, booleans or strings), tells
 * which optional fields the entity has, and lets a mapped property the entity lacks be a named setup problem
 * before anything is sent.
 *
 * <p><b>Why {@code java.net.http}.</b> OAuth2 client credentials and a Bearer token need no authentication
 * scheme of the HTTP library (no NTLM, hence no HttpAsyncClient and no CXF here), and the JDK's client takes an
 * {@code SSLContext} built on {@link org.planbridge.backoffice.tls.BackOfficeTrust}'s TrustManagers, with the
 * connector's pin, for both the token endpoint and the API. Host names are verified; nothing is switched off.
 *
 * <p><b>Why a token cache per connector version.</b> Entra ID issues tokens for about an hour and throttles
 * clients that ask for one per call. Each connector version ({@code Target.key()}) keeps its token until two
 * minutes before it expires; a 401 fetches a new one once and sends again (a revoked token, a clock off), and
 * a second 401 is Failed with what to check in Entra ID and in Business Central. A changed connector (another
 * secret) starts afresh. The company's id (looked up by name once) and the metadata are kept with it. The token
 * part is one class, {@code EntraTokens}, public so that the SOAP clients of {@code nav/} fetch, cache and renew
 * their tokens exactly so (its {@code refused} says what a 401 or 403 means), not a copy of it.
 *
 * <p>Failures say what to fix ({@link org.planbridge.backoffice.bconline.BcFailures}): the token endpoint's
 * error and the first line of its AADSTS description, the OData error's code and message, what a 401, 403 or
 * 404 means here; 429, 503 and 504 carry the Retry-After asked for. The client secret never appears in a
 * message. Settings that cannot work (a password that is not {@code client_id=…&client_secret=…}, a URI that
 * is no API, an unknown company, a mapping the entity does not fit) are
 * {@link org.planbridge.backoffice.DeliveryFailed#misconfigured misconfigured}.
 */
package org.planbridge.backoffice.bconline;
