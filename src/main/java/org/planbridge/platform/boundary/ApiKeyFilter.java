package org.planbridge.platform.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.planbridge.platform.control.ApiKeys;

/**
 * Every {@code /api} call needs a valid {@code X-API-KEY}. Writes (the Dime-compatible routes) are
 * refused in the SDK envelope, reads and the admin API ({@code /api/admin/...}) as problem details;
 * all with HTTP 401.
 */
@Provider
@PreMatching
public class ApiKeyFilter implements ContainerRequestFilter {

  public static final String HEADER = "X-API-KEY";

  @Inject ApiKeys apiKeys;

  @Override
  public void filter(ContainerRequestContext request) {
    if (apiKeys.accepts(request.getHeaderString(HEADER))) {
      return;
    }
    String detail = request.getHeaderString(HEADER) == null
        ? "Missing X-API-KEY header."
        : "The X-API-KEY is not valid.";
    if (!apiKeys.anyConfigured()) {
      detail += " No API key is configured on this server: set PLANBRIDGE_API_KEY.";
    }
    request.abortWith(Answers.refusal(request.getMethod(), request.getUriInfo().getPath(), 401, "Unauthorized", detail));
  }
}
