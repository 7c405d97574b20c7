package org.planbridge.integration.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.planbridge.integration.control.TemplateStore;

/** {@code GET /api/integration/templates} (the ingest scope): the installed templates, what each reads and writes. */
@Stateless
@Path("integration/templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Integration templates")
public class IntegrationResource {

  @Inject TemplateStore templates;

  @GET
  @Operation(operationId = "listInstalledTemplates", summary = "List the installed integration templates")
  @APIResponse(responseCode = "200", description = "{\"items\": [{\"name\", \"description\", \"direction\","
      + " \"reads\", \"writes\"}], \"total\": n}")
  public Response list(@Context UriInfo uri) {
    return TemplateAnswers.listed(uri, templates);
  }
}
