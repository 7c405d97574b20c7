package org.planbridge.platform.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.planbridge.platform.control.ApiKeys;
import org.planbridge.platform.control.KeyIdentity;
import org.planbridge.platform.control.Scope;

/**
 * Every {@code /api} call needs a valid key that has the scope of its route ({@link Scope#neededFor}), as
 * {@code X-API-KEY} or as {@code Authorization: Bearer <key>}, the way Prometheus and most HTTP tools send a token
 * ({@link #presentedKey}). A missing, unknown or revoked key is refused with 401, a key without the
 * scope with 403 naming the scope and the key's name (never the key); both in the route's shape
 * ({@link Answers}): the SDK envelope on the Dime-compatible writes, problem details on the reads and
 * the admin API. An accepted key's {@link KeyIdentity} is the request property {@link #IDENTITY}.
 */
@Provider
@PreMatching
public class ApiKeyFilter implements ContainerRequestFilter {

  public static final String HEADER = "X-API-KEY";
  private static final String BEARER = "bearer ";

  /**
   * The request property holding the {@link KeyIdentity} of the request's key, set on every request
   * that passes this filter: a resource or filter reads it with
   * {@code ContainerRequestContext.getProperty(IDENTITY)} where a route needs more than its scope.
   */
  public static final String IDENTITY = "org.planbridge.platform.apiKey";

  @Inject ApiKeys apiKeys;

  @Override
  public void filter(ContainerRequestContext request) {
    String method = request.getMethod();
    String path = request.getUriInfo().getPath();
    ApiKeys.Authentication authentication = apiKeys.authenticate(
        presentedKey(request.getHeaderString(HEADER), request.getHeaderString(HttpHeaders.AUTHORIZATION)));
    if (!(authentication instanceof ApiKeys.Accepted accepted)) {
      request.abortWith(Answers.refusal(method, path, 401, "Unauthorized", unauthorized(authentication)));
      return;
    }
    KeyIdentity identity = accepted.identity();
    Scope needed = Scope.neededFor(path);
    if (!identity.allows(needed)) {
      request.abortWith(Answers.refusal(method, path, 403, "Forbidden", "This route needs the scope '" + needed
          + "', which the API key '" + identity.name() + "' does not have (it has: " + scopes(identity) + ")."));
      return;
    }
    request.setProperty(IDENTITY, identity);
  }

  /**
   * The key a request presents: its {@code X-API-KEY}, else the token of an {@code Authorization: Bearer} header (the
   * scheme's name in any case, RFC 9110); null when it has neither. Another scheme (Basic) presents no key.
   */
  static String presentedKey(String apiKeyHeader, String authorization) {
    if (apiKeyHeader != null && !apiKeyHeader.isBlank()) {
      return apiKeyHeader;
    }
    if (authorization == null) {
      return null;
    }
    String credentials = authorization.strip();
    return credentials.regionMatches(true, 0, BEARER, 0, BEARER.length())
        ? credentials.substring(BEARER.length()).strip() : null;
  }

  private String unauthorized(ApiKeys.Authentication authentication) {
    if (authentication instanceof ApiKeys.Revoked revoked) {
      return "The X-API-KEY '" + revoked.name() + "' has been revoked (at " + revoked.at()
          + "); it is no longer accepted. Ask an administrator for a new key.";
    }
    String detail = authentication instanceof ApiKeys.Missing ? "Missing X-API-KEY header (or Authorization: Bearer)."
        : "The X-API-KEY is not valid.";
    if (!apiKeys.anyConfigured()) {
      detail += " No API key is configured on this server: set PLANBRIDGE_API_KEY.";
    }
    return detail;
  }

  private static String scopes(KeyIdentity identity) {
    return identity.scopes().isEmpty() ? "none"
        : String.join(", ", identity.scopes().stream().map(Scope::wireName).toList());
  }
}
