package org.planbridge.metrics.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.planbridge.metrics.control.Exposition;
import org.planbridge.metrics.control.Meters;
import org.planbridge.platform.boundary.Problem;

/**
 * {@code GET /api/metrics}: every meter as Prometheus text, or as OpenMetrics when the {@code Accept} header asks
 * for it. The key filter lets only keys with the {@code metrics} scope through, as {@code X-API-KEY} or as
 * {@code Authorization: Bearer} (which Prometheus sends).
 */
@Path("metrics")
public class MetricsResource {

  @Inject Meters meters;

  @GET
  @Operation(summary = "Prometheus metrics (text format 0.0.4, or OpenMetrics 1.0 by Accept); needs the scope metrics")
  @APIResponse(responseCode = "200", description = "The metrics")
  @APIResponse(responseCode = "401", description = "Missing or wrong key")
  @APIResponse(responseCode = "403", description = "The key does not have the scope metrics")
  public Response scrape(@Context UriInfo uri, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
    Response refused = Problem.whenQueried(uri, "/api/metrics");
    if (refused != null) {
      return refused;
    }
    Exposition format = Exposition.accepted(accept);
    return Response.ok(meters.scrape(format)).type(format.contentType()).build();
  }
}
